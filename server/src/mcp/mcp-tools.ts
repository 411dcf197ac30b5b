/**
 * The tools of the MCP server, declared with their input and output schemas (zod, as the SDK
 * wants them): check_manifest, fix_manifest, explain_rule, audit_path and list_rules. Each one is
 * a thin wrapper over the shared pipeline (manifest-tools.ts, audit-tool.ts, rule metadata);
 * problems with the input become `isError` results with a message in the user's locale, so the
 * model sees them and the server keeps running.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import * as z from 'zod/v4';
import { closestMatch, Locale, localize, redactSecrets, ruleById, RULES } from '../core';
import { MAX_FILE_BYTES, sizeLabel } from '../host/read-source';
import { formatRuleMarkdown } from '../report/rules-format/markdown';
import { auditPath } from './audit-tool';
import { checkManifest, fixManifest } from './manifest-tools';
import { mcpMessage } from './mcp-messages';

export interface ToolContext {
  readonly locale: Locale;
  /** The real paths of the roots, asked of the client at each call (its roots may change). */
  roots(): Promise<string[]>;
}

const position = z.object({ line: z.number(), character: z.number() });
const finding = z.object({
  ruleId: z.string(),
  checklist: z.array(z.string()),
  severity: z.string(),
  message: z.string(),
  line: z.number().describe('1-based line'),
  column: z.number().describe('1-based column'),
  range: z.object({ start: position, end: position }).describe('0-based, as in LSP'),
  exact: z.boolean().describe('false when the field is missing and the range is its nearest parent'),
  resource: z.object({ kind: z.string(), name: z.string().optional(), namespace: z.string().optional() }),
  fixes: z.array(z.object({ title: z.string(), safety: z.enum(['safe', 'suggestion']) })),
});
const checkOptions = {
  level: z.enum(['baseline', 'restricted']).optional().describe('Pod Security Standards level (default restricted)'),
  kubernetesVersion: z.string().optional().describe('latest (default) or v1.NN'),
};
const ruleSummary = z.object({
  id: z.string(),
  title: z.string(),
  checklist: z.array(z.string()),
  defaultSeverity: z.string(),
  enabledByDefault: z.boolean(),
  pss: z.object({ level: z.string(), since: z.string() }).nullable(),
});

function result(structured: object, text = JSON.stringify(structured, null, 2)): CallToolResult {
  return { content: [{ type: 'text', text }], structuredContent: structured as Record<string, unknown> };
}

function failure(message: string): CallToolResult {
  return { content: [{ type: 'text', text: message }], isError: true };
}

/** The size check of files (the CLI's and the editor's limit), on the text a tool receives. */
function tooLarge(text: string, locale: Locale): CallToolResult | undefined {
  const bytes = Buffer.byteLength(text, 'utf8');
  return bytes > MAX_FILE_BYTES ? failure(mcpMessage('tooLarge', locale, { size: sizeLabel(bytes), limit: sizeLabel(MAX_FILE_BYTES) })) : undefined;
}

function unknownRule(ruleId: string, locale: Locale): CallToolResult {
  const suggestion = closestMatch(ruleId, RULES.map((rule) => rule.id));
  const shown = redactSecrets(ruleId);
  return failure(suggestion ? mcpMessage('unknownRuleSuggest', locale, { ruleId: shown, suggestion }) : mcpMessage('unknownRule', locale, { ruleId: shown }));
}

export function ruleSummaryOf(rule: (typeof RULES)[number], locale: Locale): z.infer<typeof ruleSummary> {
  return {
    id: rule.id,
    title: localize(rule.docs.title, locale),
    checklist: [...rule.checklist],
    defaultSeverity: rule.defaultSeverity,
    enabledByDefault: rule.enabledByDefault,
    pss: rule.pss ? { level: rule.pss.level, since: `v1.${rule.pss.since}` } : null,
  };
}

