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
 */
import { RequestType } from 'vscode-languageserver/node';
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
