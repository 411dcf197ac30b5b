/**
 * Property-based fuzzing of the engine with fast-check: mutations of real manifests (lines deleted
 * or duplicated, cuts at random offsets, indentation swapped for tabs or other widths, random
 * Unicode, values replaced by the wrong type) and random bytes. Whatever the input, the engine
 * returns without throwing, within a bound, with every finding and related place inside the text,
 * and every quick fix it offers gives text that still parses. A fixed seed and a bounded number of
 * runs keep CI repeatable; scripts/fuzz-long.mjs runs the same properties for longer.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { AnalysisResult, analyzeSource, applyFixesToText, parseSourceFile, ResourceRule, ruleById, RuleSelection, selectRules } from '../server/src/core';
import { decodeSource } from '../server/src/host/read-source';
import { sharedPath } from './support/paths';

export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261128);
const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
/** Generous: the largest corpus file takes well under a second; a hang or blow-up takes far longer. */
const BOUND_MS = 10000;

/** A spread of real manifests: every workload kind, RBAC, webhooks, control-plane Pods, Lists. */
function corpusSample(): string[] {
  const root = sharedPath('corpus', 'real-world');
  const files: string[] = [];
  const walk = (directory: string): void => {
    for (const entry of fs.readdirSync(directory, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ya?ml|json)$/.test(entry.name) && fs.statSync(full).size < 64 * 1024) files.push(full);
    }
  };
  walk(root);
  // Every 12th file: about 55 manifests of every sort, small enough for many runs.
  return files.filter((_, index) => index % 12 === 0).map((file) => fs.readFileSync(file, 'utf8'));
}

const SAMPLES = corpusSample();
const SELECTIONS: RuleSelection[] = [
  selectRules({ level: 'restricted', kubernetesVersion: 'latest' }),
  selectRules({ level: 'baseline', kubernetesVersion: '1.24' }),
];

const WRONG_TYPES = ['[]', '{}', 'null', '~', '12345', '"x"', '-1', 'true', '[a, [b, {c: d}]]', '&a x', '*a', '!!binary AAAA', "''"];

type Mutation = (text: string) => string;

const lines = (text: string) => text.split('\n');

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.nat().map((n): Mutation => (text) => lines(text).filter((_, i, all) => i !== n % all.length).join('\n')),
  fc.nat().map((n): Mutation => (text) => text.slice(0, n % (text.length + 1))),
  fc.nat().map((n): Mutation => (text) => {
    const all = lines(text);
    const i = n % all.length;
    return [...all.slice(0, i + 1), all[i], ...all.slice(i + 1)].join('\n');
  }),
  fc.constantFrom('\t', ' ', '   ', '').map((indent): Mutation => (text) => text.replace(/^ {2}/gm, indent)),
  fc.tuple(fc.nat(), fc.string({ unit: 'binary', maxLength: 8 })).map(([n, junk]): Mutation => (text) => {
    const at = n % (text.length + 1);
    return text.slice(0, at) + junk + text.slice(at);
  }),
  fc.tuple(fc.nat(), fc.constantFrom(...WRONG_TYPES)).map(([n, value]): Mutation => (text) => {
    const all = lines(text);
    const candidates = all.map((line, i) => (/^\s*-?\s*[\w.-]+:\s*\S/.test(line) ? i : -1)).filter((i) => i >= 0);
    if (!candidates.length) return text;
    const i = candidates[n % candidates.length];
    all[i] = all[i].replace(/:\s*\S.*$/, `: ${value}`);
    return all.join('\n');
  }),
  fc.nat().map((n): Mutation => (text) => {
    const all = lines(text);
    const i = n % all.length;
    all[i] = all[i].replace(/^(\s*)(name|image|kind|apiVersion|namespace):/, '$1$2: 42\n$1$2:');
    return all.join('\n');
  }),
);

function checkResult(text: string, result: AnalysisResult): void {
  for (const finding of [...result.findings, ...result.suppressed.map((entry) => entry.finding)]) {
    assert.ok(finding.start >= 0 && finding.start <= finding.end && finding.end <= text.length, `${finding.ruleId} range ${finding.start}-${finding.end} in ${text.length}`);
    for (const place of finding.related ?? []) {
      if (place.file === undefined) assert.ok(place.start >= 0 && place.start <= place.end && place.end <= text.length, `${finding.ruleId} related range`);
    }
  }
  for (const problem of result.directiveProblems) assert.ok(problem.start >= 0 && problem.end <= text.length);
  for (const skipped of result.skipped) assert.ok(skipped.offset >= 0 && skipped.offset <= text.length);
}

