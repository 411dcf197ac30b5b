/**
 * Suppression comments are directives only when they are real YAML comments: the same text inside
 * a string (a shell script in a block scalar, a multi-line quoted scalar) is content and suppresses
 * nothing, so a script cannot switch a rule off. Checked whole and incrementally (moved documents).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeIncrementally, analyzeSource, parseCommentDirectives, parseSourceFile, selectRules } from '../server/src/core';

const OPTIONS = { level: 'restricted', kubernetesVersion: 'latest' } as const;

function pod(name: string, before: string, after = ''): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
    - name: app
      image: registry.example.com/app:1.0
${before}      securityContext:
        privileged: true
${after}`;
}

const BLOCK = pod('block', `      args:
        - |
          set -e
          # kube-checklist-disable pss-privileged -- hidden in a script
          # kube-checklist-disable-next-line pss-privileged -- hidden in a script
          echo ok
`);

const QUOTED = pod('quoted', `      command: ["sh", "-c", "set -e
        # kube-checklist-disable pss-privileged -- hidden in a string
        echo ok"]
`);

const SINGLE = pod('single', `      command: ['sh', '-c', 'set -e
        # kube-checklist-disable pss-privileged -- hidden in a string
        echo ok']
`);

const REAL = pod('real', `      args:
        - | # kube-checklist-disable pss-privileged -- the header comment is a real comment
          echo ok
`);

const NEXT_LINE = pod('next-line', `      args:
        - |
          echo ok
      # kube-checklist-disable pss-privileged -- a real comment after the script
`);

function privileged(text: string): { kept: number; suppressed: number } {
  const result = analyzeSource(parseSourceFile(text), OPTIONS);
  return {
    kept: result.findings.filter((finding) => finding.ruleId === 'pss-privileged').length,
    suppressed: result.suppressed.filter(({ finding }) => finding.ruleId === 'pss-privileged').length,
  };
}

test('a directive inside a | block scalar suppresses nothing', () => {
  assert.deepEqual(privileged(BLOCK), { kept: 1, suppressed: 0 });
});

test('a directive inside a multi-line double- or single-quoted scalar suppresses nothing', () => {
  assert.deepEqual(privileged(QUOTED), { kept: 1, suppressed: 0 });
  assert.deepEqual(privileged(SINGLE), { kept: 1, suppressed: 0 });
});

test('real comments still suppress: on a block scalar header, and after the scalar', () => {
  assert.deepEqual(privileged(REAL), { kept: 0, suppressed: 1 });
  assert.deepEqual(privileged(NEXT_LINE), { kept: 0, suppressed: 1 });
});

test('parseCommentDirectives without documents reads every line; with them only comments', () => {
  const source = parseSourceFile(BLOCK + '---\n' + REAL);
  assert.equal(parseCommentDirectives(source.text).length, 3);
  assert.deepEqual(parseCommentDirectives(source.text, source.documents).map((directive) => directive.line), [source.text.split('\n').findIndex((line) => line.includes('header comment'))]);
});

test('incremental analysis agrees after the documents move', () => {
  const selection = selectRules(OPTIONS);
  const text = [BLOCK, QUOTED, REAL].join('---\n');
  const first = analyzeIncrementally(text, selection);
  const moved = analyzeIncrementally('# a new first line\n' + text, selection, first.state);
  for (const analysis of [first, moved]) {
    assert.equal(analysis.result.findings.filter((finding) => finding.ruleId === 'pss-privileged').length, 2);
    assert.equal(analysis.result.suppressed.filter(({ finding }) => finding.ruleId === 'pss-privileged').length, 1);
  }
});
