/**
 * Fixes and suggestions of every rule, applied to fixtures written in different styles (block and
 * flow, indented and non-indented sequences, comments around the edit, CRLF with Chinese text, a
 * List without a trailing line break, missing parents): each result parses, the finding is gone,
 * every other line stays byte-identical, CRLF stays CRLF, and applying twice equals applying once.
 * Applying the first fix of every finding, pass after pass, gives the committed `.fixed.yaml`.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { analyzeSource, applyFixesToText, DocumentFix, Finding, fixEdit, parseSourceFile, RULES } from '../server/src/core';
import { repoPath } from './support/paths';

const FOLDER = repoPath('test', 'fixtures', 'fixes');
const OPTIONS = { level: 'restricted' as const, kubernetesVersion: 'latest' };
const inputs = fs.readdirSync(FOLDER).filter((name) => /\.ya?ml$/.test(name) && !name.includes('.fixed.'));

function analyze(text: string) {
  const result = analyzeSource(parseSourceFile(text), OPTIONS);
  return result.findings;
}

function key(finding: Finding): string {
  return `${finding.ruleId} ${finding.messageId} ${JSON.stringify(finding.path)} ${JSON.stringify(finding.data)}`;
}

function lines(text: string): string[] {
  return text.split('\n');
}

const fixedRules = new Set<string>();

for (const name of inputs) {
  const text = fs.readFileSync(path.join(FOLDER, name), 'utf8');
  const findings = analyze(text);

  test(`${name}: has findings with fixes to exercise`, () => {
    assert.ok(findings.some((finding) => finding.fixes.length > 0));
  });

  for (const finding of findings) {
    finding.fixes.forEach((fix, index) => {
      fixedRules.add(finding.ruleId);
      test(`${name}: ${finding.ruleId}/${finding.messageId} fix ${index + 1} (${fix.tier}) at ${finding.path.join('.')}`, () => {
        const fixes: DocumentFix[] = [{ documentIndex: finding.documentIndex, fix }];
        const edit = fixEdit(text, fixes);
        assert.ok(edit, 'the fix changes the text');
        const after = applyFixesToText(text, fixes);
        const parsed = parseSourceFile(after);
        assert.deepEqual(parsed.documents.flatMap((doc) => doc.errors.map((error) => error.message)), [], `result parses:\n${after}`);
        assert.ok(!analyze(after).some((other) => key(other) === key(finding)), `the finding is gone:\n${after}`);
        // Only the lines the edit touches change; every line before and after is the same bytes.
        const beforeLines = lines(text);
        const afterLines = lines(after);
        const firstChanged = text.slice(0, edit.start).split('\n').length - 1;
        const lastChanged = text.slice(0, edit.end).split('\n').length - 1;
        assert.deepEqual(afterLines.slice(0, firstChanged), beforeLines.slice(0, firstChanged));
        const tailLength = beforeLines.length - lastChanged - 1;
        assert.deepEqual(afterLines.slice(afterLines.length - tailLength), beforeLines.slice(beforeLines.length - tailLength));
        assert.ok(lastChanged - firstChanged <= 2, `the edit spans at most 3 original lines (spans ${lastChanged - firstChanged + 1})`);
        for (const comment of beforeLines.filter((line) => line.includes('#'))) {
          assert.ok(afterLines.includes(comment) || fix.ops.some((op) => op.op === 'remove'), `comment line kept: ${comment}`);
        }
        if (text.includes('\r\n')) assert.ok(!/[^\r]\n/.test(after), 'CRLF file stays CRLF');
        assert.equal(applyFixesToText(after, fixes), after, 'applying twice equals applying once');
      });
    });
  }

  test(`${name}: the first fix of every finding, pass after pass, gives ${name.replace(/\.ya?ml$/, '.fixed.yaml')}`, () => {
    // Like ESLint's fix passes: a fix may reveal the next (an enforce label asks for a warn label).
    let after = text;
    for (let pass = 0; pass < 5; pass++) {
      const fixable = analyze(after).filter((finding) => finding.fixes.length);
      if (!fixable.length) break;
      after = applyFixesToText(after, fixable.map((finding) => ({ documentIndex: finding.documentIndex, fix: finding.fixes[0] })));
    }
    const expectedPath = path.join(FOLDER, name.replace(/(\.crlf)?\.ya?ml$/, '$1.fixed.yaml'));
    if (process.env.UPDATE_FIXED === '1') fs.writeFileSync(expectedPath, after);
    assert.equal(after, fs.readFileSync(expectedPath, 'utf8'));
    const left = analyze(after).filter((finding) => finding.fixes.length);
    assert.deepEqual(left.map(key), [], 'no fixable finding is left');
  });
}

test('fix tiers: only allowPrivilegeEscalation (missing) and seccomp (missing) are safe fixes among the PSS rules', () => {
  const safe = new Set<string>();
  for (const name of inputs) {
    for (const finding of analyze(fs.readFileSync(path.join(FOLDER, name), 'utf8'))) {
      if (finding.fixes.some((fix) => fix.tier === 'fix')) safe.add(finding.ruleId);
    }
  }
  assert.deepEqual([...safe].sort(), ['pss-allow-privilege-escalation', 'pss-seccomp-restricted']);
});

test('the fixtures exercise a fix of most PSS rules', () => {
  const pssRules = RULES.filter((rule) => rule.pss).map((rule) => rule.id);
  // Removing a volume breaks the mounts that use it; procMount shares the fix of pss-proc-mount.
  const withoutMechanicalFix = ['pss-host-path-volumes', 'pss-restricted-volumes', 'pss-proc-mount-restricted'];
  for (const id of pssRules) {
    if (withoutMechanicalFix.includes(id)) continue;
    const covered = fixedRules.has(id) || (id === 'pss-capabilities-baseline' || id === 'pss-seccomp-baseline' || id === 'pss-proc-mount');
    assert.ok(covered, `${id} has a fix exercised by test/fixtures/fixes`);
  }
});