export function registerTools(server: McpServer, context: ToolContext): void {
  const { locale } = context;
  const readOnly = { readOnlyHint: true, openWorldHint: false };
  server.registerTool(
    'check_manifest',
    {
      title: 'Check a Kubernetes manifest',
      description: 'Check YAML Kubernetes manifests against the Kubernetes Security Checklist. Returns findings with rule id, checklist item, severity, message, position and the fixes available.',
      inputSchema: { text: z.string().describe('the manifest text (YAML, one or more documents)'), filename: z.string().optional(), ...checkOptions },
      outputSchema: { findings: z.array(finding), resourceCount: z.number() },
      annotations: readOnly,
    },
    async (input) => tooLarge(input.text, locale) ?? result(checkManifest(input, locale)),
  );
  server.registerTool(
    'fix_manifest',
    {
      title: 'Fix a Kubernetes manifest',
      description: 'Apply the mechanical fixes of kube-checklist to a manifest, keeping comments and style. include=safe applies only fixes that cannot break a working workload; suggestions also applies those that may change runtime behaviour. Returns the fixed text, the fixes applied and the findings left.',
      inputSchema: {
        text: z.string(),
        ruleIds: z.array(z.string()).optional().describe('only fix findings of these rules'),
        include: z.enum(['safe', 'suggestions']).default('safe'),
        ...checkOptions,
      },
      outputSchema: {
        text: z.string(),
        changed: z.boolean(),
        rounds: z.number(),
        applied: z.array(z.object({ ruleId: z.string(), title: z.string(), safety: z.enum(['safe', 'suggestion']), round: z.number(), lines: z.object({ from: z.number(), to: z.number() }) })),
        remaining: z.array(finding),
      },
      annotations: readOnly,
    },
    async (input) => {
      const unknown = input.ruleIds?.find((id) => !ruleById(id));
      if (unknown !== undefined) return unknownRule(unknown, locale);
      return tooLarge(input.text, locale) ?? result(fixManifest({ ...input, include: input.include ?? 'safe' }, locale));
    },
  );
  server.registerTool(
    'explain_rule',
    {
      title: 'Explain a kube-checklist rule',
      description: 'The documentation of one rule: why it matters, how to fix it, whether the fix can change behaviour, its checklist items and Pod Security level.',
      inputSchema: { ruleId: z.string(), lang: z.enum(['en', 'zh-cn']).optional() },
      outputSchema: { rule: ruleSummary, summary: z.string(), why: z.string(), remediation: z.string(), fixSafety: z.string(), references: z.array(z.string()), markdown: z.string() },
      annotations: readOnly,
    },
    async ({ ruleId, lang }) => {
      const rule = ruleById(ruleId);
      const language = lang ?? locale;
      if (!rule) return unknownRule(ruleId, language);
      const text = (value: Parameters<typeof localize>[0]): string => localize(value, language);
      const markdown = formatRuleMarkdown(rule, language);
      const { docs } = rule;
      return result(
        { rule: ruleSummaryOf(rule, language), summary: text(docs.summary), why: text(docs.why), remediation: text(docs.remediation), fixSafety: text(docs.fixSafety), references: [...docs.references], markdown },
        markdown,
      );
    },
  );
  server.registerTool(
    'list_rules',
    {
      title: 'List kube-checklist rules',
      description: 'Every rule of kube-checklist with its title, checklist items, default severity and Pod Security level.',
      inputSchema: { lang: z.enum(['en', 'zh-cn']).optional() },
      outputSchema: { rules: z.array(ruleSummary) },
      annotations: readOnly,
    },
    async ({ lang }) => result({ rules: RULES.map((rule) => ruleSummaryOf(rule, lang ?? locale)) }),
  );
  server.registerTool(
    'audit_path',
    {
      title: 'Audit manifests on disk',
      description: "Audit every manifest under a path (within the client's roots, or the server's working directory) and return the findings, totals and the checklist scorecard.",
      inputSchema: { path: z.string().describe('a file or folder, absolute or relative to the first root') },
      outputSchema: { report: z.record(z.string(), z.unknown()) },
      annotations: readOnly,
    },
    async ({ path }) => {
      const outcome = await auditPath(path, await context.roots(), locale);
      if (!outcome.ok) return failure(outcome.message);
      return result({ report: outcome.report });
    },
  );
}
