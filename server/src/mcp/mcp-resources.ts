/**
 * The resources of the MCP server: each rule's documentation (`kube-checklist://rules/{id}`, the
 * section of docs/rules.md) and each checklist item (`kube-checklist://checklist/{item}`, its
 * summary and the rules that serve it), both listed, both in the server's locale.
 */
import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import { CHECKLIST_ITEMS, checklistItemById, checklistItemUrl, Locale, localize, ruleById, RULES } from '../core';
import { formatRuleMarkdown } from '../report/rules-format/markdown';
import { mcpMessage } from './mcp-messages';

const RULE_URI = 'kube-checklist://rules/';
const ITEM_URI = 'kube-checklist://checklist/';

/** A template variable is a string or, for `{x*}` forms, a list; ours are plain strings. */
function single(value: string | string[] | undefined): string {
  return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
}

export function registerResources(server: McpServer, locale: Locale): void {
  server.registerResource(
    'rule',
    new ResourceTemplate(`${RULE_URI}{id}`, {
      list: async () => ({ resources: RULES.map((rule) => ({ uri: RULE_URI + rule.id, name: rule.id, title: localize(rule.docs.title, locale), mimeType: 'text/markdown' })) }),
    }),
    { title: 'kube-checklist rule documentation', description: 'Why a rule matters, how to fix it and whether the fix is safe', mimeType: 'text/markdown' },
    async (uri, variables) => {
      const id = single(variables.id);
      const rule = ruleById(id);
      if (!rule) throw new Error(mcpMessage('unknownRule', locale, { ruleId: id }));
      return { contents: [{ uri: uri.href, mimeType: 'text/markdown', text: formatRuleMarkdown(rule, locale) }] };
    },
  );
  server.registerResource(
    'checklist-item',
    new ResourceTemplate(`${ITEM_URI}{section}/{item}`, {
      list: async () => ({ resources: CHECKLIST_ITEMS.map((item) => ({ uri: ITEM_URI + item.id, name: item.id, title: localize(item.summary, locale), mimeType: 'application/json' })) }),
    }),
    { title: 'Kubernetes Security Checklist item', description: 'A checklist item, how it is checked and the rules that serve it', mimeType: 'application/json' },
    async (uri, variables) => {
      // Item ids are `section/item` (`pod-security/pss-enforced`): two segments of the URI.
      const id = `${single(variables.section)}/${single(variables.item)}`;
      const item = checklistItemById(id);
      if (!item) throw new Error(mcpMessage('unknownItem', locale, { item: id }));
      const rules = RULES.filter((rule) => rule.checklist.includes(item.id)).map((rule) => rule.id);
      const body = { id: item.id, section: item.section, check: item.check, summary: localize(item.summary, locale), url: checklistItemUrl(item.id, locale), rules };
      return { contents: [{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify(body, null, 2) }] };
    },
  );
}
