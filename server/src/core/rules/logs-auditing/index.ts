/**
 * The Logs and auditing section's rules, listed explicitly and sorted by id.
 */
import type { Rule } from '../types';
import apiserverAuditLogging from './apiserver-audit-logging';
import apiserverLogsHandler from './apiserver-logs-handler';
import auditLogHostMount from './audit-log-host-mount';
import controlPlaneProfiling from './control-plane-profiling';

export const LOGS_AUDITING_RULES: readonly Rule[] = [
  apiserverAuditLogging,
  apiserverLogsHandler,
  auditLogHostMount,
  controlPlaneProfiling,
];