function analyzeWithin(text: string, selection: RuleSelection): AnalysisResult {
  const started = performance.now();
  const result = analyzeSource(parseSourceFile(text), selection);
  assert.ok(performance.now() - started < BOUND_MS, `returned within ${BOUND_MS} ms`);
  assert.deepEqual(result.ruleFailures, [], 'no rule threw');
  checkResult(text, result);
  return result;
}

test(`mutated corpus manifests: no throw, bounded, ranges inside the text, fixes give parseable text (seed ${FUZZ_SEED}, ${RUNS} runs)`, () => {
  assert.ok(SAMPLES.length > 30, 'the sample covers the corpus');
  fc.assert(
    fc.property(fc.nat(SAMPLES.length - 1), fc.array(mutation, { minLength: 1, maxLength: 4 }), fc.nat(SELECTIONS.length - 1), (index, mutations, selection) => {
      const text = mutations.reduce((current, mutate) => mutate(current), SAMPLES[index]);
      const result = analyzeWithin(text, SELECTIONS[selection]);
      const withFix = result.findings.find((finding) => finding.fixes.some((fix) => !fix.newFile));
      if (withFix) {
        const fix = withFix.fixes.find((candidate) => !candidate.newFile)!;
        const fixed = applyFixesToText(text, [{ documentIndex: withFix.documentIndex, fix }]);
        const before = parseSourceFile(text).documents.filter((document) => document.errors.length === 0).length;
        const after = parseSourceFile(fixed).documents.filter((document) => document.errors.length === 0).length;
        assert.ok(after >= before, 'a fix never breaks a document that parsed');
      }
    }),
    { seed: FUZZ_SEED, numRuns: RUNS },
  );
});

test(`random bytes, decoded as the CLI and the server decode files: no throw, bounded (seed ${FUZZ_SEED})`, () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 4096 }), (bytes) => {
      const decoded = decodeSource(bytes);
      if (decoded.kind === 'text') analyzeWithin(decoded.text, SELECTIONS[0]);
    }),
    { seed: FUZZ_SEED, numRuns: RUNS },
  );
});

test(`random YAML-ish text built from manifest tokens: no throw, bounded (seed ${FUZZ_SEED})`, () => {
  const token = fc.constantFrom(
    'apiVersion: v1\n', 'kind: Pod\n', 'kind: List\n', 'items:\n', 'spec:\n', '  containers:\n', '  - name: a\n', '    image: x\n',
    '    securityContext: {privileged: true}\n', '---\n', '- ', '  ', '{', '}', '[', ']', ': ', '&x ', '*x', '<<: *x\n', '# kube-checklist-disable pss-privileged\n',
    '"', "'", '|\n', '>-\n', '\t', '\r\n', '%YAML 1.2\n', '...\n', '? ', 'metadata:\n  annotations:\n    kube-checklist.io/ignore: pss-privileged\n',
  );
  fc.assert(
    fc.property(fc.array(token, { maxLength: 60 }), (parts) => {
      analyzeWithin(parts.join(''), SELECTIONS[0]);
    }),
    { seed: FUZZ_SEED, numRuns: RUNS },
  );
});

test('a rule that throws is contained: the other rules still report, and the failure names the rule', () => {
  const privileged = ruleById('pss-privileged')!;
  const throwing: ResourceRule = {
    ...(privileged as ResourceRule),
    id: 'test-always-throws',
    check: () => {
      throw new TypeError('boom');
    },
  };
  const base = SELECTIONS[0];
  const selection: RuleSelection = { ...base, rules: [{ rule: throwing, severity: 'error' }, { rule: privileged, severity: 'error' }] };
  const pod = (name: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}}\nspec:\n  containers: [{name: a, image: x, securityContext: {privileged: true}}]\n`;
  const result = analyzeSource(parseSourceFile([pod('a'), pod('b')].join('---\n')), selection);
  assert.equal(result.findings.filter((finding) => finding.ruleId === 'pss-privileged').length, 2);
  assert.ok(result.ruleFailures.length > 0);
  assert.ok(result.ruleFailures.every((failure) => failure.ruleId === 'test-always-throws' && failure.message === 'boom'));
});
