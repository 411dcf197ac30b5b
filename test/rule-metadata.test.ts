/**
 * Rule metadata is the single source of diagnostics, hover, docs, the CLI listing and the
 * scorecard, so it is checked as data: ids and files, the registry's order, checklist items,
 * both languages of every text, message placeholders, that every message can actually be produced
 * (by some fire fixture), that the documentation examples say what they claim, and references.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { parse, stringify } from 'yaml';
import {
  analyzeSource,
  CHECKLIST_ITEMS,
  CHECKLIST_SECTIONS,
  isDockerfileRule,
  LATEST_MINOR,
  parseDockerfileSource,
  parseSourceFile,
  POD_TEMPLATE_KINDS,
  positionOf,
  renderMessage,
  RULES,
  selectRules,
  SEVERITIES,
  SUPPORTED_LOCALES,
} from '../server/src/core';
import type { PodSecurityLevel, AnalysisOptions, Localized, Rule } from '../server/src/core';
import { loadableFixtures, runFixture } from './support/expectations';
import { expectedWorkspaceFindings } from './support/workspace-fixtures';
import { repoPath } from './support/paths';

const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]))].sort();
}

/** Every Localized text of a rule, with a name for messages. */
function localizedTexts(rule: Rule): [string, Localized][] {
  const { docs } = rule;
  return [
    ['docs.title', docs.title],
    ['docs.summary', docs.summary],
    ['docs.why', docs.why],
    ['docs.remediation', docs.remediation],
    ['docs.fixSafety', docs.fixSafety],
    ...Object.entries(rule.messages).map(([id, text]): [string, Localized] => [`messages.${id}`, text]),
  ];
}

// ---------------------------------------------------------------------------------------------
// Files and registry

const RULES_SOURCE = repoPath('server', 'src', 'core', 'rules');
const RULES_COMPILED = path.join(path.dirname(require.resolve('../server/src/core')), 'rules');

interface RuleFile {
  folder: string;
  name: string;
  rule: Rule;
}

/** Every module under rules/<folder>/ whose default export is a rule (helpers export none). */
function ruleFiles(): RuleFile[] {
  const files: RuleFile[] = [];
  for (const folder of fs.readdirSync(RULES_SOURCE, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort()) {
    for (const file of fs.readdirSync(path.join(RULES_SOURCE, folder)).filter((f) => f.endsWith('.ts')).sort()) {
      const name = file.replace(/\.ts$/, '');
      const exported = (require(path.join(RULES_COMPILED, folder, `${name}.js`)) as { default?: unknown }).default;
      const candidate = exported as { check?: unknown; checkWorkspace?: unknown } | undefined;
      if (typeof candidate === 'object' && candidate !== null && (typeof candidate.check === 'function' || typeof candidate.checkWorkspace === 'function')) {
        files.push({ folder, name, rule: exported as Rule });
      }
    }
  }
  return files;
}

test('every rule file is named after its kebab-case id, sits in a checklist section folder, and is registered', () => {
  const files = ruleFiles();
  const sections = new Set(CHECKLIST_SECTIONS.map((section) => section.id));
  const problems: string[] = [];
  for (const { folder, name, rule } of files) {
    if (!KEBAB_CASE.test(rule.id)) problems.push(`${folder}/${name}: id "${rule.id}" is not kebab-case`);
    if (rule.id !== name) problems.push(`${folder}/${name}: id "${rule.id}" differs from the file name`);
    if (!sections.has(folder)) problems.push(`${folder}/${name}: folder is not a checklist section`);
    if (rule.checklist[0]?.split('/')[0] !== folder) problems.push(`${folder}/${name}: first checklist item ${rule.checklist[0]} is not in section ${folder}`);
    if (!RULES.includes(rule)) problems.push(`${folder}/${name}: not in the registry`);
  }
  for (const rule of RULES) {
    const homes = files.filter((file) => file.rule === rule);
    if (homes.length !== 1) problems.push(`${rule.id}: defined in ${homes.length} rule files`);
  }
  assert.deepEqual(problems, []);
});

test('the registry is sorted by id, without duplicates', () => {
  const ids = RULES.map((rule) => rule.id);
  assert.deepEqual(ids, [...ids].sort(), 'sorted');
  assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), [], 'duplicates');
});

// ---------------------------------------------------------------------------------------------
// Per-rule metadata

const fixtureRuns = loadableFixtures()
  .filter((fixture) => fixture.kind === 'fire')
  .map(runFixture);

/** Findings of fire fixtures (and fire workspace fixtures) that an expectation asked for. */
const expectedFindings = fixtureRuns.flatMap((run) => {
  const expected = new Set(run.fixture.expectations.map((e) => `${e.line}/${e.ruleId}`));
  return run.findings.filter((f) => expected.has(`${positionOf(run.source, f.start).line}/${f.ruleId}`));
}).concat(expectedWorkspaceFindings());

