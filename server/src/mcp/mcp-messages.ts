/**
 * The words the MCP server shows to people: error texts of tool results, in English and
 * Simplified Chinese, picked by the locale the CLI found in the environment. Tool descriptions are
 * for the model and stay in English (mcp-server.ts).
 */
import { formatText, Locale, Localized, localize } from '../core';

const MCP_MESSAGES = {
  tooLarge: {
    en: 'The text is {{size}}, over the limit of {{limit}}: it was not checked.',
    'zh-cn': '文本大小为 {{size}}，超过了 {{limit}} 的上限，未做检查。',
  },
  messageTooLarge: {
    en: 'The request is over the limit of {{limit}}: it was not read.',
    'zh-cn': '请求超过了 {{limit}} 的上限，未被读取。',
  },
  unknownRule: { en: 'There is no rule "{{ruleId}}".', 'zh-cn': '没有名为 "{{ruleId}}" 的规则。' },
  unknownRuleSuggest: {
    en: 'There is no rule "{{ruleId}}"; did you mean "{{suggestion}}"?',
    'zh-cn': '没有名为 "{{ruleId}}" 的规则，您是否想输入 "{{suggestion}}"？',
  },
  unknownItem: { en: 'There is no checklist item "{{item}}".', 'zh-cn': '没有名为 "{{item}}" 的检查清单条目。' },
  outsideRoots: {
    en: 'The path "{{path}}" is outside the folders this server may read.',
    'zh-cn': '路径 "{{path}}" 不在本服务器可读取的文件夹之内。',
  },
  notFound: { en: 'The path "{{path}}" does not exist.', 'zh-cn': '路径 "{{path}}" 不存在。' },
  auditFailed: { en: 'The audit could not run: {{reason}}', 'zh-cn': '无法完成审计：{{reason}}' },
} satisfies Record<string, Localized>;

export type McpMessageId = keyof typeof MCP_MESSAGES;

export function mcpMessage(id: McpMessageId, locale: Locale, data: Record<string, string | number> = {}): string {
  return formatText(localize(MCP_MESSAGES[id], locale), data);
}
