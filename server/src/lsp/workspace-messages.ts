/**
 * Words the server adds for the workspace index and the audit: progress titles and messages, the
 * notes about skipped files, related-location fallbacks. In both languages, like lsp-messages.ts.
 */
import { formatText, Locale, Localized, localize } from '../core';

const MESSAGES = {
  indexingTitle: { en: 'Kubernetes Checklist: indexing manifests', 'zh-cn': 'Kubernetes 检查清单：正在索引清单文件' },
  indexingStart: { en: 'Looking for manifests…', 'zh-cn': '正在查找清单文件…' },
  indexingFiles: { en: '{{done}}/{{total}} files', 'zh-cn': '{{done}}/{{total}} 个文件' },
  auditTitle: { en: 'Kubernetes Checklist: auditing the workspace', 'zh-cn': 'Kubernetes 检查清单：正在审计工作区' },
  auditReading: { en: 'Reading files: {{done}}/{{total}}', 'zh-cn': '正在读取文件：{{done}}/{{total}}' },
  auditChecking: {
    en: 'Checked {{done}} of {{total}} files ({{resources}} resources, {{findings}} findings)',
    'zh-cn': '已检查 {{done}}/{{total}} 个文件（{{resources}} 个资源，{{findings}} 个问题）',
  },
  auditWorkspaceRules: { en: 'Checking resources together…', 'zh-cn': '正在对资源做跨资源检查…' },
  auditPublishing: { en: 'Publishing {{findings}} findings…', 'zh-cn': '正在发布 {{findings}} 个问题…' },
  auditCancelled: { en: 'The audit was cancelled.', 'zh-cn': '审计已取消。' },
  noAudit: { en: 'Run the workspace audit first.', 'zh-cn': '请先运行工作区审计。' },
  invalidParams: { en: 'Invalid parameter {{field}} of {{method}}.', 'zh-cn': '{{method}} 的参数 {{field}} 无效。' },
  formatUnavailable: { en: 'The {{format}} export is not available in this version.', 'zh-cn': '此版本不支持导出 {{format}}。' },
  skippedLarge: { en: 'skipped, larger than 5 MiB', 'zh-cn': '已跳过，超过 5 MiB' },
  skippedBinary: { en: 'skipped, a binary file', 'zh-cn': '已跳过，是二进制文件' },
  skippedUnreadable: { en: 'skipped, cannot be read: {{reason}}', 'zh-cn': '已跳过，无法读取：{{reason}}' },
  relatedPlace: { en: 'Related place', 'zh-cn': '相关位置' },
} satisfies Record<string, Localized>;

export type WorkspaceMessageId = keyof typeof MESSAGES;

export function workspaceMessage(id: WorkspaceMessageId, locale: Locale, data: Record<string, string | number> = {}): string {
  return formatText(localize(MESSAGES[id], locale), data);
}
