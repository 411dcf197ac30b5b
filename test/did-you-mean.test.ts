/**
 * "Did you mean": the closest known name is suggested only when it is close (one edit for short
 * names, about a third of the length for long ones, transpositions as one edit, or a prefix).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { closestMatch, editDistance, LATEST_MINOR } from '../server/src/core';
import * as fs from 'node:fs';
import { repoPath } from './support/paths';

test('edit distance counts a transposition as one edit and stops past its limit', () => {
  assert.equal(editDistance('level', 'level'), 0);
  assert.equal(editDistance('levle', 'level'), 1);
  assert.equal(editDistance('levl', 'level'), 1);
  assert.equal(editDistance('kitten', 'sitting'), 3);
  assert.equal(editDistance('abc', 'abcdefgh', 2), 3, 'gives up when the lengths alone differ by more than the limit');
});

test('the closest close name is suggested; nothing when all are far', () => {
  const options = ['--level', '--format', '--fail-on', '--k8s-version', '--lang'];
  assert.equal(closestMatch('--levl', options), '--level');
  assert.equal(closestMatch('--fromat', options), '--format');
  assert.equal(closestMatch('--fail', options), '--fail-on', 'a prefix');
  assert.equal(closestMatch('--LEVEL', options), '--level', 'case does not matter');
  assert.equal(closestMatch('--frobnicate', options), undefined);
  assert.equal(closestMatch('', options), undefined);
  assert.equal(closestMatch('ab', ['xy']), undefined);
});

test("the kubernetesVersion setting's pattern accepts exactly v1.0 to the newest version this build knows", () => {
  const manifest = JSON.parse(fs.readFileSync(repoPath('package.json'), 'utf8'));
  const pattern = new RegExp(manifest.contributes.configuration.properties['kubeChecklist.kubernetesVersion'].pattern);
  for (let minor = 0; minor <= LATEST_MINOR; minor++) assert.ok(pattern.test(`v1.${minor}`) && pattern.test(`1.${minor}.2`), `v1.${minor}`);
  assert.ok(pattern.test('latest'));
  for (const newer of [LATEST_MINOR + 1, LATEST_MINOR + 10, 99, 100]) assert.ok(!pattern.test(`v1.${newer}`), `v1.${newer} is past the newest`);
});