const checklistIds = new Set(CHECKLIST_ITEMS.map((item) => item.id));
const checkIds = RULES.map((rule) => rule.pss?.checkId).filter((id) => id !== undefined);

for (const rule of RULES) {
  test(`${rule.id}: checklist items, severity, scope and Pod Security metadata`, () => {
    assert.ok(rule.checklist.length > 0, 'names at least one checklist item');
    assert.deepEqual(rule.checklist.filter((id) => !checklistIds.has(id)), [], 'checklist ids that are not in items.yaml');
    assert.deepEqual(rule.checklist.filter((id, i) => rule.checklist.indexOf(id) !== i), [], 'duplicate checklist ids');
    assert.ok(SEVERITIES.includes(rule.defaultSeverity), `severity ${rule.defaultSeverity}`);
    assert.ok(Object.keys(rule.messages).length > 0, 'has messages');
    if (!rule.pss) return;
    const { pss } = rule;
    assert.deepEqual(rule.scope, { kinds: [...POD_TEMPLATE_KINDS] }, 'a PSS rule covers every kind with a Pod template');
    assert.ok(pss.checkId.length > 0 && checkIds.filter((id) => id === pss.checkId).length === 1, `check id ${pss.checkId} is unique`);
    assert.ok(Number.isInteger(pss.since) && pss.since >= 0 && pss.since <= LATEST_MINOR, `since 1.${pss.since}`);
    if (pss.overrides !== undefined) {
      const replaced = RULES.find((other) => other.id === pss.overrides);
      assert.ok(replaced, `overrides unknown rule ${pss.overrides}`);
      assert.equal(pss.level, 'restricted', 'only a restricted rule replaces another');
      assert.equal(replaced.pss?.level, 'baseline', 'the replaced rule is a baseline rule');
      assert.ok(pss.since >= (replaced.pss?.since ?? 0), 'the replacement does not predate the replaced rule');
    }
  });

  test(`${rule.id}: every text in English and Simplified Chinese, with the same placeholders`, () => {
    const problems: string[] = [];
    for (const [where, text] of localizedTexts(rule)) {
      for (const locale of SUPPORTED_LOCALES) {
        if (typeof text[locale] !== 'string' || text[locale].trim() === '') problems.push(`${where}: empty ${locale}`);
      }
      if (!CJK.test(text['zh-cn'] ?? '')) problems.push(`${where}: zh-cn has no Chinese characters`);
      if (text['zh-cn'] === text.en) problems.push(`${where}: zh-cn equals en`);
      const en = placeholders(text.en ?? '');
      const zh = placeholders(text['zh-cn'] ?? '');
      if (en.join() !== zh.join()) problems.push(`${where}: placeholders en {${en}} vs zh-cn {${zh}}`);
    }
    assert.deepEqual(problems, []);
  });

  test(`${rule.id}: every message is produced by a fire fixture and renders completely`, () => {
    const produced = expectedFindings.filter((finding) => finding.ruleId === rule.id);
    // Messages of related locations (relatedInformation) count as produced with their finding.
    const relatedMessages = produced.flatMap((finding) =>
      (finding.related ?? []).filter((location) => location.messageId !== undefined).map((location) => ({ ruleId: finding.ruleId, messageId: location.messageId!, data: location.data ?? finding.data })),
    );
    const ids = new Set([...produced, ...relatedMessages].map((finding) => finding.messageId));
    assert.deepEqual(Object.keys(rule.messages).filter((id) => !ids.has(id)), [], 'message ids no fire fixture produces');
    const problems: string[] = [];
    for (const finding of [...produced, ...relatedMessages]) {
      if (!(finding.messageId in rule.messages)) problems.push(`unknown message id ${finding.messageId}`);
      for (const locale of SUPPORTED_LOCALES) {
        const text = renderMessage(finding, locale);
        if (/\{\{|\}\}/.test(text)) problems.push(`${finding.messageId} (${locale}) leaves a placeholder: ${text}`);
      }
    }
    assert.deepEqual([...new Set(problems)], []);
  });

  test(`${rule.id}: references are https URLs`, () => {
    assert.ok(rule.docs.references.length > 0, 'at least one reference');
    for (const reference of rule.docs.references) {
      assert.equal(new URL(reference).protocol, 'https:', reference);
    }
  });

  // unparseable-manifest's example is about the YAML itself (a tag), which placing it in a Pod
  // re-serializes away; its fire fixtures cover every message instead.
  test(`${rule.id}: examples.incorrect is flagged and examples.correct is not`, { skip: rule.id === 'unparseable-manifest' ? 'examples are YAML syntax, covered by fixtures' : false }, () => {
    // PSS rules at their own level; other rules at either level (some stay quiet at restricted,
    // where a PSS rule already reports the same gap): incorrect fires at one, correct at none.
    const levels: PodSecurityLevel[] = rule.pss ? [rule.pss.level] : ['restricted', 'baseline'];
    const { incorrect, correct } = rule.docs.examples;
    assert.notEqual(incorrect.trim(), correct.trim(), 'the examples differ');
    const findingsOf = (snippet: string, level: PodSecurityLevel) => {
      const options: AnalysisOptions = { level, kubernetesVersion: 'latest', rules: { [rule.id]: rule.defaultSeverity } };
      assert.ok(selectRules(options).rules.some((active) => active.rule === rule), `the rule is active at ${level}, latest`);
      // A Dockerfile rule's examples are whole Dockerfiles.
      const text = isDockerfileRule(rule) ? snippet : wrapInPod(snippet);
      const result = analyzeSource(isDockerfileRule(rule) ? parseDockerfileSource(text) : parseSourceFile(text), options);
      assert.deepEqual(result.skipped, [], `the wrapped example parses:\n${text}`);
      return { text, findings: result.findings.filter((finding) => finding.ruleId === rule.id) };
    };
    const bad = levels.map((level) => findingsOf(incorrect, level));
    assert.ok(bad.some((run) => run.findings.length > 0), `examples.incorrect produces no ${rule.id} finding:\n${bad[0].text}`);
    for (const level of levels) {
      const good = findingsOf(correct, level);
      assert.deepEqual(good.findings.map((f) => f.messageId), [], `examples.correct produces ${rule.id} findings at ${level}:\n${good.text}`);
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Examples are partial YAML; this is how a reader places them, and how the test does.

/** Fields of a PodSecurityContext that a container's SecurityContext does not have. */
const POD_ONLY_SECURITY_FIELDS = new Set(['sysctls', 'fsGroup', 'fsGroupChangePolicy', 'supplementalGroups', 'supplementalGroupsPolicy', 'seLinuxChangePolicy']);
const POD_SPEC_FIELDS = new Set([
  'containers', 'initContainers', 'ephemeralContainers', 'volumes', 'hostNetwork', 'hostPID', 'hostIPC', 'hostUsers',
  'os', 'shareProcessNamespace', 'serviceAccountName', 'automountServiceAccountToken', 'nodeSelector', 'restartPolicy',
]);
const CONTAINER_FIELDS = new Set([
  'ports', 'livenessProbe', 'readinessProbe', 'startupProbe', 'lifecycle', 'command', 'args', 'env', 'envFrom',
  'volumeMounts', 'resources', 'imagePullPolicy', 'workingDir',
]);

/**
 * A snippet is one of: `spec:` (the Pod spec); Pod spec fields (`containers:`, `volumes:`,
 * `hostNetwork:` ...); container fields (`ports:`, `livenessProbe:` ...) which go into the one
 * container `app`; or `securityContext:`, which goes to the container, or to the Pod when it holds
 * Pod-only fields (sysctls, fsGroup ...); or a whole manifest. Anything else cannot be placed
 * without guessing.
 */
function wrapInPod(snippet: string): string {
  // Whole manifests (one or more documents starting with apiVersion/kind) stand as they are.
  if (/^apiVersion:/m.test(snippet) && /^kind:/m.test(snippet)) return snippet;
  const fragment = parse(snippet) as unknown;
  if (typeof fragment !== 'object' || fragment === null || Array.isArray(fragment)) {
    throw new Error(`example is not a YAML map: ${JSON.stringify(snippet)}`);
  }
  const container: Record<string, unknown> = { name: 'app', image: 'registry.example.com/app:1.0' };
  let spec: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fragment)) {
    if (key === 'spec' && Object.keys(fragment).length === 1) {
      spec = { ...(value as Record<string, unknown>) };
    } else if (key === 'securityContext') {
      const podLevel = Object.keys(value as object).some((field) => POD_ONLY_SECURITY_FIELDS.has(field));
      if (podLevel) spec.securityContext = value;
      else container.securityContext = value;
    } else if (POD_SPEC_FIELDS.has(key)) {
      spec[key] = value;
    } else if (CONTAINER_FIELDS.has(key)) {
      container[key] = value;
    } else {
      throw new Error(
        `cannot place an example that starts with \`${key}:\`; write it from \`spec:\`, a Pod spec field, a container field or \`securityContext:\`:\n${snippet}`,
      );
    }
  }
  if ('containers' in spec && Object.keys(container).length > 2) {
    throw new Error(`example mixes \`containers:\` with fields of a single container:\n${snippet}`);
  }
  if (!('containers' in spec)) spec = { ...spec, containers: [container] };
  return stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'example' }, spec });
}
