/**
 * `audit --shard I/N` + `merge` equals one machine's `audit`: on the real-world corpus for N = 1, 2,
 * 3 and 7 the findings (as sorted sets), the scorecard and the SARIF results (sorted) are the same,
 * and the merge refuses what it cannot join (not our JSON, a missing or repeated shard, shards of
 * different counts or runs) with exit 2 and a message in English and Simplified Chinese. The shard
 * plan itself does not depend on the order the files come in.
 */
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { promisify } from 'node:util';
import { parseShardSpec, parseSourceFile, planShards, WorkspaceIndex } from '../server/src/core';
import { CLI, cleanEnv, runCli } from './support/run-cli';
import { sharedPath } from './support/paths';

const run = promisify(execFile);
const corpus = sharedPath('corpus', 'real-world');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-shard-'));
const AUDIT = ['audit', '.', '--no-render', '--fail-on', 'never'];

async function cli(args: readonly string[]): Promise<string> {
  const { stdout } = await run(process.execPath, [CLI, ...args], { cwd: corpus, env: cleanEnv(), maxBuffer: 256 * 1024 * 1024 });
  return stdout;
}

/** At most two CLIs at once: the machine has two cores. */
async function inPairs<T>(jobs: readonly (() => Promise<T>)[]): Promise<T[]> {
  const results: T[] = [];
  for (let i = 0; i < jobs.length; i += 2) results.push(...(await Promise.all(jobs.slice(i, i + 2).map((job) => job()))));
  return results;
}

const sortedJson = (items: readonly unknown[]) => items.map((item) => JSON.stringify(item)).sort();

function withoutResults(sarif: { runs: { results: unknown[]; invocations: { toolExecutionNotifications: unknown[] }[] }[] }) {
  return sarif.runs.map((one) => ({ ...one, results: sortedJson(one.results), invocations: one.invocations.map((item) => ({ ...item, toolExecutionNotifications: sortedJson(item.toolExecutionNotifications) })) }));
}

describe('audit --shard and merge', () => {
  test('sharded and merged equals unsharded on the real-world corpus (N = 1, 2, 3, 7)', async () => {
    const [fullJson, fullSarif] = await inPairs([() => cli([...AUDIT, '--format', 'json']), () => cli([...AUDIT, '--format', 'sarif'])]);
    const full = JSON.parse(fullJson);
    for (const count of [1, 2, 3, 7]) {
      const names = await inPairs(
        Array.from({ length: count }, (_, i) => async () => {
          const name = path.join(work, `shard-${i + 1}-of-${count}.json`);
          fs.writeFileSync(name, await cli([...AUDIT, '--format', 'json', '--shard', `${i + 1}/${count}`]));
          return name;
        }),
      );
      const merged = JSON.parse(await cli(['merge', ...names, '--format', 'json', '--fail-on', 'never']));
      assert.deepEqual(sortedJson(merged.findings), sortedJson(full.findings), `findings, N=${count}`);
      assert.deepEqual(merged.scorecard, full.scorecard, `scorecard, N=${count}`);
      assert.deepEqual(merged.report.files, full.report.files, `files, N=${count}`);
      const sarif = JSON.parse(await cli(['merge', ...names.reverse(), '--format', 'sarif', '--fail-on', 'never']));
      assert.deepEqual(withoutResults(sarif), withoutResults(JSON.parse(fullSarif)), `SARIF, N=${count}`);
    }
    assert.ok(full.findings.length > 100, 'the corpus has findings to compare');
  });

  test('the merge refuses inputs it cannot join, in English and Chinese', async () => {
    const shard = (spec: string) => {
      const name = path.join(work, `refuse-${spec.replace('/', '-of-')}.json`);
      fs.writeFileSync(name, runCli([...AUDIT, 'examples', '--format', 'json', '--shard', spec], { cwd: corpus }).stdout);
      return name;
    };
    const [a, b, c] = [shard('1/2'), shard('2/2'), shard('1/3')];
    const notOurs = path.join(work, 'not-ours.json');
    fs.writeFileSync(notOurs, '{"version": 1, "findings": []}');
    const cases: [string[], RegExp, RegExp][] = [
      [[a, notOurs], /is not a JSON report/, /不是 kube-checklist/],
      [[a], /shard 2\/2 is missing/, /缺少分片 2\/2/],
      [[a, a, b], /shard 1\/2 is given twice/, /重复/],
      [[a, c], /different numbers of shards/, /分片总数不同/],
    ];
    for (const [inputs, en, zh] of cases) {
      const english = runCli(['merge', ...inputs], { cwd: work });
      assert.equal(english.status, 2, english.stderr);
      assert.match(english.stderr, en);
      const chinese = runCli(['merge', ...inputs], { cwd: work, env: { LANG: 'zh_CN.UTF-8' } });
      assert.equal(chinese.status, 2);
      assert.match(chinese.stderr, zh);
    }
    const mixed = JSON.parse(fs.readFileSync(b, 'utf8'));
    mixed.report.level = 'baseline';
    fs.writeFileSync(b, JSON.stringify(mixed));
    const refused = runCli(['merge', a, b], { cwd: work });
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /different runs/);
    const bad = runCli(['audit', '.', '--shard', '3/2'], { cwd: work });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--shard/);
  });

  test('the Indexed Job of docs/sharding.md passes our own audit at restricted level', () => {
    const job = runCli(['audit', 'docs/sharding/indexed-job.yaml', '--level', 'restricted', '--fail-on', 'info', '--format', 'json'], { cwd: path.resolve(__dirname, '..', '..') });
    assert.equal(job.status, 0, job.stdout);
    const report = JSON.parse(job.stdout);
    assert.deepEqual(report.findings, []);
    assert.match(fs.readFileSync(path.resolve(__dirname, '..', '..', 'docs', 'sharding', 'indexed-job.yaml'), 'utf8'), /completionMode: Indexed[\s\S]*JOB_COMPLETION_INDEX \+ 1/);
  });

  test('the plan does not depend on the order of the files, and keeps a namespace together', () => {
    const file = (name: string, text: string) => ({ uri: name, path: name, source: parseSourceFile(text) });
    const files = [
      file('a/web.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\n'),
      file('b/policy.yaml', 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny, namespace: shop}\n'),
      file('c/ns.yaml', 'apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n'),
      file('d/other.yaml', 'apiVersion: v1\nkind: Service\nmetadata: {name: api, namespace: billing}\n'),
      file('e/readme.yaml', 'just: text\n'),
    ];
    const shardsOf = (list: typeof files) => {
      const plan = planShards(new WorkspaceIndex(list), 3);
      return Object.fromEntries(files.map((entry) => [entry.path, plan.shardOf(entry.path)]));
    };
    const forward = shardsOf(files);
    assert.deepEqual(shardsOf([...files].reverse()), forward);
    assert.equal(forward['a/web.yaml'], forward['b/policy.yaml']);
    assert.equal(forward['a/web.yaml'], forward['c/ns.yaml']);
    assert.notEqual(forward['a/web.yaml'], forward['d/other.yaml'], 'balanced: the other namespace goes elsewhere');
    assert.deepEqual(parseShardSpec('2/3'), { index: 2, count: 3 });
    for (const bad of ['0/3', '4/3', '1/0', 'x', '1/2/3']) assert.equal(parseShardSpec(bad), undefined);
  });
});
