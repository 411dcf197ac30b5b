/**
 * The MCP face end to end: `node dist/cli.js mcp` driven by the SDK's Client over stdio. Tools and
 * their schemas are listed; an insecure Deployment gets findings with ranges; fix_manifest's text
 * parses, loses its safe findings and keeps the bytes outside the edited lines; rules are explained
 * in English and Chinese; a path outside the roots and a 50 MB text are refused; raw garbage on
 * stdin does not stop the server from answering.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { parseAllDocuments } from 'yaml';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { startMcp } from './support/mcp-client';
import { repoPath } from './support/paths';

const INSECURE = fs.readFileSync(repoPath('examples', 'insecure', 'web-deployment.yaml'), 'utf8');

interface Finding {
  ruleId: string;
  line: number;
  column: number;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  fixes: { title: string; safety: string }[];
}

let client: Client;
let transport: StdioClientTransport;
let root: string;
let outside: string;

async function call(name: string, args: Record<string, unknown>, on: Client = client) {
  return (await on.callTool({ name, arguments: args })) as { isError?: boolean; content: { type: string; text: string }[]; structuredContent?: Record<string, unknown> };
}

before(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-mcp-root-'));
  outside = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-mcp-outside-'));
  fs.writeFileSync(path.join(root, 'web.yaml'), INSECURE);
  fs.writeFileSync(path.join(outside, 'web.yaml'), INSECURE);
  fs.symlinkSync(outside, path.join(root, 'link-out'));
  ({ client, transport } = await startMcp({ cwd: root }));
});

after(async () => {
  await client.close();
  fs.rmSync(root, { recursive: true, force: true });
  fs.rmSync(outside, { recursive: true, force: true });
});

test('every tool is listed with an input and an output schema', async () => {
  const { tools } = await client.listTools();
  assert.deepEqual(tools.map((tool) => tool.name).sort(), ['audit_path', 'check_manifest', 'explain_rule', 'fix_manifest', 'list_rules']);
  for (const tool of tools) {
    assert.equal(tool.inputSchema.type, 'object', tool.name);
    assert.equal(tool.outputSchema?.type, 'object', `${tool.name} declares its output`);
  }
  const check = tools.find((tool) => tool.name === 'check_manifest')!;
  assert.deepEqual(check.inputSchema.required, ['text']);
});

test('check_manifest reports an insecure Deployment with 1-based positions and exact ranges', async () => {
  const result = await call('check_manifest', { text: INSECURE, filename: 'web.yaml' });
  assert.notEqual(result.isError, true);
  const findings = result.structuredContent!.findings as Finding[];
  const privileged = findings.find((finding) => finding.ruleId === 'pss-privileged');
  assert.ok(privileged, findings.map((finding) => finding.ruleId).join(', '));
  const lines = INSECURE.split('\n');
  assert.equal(privileged.line, lines.findIndex((line) => line.includes('privileged: true')) + 1);
  const { start, end } = privileged.range;
  assert.equal(start.line + 1, privileged.line);
  assert.equal(start.character + 1, privileged.column);
  assert.ok(['privileged', 'true', 'privileged: true'].includes(lines[start.line].slice(start.character, end.character)), 'the range covers the field');
  assert.ok(findings.some((finding) => finding.fixes.some((fix) => fix.safety === 'safe')), 'some finding has a safe fix');
});

test('fix_manifest: the text parses, the safe findings are gone, the lines around the edits are unchanged', async () => {
  const before = (await call('check_manifest', { text: INSECURE })).structuredContent!.findings as Finding[];
  const safeRules = new Set(before.filter((finding) => finding.fixes.some((fix) => fix.safety === 'safe')).map((finding) => finding.ruleId));
  const result = await call('fix_manifest', { text: INSECURE, include: 'safe' });
  assert.notEqual(result.isError, true);
  const out = result.structuredContent as { text: string; changed: boolean; applied: { ruleId: string; lines: { from: number; to: number } }[]; remaining: Finding[] };
  assert.equal(out.changed, true);
  assert.ok(out.applied.length > 0);
  for (const doc of parseAllDocuments(out.text)) assert.deepEqual(doc.errors, []);
  for (const finding of out.remaining) assert.ok(!finding.fixes.some((fix) => fix.safety === 'safe'), `${finding.ruleId} still has a safe fix`);
  for (const rule of safeRules) assert.ok(out.applied.some((entry) => entry.ruleId === rule), `${rule} was fixed`);
  // The first comment line and the header stay byte for byte; so does the end of the file.
  const oldLines = INSECURE.split('\n');
  const newLines = out.text.split('\n');
  assert.equal(newLines[0], oldLines[0]);
  const firstEdited = Math.min(...out.applied.map((entry) => entry.lines.from));
  assert.deepEqual(newLines.slice(0, firstEdited - 1), oldLines.slice(0, firstEdited - 1));
  const second = await call('fix_manifest', { text: out.text, include: 'safe' });
  assert.equal((second.structuredContent as { changed: boolean }).changed, false, 'a fixed point');
});

test('explain_rule speaks English and Chinese; an unknown rule is an error with a suggestion', async () => {
  const en = await call('explain_rule', { ruleId: 'pss-privileged', lang: 'en' });
  const zh = await call('explain_rule', { ruleId: 'pss-privileged', lang: 'zh-cn' });
  assert.match(String(en.structuredContent!.why), /[a-z]{4}/);
  assert.match(String(zh.structuredContent!.why), /[\u4e00-\u9fff]/);
  assert.deepEqual((en.structuredContent!.rule as { checklist: string[] }).checklist, (zh.structuredContent!.rule as { checklist: string[] }).checklist);
  const wrong = await call('explain_rule', { ruleId: 'pss-privileges' });
  assert.equal(wrong.isError, true);
  assert.match(wrong.content[0].text, /pss-privileged/);
});

test('list_rules and the rule and checklist resources', async () => {
  const rules = (await call('list_rules', {})).structuredContent!.rules as { id: string }[];
  assert.ok(rules.some((rule) => rule.id === 'pss-privileged'));
  const doc = await client.readResource({ uri: 'kube-checklist://rules/pss-privileged' });
  assert.match(String((doc.contents[0] as { text: string }).text), /^## pss-privileged/);
  const item = await client.readResource({ uri: 'kube-checklist://checklist/pod-security/pss-enforced' });
  assert.ok((JSON.parse((item.contents[0] as { text: string }).text) as { rules: string[] }).rules.includes('pss-privileged'));
  const { resources } = await client.listResources();
  assert.ok(resources.some((resource) => resource.uri === 'kube-checklist://rules/pss-privileged'));
});

test('audit_path audits within the working directory and refuses paths outside it, links too', async () => {
  const inside = await call('audit_path', { path: '.' });
  assert.notEqual(inside.isError, true, inside.content[0]?.text);
  const report = inside.structuredContent!.report as { findings: { ruleId: string }[]; scorecard: unknown[] };
  assert.ok(report.findings.some((finding) => finding.ruleId === 'pss-privileged'));
  assert.ok(report.scorecard.length > 0);
  for (const refused of [outside, path.join(root, 'link-out'), '..']) {
    const result = await call('audit_path', { path: refused });
    assert.equal(result.isError, true, refused);
    assert.match(result.content[0].text, /outside/);
  }
});

test('audit_path honours the roots the client declares', async () => {
  const other = await startMcp({ cwd: root, roots: [pathToFileURL(outside).href], lang: 'zh_CN.UTF-8' });
  try {
    assert.notEqual((await call('audit_path', { path: outside }, other.client)).isError, true);
    const refused = await call('audit_path', { path: path.join(root, 'web.yaml') }, other.client);
    assert.equal(refused.isError, true);
    assert.match(refused.content[0].text, /[\u4e00-\u9fff]/, 'the error follows the locale');
  } finally {
    await other.client.close();
  }
});

test('a 50 MB text is refused with an error, and the server still answers', async () => {
  const big = 'a: b\n'.repeat(10 * 1024 * 1024);
  // Over the limit of a request line: an error answer to that very request, no connection lost.
  await assert.rejects(call('check_manifest', { text: big }), /limit/);
  // Over the file size limit but under the line limit: the tool refuses it.
  const over = await call('check_manifest', { text: 'a: b\n'.repeat(1.2 * 1024 * 1024) });
  assert.equal(over.isError, true);
  assert.match(over.content[0].text, /limit/);
  assert.ok(((await call('list_rules', {})).structuredContent!.rules as unknown[]).length > 0);
});

test('malformed JSON-RPC on stdin does not stop the server', async () => {
  const stdin = (transport as unknown as { _process: { stdin: NodeJS.WritableStream } })._process.stdin;
  stdin.write('this is not json\n{"jsonrpc":"2.0",\n{"jsonrpc":"2.0","id":"x","method":"no/such"}\n[1,2,3]\n\n');
  const result = await call('check_manifest', { text: INSECURE });
  assert.ok((result.structuredContent!.findings as unknown[]).length > 0);
});
