/**
 * The access-review checklist item and its evidence: `reviews: {access: YYYY-MM-DD}` in
 * .kube-checklist.yaml passes the item for 24 months from that day (against the day the caller
 * gives), fails it after, leaves it manual when absent; an impossible or misshapen date is a
 * configuration error with a clear message, in the schema too; and the CLI's scorecard follows.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import Ajv from 'ajv';
import { CONFIG_SCHEMA, readConfigFile, renderConfigProblem, selectRules } from '../server/src/core';
import { isoDay, reviewIsCurrent } from '../server/src/core/checklist/review-evidence';
import { computeScorecard } from '../server/src/report/scorecard';
import { runCli } from './support/run-cli';

const ITEM = 'authn-authz/access-review';
const selection = selectRules({ level: 'restricted', kubernetesVersion: 'latest' });
const statusOn = (accessReviewed: string | undefined, today: string) =>
  computeScorecard([], selection, { kinds: ['Pod'] }, [], { accessReviewed, today }).find((entry) => entry.item === ITEM)!;

test('a review counts for 24 months to the day, then the item fails; without one it stays manual', () => {
  assert.equal(statusOn('2026-05-01', '2026-05-02').status, 'pass');
  assert.equal(statusOn('2026-05-01', '2028-05-01').status, 'pass', 'the last day of the 24 months');
  assert.equal(statusOn('2026-05-01', '2028-05-02').status, 'fail');
  assert.equal(statusOn('2026-05-01', '2028-05-02').reviewed, '2026-05-01');
  assert.equal(statusOn('2024-02-29', '2026-02-28').status, 'pass');
  assert.equal(statusOn('2024-02-29', '2026-03-01').status, 'fail');
  assert.equal(statusOn('2025-12-31', '2027-12-31').status, 'pass', 'December carries into the right year');
  assert.equal(statusOn('2025-12-31', '2028-01-01').status, 'fail');
  assert.equal(statusOn(undefined, '2026-05-01').status, 'manual');
  assert.equal(statusOn(undefined, '2026-05-01').reviewed, undefined);
  assert.equal(reviewIsCurrent('2026-01-15', '2026-01-15'), true);
  assert.equal(isoDay(Date.UTC(2026, 4, 1, 23, 59)), '2026-05-01');
  // Only that item: the others keep their own status.
  const other = computeScorecard([], selection, { kinds: ['Pod'] }, [], { accessReviewed: '2000-01-01', today: '2026-01-01' }).filter((entry) => entry.item !== ITEM);
  assert.deepEqual(other, computeScorecard([], selection, { kinds: ['Pod'] }).filter((entry) => entry.item !== ITEM));
});

test('reviews.access must be a calendar day: the schema and the loader say so', () => {
  assert.deepEqual(readConfigFile('reviews:\n  access: 2026-05-01\n').config?.reviews, { access: '2026-05-01' });
  const impossible = readConfigFile('reviews:\n  access: 2026-02-30\n');
  assert.equal(impossible.config, undefined);
  assert.equal(renderConfigProblem(impossible.problems[0], 'en'), '`2026-02-30` is not a date');
  assert.match(renderConfigProblem(impossible.problems[0], 'zh-cn'), /不是有效的日期/);
  assert.equal(impossible.problems[0].start, 'reviews:\n  access: '.length, 'placed on the value');
  const misshapen = readConfigFile('reviews:\n  access: last spring\n');
  assert.equal(renderConfigProblem(misshapen.problems[0], 'en'), '`reviews.access` has the wrong form');
  assert.match(renderConfigProblem(readConfigFile('reviews:\n  rbac: 2026-05-01\n').problems[0], 'en'), /unknown key `rbac`/);
  const validate = new Ajv({ strict: false }).compile(CONFIG_SCHEMA);
  assert.equal(validate({ reviews: { access: '2026-05-01' } }), true);
  assert.equal(validate({ reviews: { access: '05/01/2026' } }), false);
  assert.equal(validate({ reviews: { other: '2026-05-01' } }), false);
});

test('the CLI scorecard: a stale review fails the item, a recent one passes it, none leaves it manual; a bad date exits 2', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-access-review-'));
  fs.writeFileSync(path.join(dir, 'pod.yaml'), 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n');
  const scorecardWith = (config: string | undefined) => {
    if (config === undefined) fs.rmSync(path.join(dir, '.kube-checklist.yaml'), { force: true });
    else fs.writeFileSync(path.join(dir, '.kube-checklist.yaml'), config);
    const run = runCli(['audit', '.', '--format', 'json', '--fail-on', 'never'], { cwd: dir });
    return { run, entry: run.status === 0 ? (JSON.parse(run.stdout).scorecard as { item: string; status: string }[]).find((e) => e.item === ITEM) : undefined };
  };
  try {
    assert.equal(scorecardWith('reviews:\n  access: 2020-01-01\n').entry?.status, 'fail');
    assert.equal(scorecardWith(`reviews:\n  access: ${isoDay(Date.now())}\n`).entry?.status, 'pass');
    assert.equal(scorecardWith(undefined).entry?.status, 'manual');
    const markdown = runCli(['audit', '.', '--format', 'markdown', '--fail-on', 'never'], { cwd: dir });
    assert.match(markdown.stdout, /reviews: \{access: YYYY-MM-DD\}/, 'the guidance names the evidence');
    fs.writeFileSync(path.join(dir, '.kube-checklist.yaml'), 'reviews:\n  access: 2026-13-01\n');
    const bad = runCli(['audit', '.', '--format', 'json'], { cwd: dir });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /not a date/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
