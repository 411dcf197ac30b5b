/**
 * The custom requests of the workspace audit (a contract with the VS Code client and any other LSP
 * client; the data shapes live in server/src/protocol/audit-types.ts, shared with the client):
 *
 * - `kubeChecklist/auditWorkspace` (client → server), params `AuditWorkspaceParams`, result
 *   `AuditResult`. Work-done progress through `workDoneToken` (begin / report with counts / end);
 *   cancellable with `$/cancelRequest`, which fails the request with RequestCancelled (-32800) and
 *   leaves the diagnostics of the previous audit as they were. On success the server publishes
 *   diagnostics for every file with findings, open or not, and clears those of the previous audit.
 * - `kubeChecklist/exportAuditReport` (client → server), params `{ format: 'json' | 'sarif' |
 *   'markdown' }`, result `ExportAuditResult`: the last audit in the CLI's output formats (the same
 *   contracts as `kube-checklist audit --format`). Fails with InvalidRequest before any audit.
 *
 * Parameters of the wrong shape fail with InvalidParams (-32602) rather than being read loosely
 * (a `folders` string would audit no folder and report a clean workspace).
 */
import { ErrorCodes, RequestType, ResponseError } from 'vscode-languageserver/node';
import type { Locale } from '../core';
import { workspaceMessage } from './workspace-messages';
import {
  AUDIT_WORKSPACE_METHOD,
  EXPORT_AUDIT_METHOD,
  type AuditResult,
  type AuditWorkspaceParams,
  type ExportAuditParams,
  type ExportAuditResult,
} from '../protocol/audit-types';

export * from '../protocol/audit-types';

export const AuditWorkspaceRequest = new RequestType<AuditWorkspaceParams, AuditResult, void>(AUDIT_WORKSPACE_METHOD);
export const ExportAuditRequest = new RequestType<ExportAuditParams, ExportAuditResult, void>(EXPORT_AUDIT_METHOD);

/** The audit request's parameters, checked: absent ones mean "every folder". */
export function checkAuditParams(params: unknown, locale: Locale): AuditWorkspaceParams {
  if (params === undefined || params === null) return {};
  const invalid = (field: string) => new ResponseError(ErrorCodes.InvalidParams, workspaceMessage('invalidParams', locale, { field, method: AUDIT_WORKSPACE_METHOD }));
  if (typeof params !== 'object' || Array.isArray(params)) throw invalid('params');
  const { workDoneToken, folders } = params as Record<string, unknown>;
  if (workDoneToken !== undefined && typeof workDoneToken !== 'string' && !Number.isInteger(workDoneToken)) throw invalid('workDoneToken');
  if (folders !== undefined && !(Array.isArray(folders) && folders.every((folder) => typeof folder === 'string'))) throw invalid('folders');
  return params as AuditWorkspaceParams;
}
