/**
 * The audit requests of the language server as the client sends them. The data shapes are the
 * server's own (server/src/protocol/audit-types.ts, compiled through a project reference); only the
 * typed request objects are built here, from the client's copy of the protocol library.
 */
import { RequestType } from 'vscode-languageclient/node';
import {
  AUDIT_WORKSPACE_METHOD,
  WORKSPACE_TRUSTED_NOTIFICATION,
  EXPORT_AUDIT_METHOD,
  type AuditResult,
  type AuditWorkspaceParams,
  type ExportAuditParams,
  type ExportAuditResult,
} from '../../server/src/protocol/audit-types';
import { EFFECTIVE_CONFIG_METHOD, type EffectiveConfig, type EffectiveConfigParams } from '../../server/src/protocol/effective-config';

export type * from '../../server/src/protocol/audit-types';
export { WORKSPACE_TRUSTED_NOTIFICATION };

export const AuditWorkspaceRequest = new RequestType<AuditWorkspaceParams, AuditResult, void>(AUDIT_WORKSPACE_METHOD);
export const ExportAuditRequest = new RequestType<ExportAuditParams, ExportAuditResult, void>(EXPORT_AUDIT_METHOD);

export type { EffectiveConfig } from '../../server/src/protocol/effective-config';
export const EffectiveConfigRequest = new RequestType<EffectiveConfigParams, EffectiveConfig, void>(EFFECTIVE_CONFIG_METHOD);
