/**
 * The catalog covers the checklist: every item that a file can show (check manifest,
 * cluster-config, partial or workspace) is named by at least one rule, every item a rule names
 * exists, and the CLI's `rules --format json` lists each rule with its checklist ids.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { CHECKLIST_ITEMS, isDockerfileRule, RULES } from '../server/src/core';
import { repoPath } from './support/paths';

test('every checklist item that a file can show is covered by at least one rule', () => {
  const covered = new Set(RULES.flatMap((rule) => rule.checklist));
  const uncovered = CHECKLIST_ITEMS.filter((item) => item.check !== 'manual' && !covered.has(item.id)).map((item) => item.id);
  assert.deepEqual(uncovered, []);
});

test('manual items are left to people: no rule claims them, except Dockerfile rules (they judge images/minimal when a Dockerfile is audited) and those reading a declared evidence source (the CNI ...)', () => {
  const manual = new Set(CHECKLIST_ITEMS.filter((item) => item.check === 'manual').map((item) => item.id));
  const declares = (rule: (typeof RULES)[number]): boolean => rule.scope === 'workspace' && rule.evidence !== undefined;
  const claims = RULES.filter((rule) => !isDockerfileRule(rule) && !declares(rule) && rule.checklist.some((id) => manual.has(id))).map((rule) => rule.id);
  assert.deepEqual(claims, []);
});

test('rules --format json lists every rule with its checklist ids', () => {
  const run = spawnSync(process.execPath, [repoPath('dist', 'cli.js'), 'rules', '--format', 'json'], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const listed = JSON.parse(run.stdout) as { id: string; checklist: string[] }[];
  assert.deepEqual(listed.map((rule) => rule.id), RULES.map((rule) => rule.id));
  for (const rule of listed) {
    assert.ok(rule.checklist.length > 0, `${rule.id} names a checklist item`);
    for (const id of rule.checklist) assert.ok(CHECKLIST_ITEMS.some((item) => item.id === id), `${rule.id}: unknown item ${id}`);
  }
});
