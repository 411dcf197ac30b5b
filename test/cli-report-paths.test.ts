/**
 * Paths that tools understand (issue 21 part 3): files outside the working directory are shown by
 * their absolute path, never `../..`; SARIF `%SRCROOT%` URIs and GitLab paths are relative to the
 * repository root (`--root`; default the git top level, else the folder holding every input), never
 * start with `..`, and resolve against `originalUriBaseIds` to the files audited.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { runCli } from './support/run-cli';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: shop}\nspec:\n  hostPID: true\n  containers:\n    - {name: app, image: nginx:latest}\n';

let repo = '';
let elsewhere = '';

before(() => {
  repo = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kc-repo-')));
  elsewhere = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kc-cwd-')));
  fs.mkdirSync(path.join(repo, '.git'));
  fs.mkdirSync(path.join(repo, 'deploy', 'web'), { recursive: true });
  fs.writeFileSync(path.join(repo, 'deploy', 'web', 'pod.yaml'), POD);
  fs.writeFileSync(path.join(repo, 'deploy', 'other pod.yaml'), POD.replace('name: web', 'name: other'));
});

after(() => {
  for (const dir of [repo, elsewhere]) fs.rmSync(dir, { recursive: true, force: true });
});

interface Sarif {
  runs: { originalUriBaseIds?: Record<string, { uri: string }>; results: { locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }[] }[] }[];
}

/** Every artifact URI of the log resolved as code scanning does: against its base id, else as is. */
function resolvedFiles(log: Sarif): { uris: string[]; files: string[] } {
  const uris: string[] = [];
  const files: string[] = [];
  for (const run of log.runs) {
    for (const result of run.results) {
      for (const { physicalLocation } of result.locations) {
        const { uri, uriBaseId } = physicalLocation.artifactLocation;
        uris.push(uri);
        const base = uriBaseId ? run.originalUriBaseIds![uriBaseId].uri : undefined;
        files.push(fileURLToPath(new URL(uri, base)));
      }
    }
  }
  return { uris, files };
}

function sarif(args: readonly string[], cwd: string): Sarif {
  const run = runCli(['audit', ...args, '--format', 'sarif', '--no-render', '--fail-on', 'never'], { cwd });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout) as Sarif;
}

test('an absolute path from another working directory: SARIF URIs relative to the git top level, text paths absolute', () => {
  const log = sarif([path.join(repo, 'deploy')], elsewhere);
  const { uris, files } = resolvedFiles(log);
  assert.ok(uris.length > 0);
  assert.ok(uris.every((uri) => !uri.startsWith('..') && !uri.startsWith('/')), uris.join(', '));
  assert.ok(uris.includes('deploy/web/pod.yaml') && uris.includes('deploy/other%20pod.yaml'), uris.join(', '));
  assert.deepEqual([...new Set(files)].sort(), [path.join(repo, 'deploy', 'other pod.yaml'), path.join(repo, 'deploy', 'web', 'pod.yaml')]);
  const text = runCli(['audit', path.join(repo, 'deploy'), '--no-render', '--no-color', '--fail-on', 'never'], { cwd: elsewhere });
  const listed = text.stdout.split('\n').filter((line) => /^\S.*:\d+:\d+: /.test(line));
  assert.ok(listed.length > 0 && listed.every((line) => line.startsWith(`${repo}/deploy/`)), listed.join('\n'));
  assert.doesNotMatch(text.stdout, /\.\.\//);
});

test('from a sub-folder of the repository, URIs still start at its top level; --root chooses another root', () => {
  const inside = sarif(['.'], path.join(repo, 'deploy', 'web'));
  assert.deepEqual([...new Set(resolvedFiles(inside).uris)], ['deploy/web/pod.yaml']);
  const rooted = sarif(['.', '--root', '..'], path.join(repo, 'deploy', 'web'));
  assert.deepEqual([...new Set(resolvedFiles(rooted).uris)], ['web/pod.yaml']);
  assert.equal(rooted.runs[0].originalUriBaseIds!['%SRCROOT%'].uri, `file://${path.join(repo, 'deploy')}/`);
  // A file outside the chosen root keeps its absolute URI instead of climbing out with `..`.
  const outside = sarif([path.join(repo, 'deploy', 'other pod.yaml'), '--root', path.join(repo, 'deploy', 'web')], elsewhere);
  const { uris, files } = resolvedFiles(outside);
  assert.ok(uris.every((uri) => uri.startsWith('file:///')), uris.join(', '));
  assert.deepEqual([...new Set(files)], [path.join(repo, 'deploy', 'other pod.yaml')]);
});

test('without a repository, the folder that holds every input is the root; GitLab paths follow the root', () => {
  const plain = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kc-plain-')));
  try {
    fs.mkdirSync(path.join(plain, 'a'));
    fs.mkdirSync(path.join(plain, 'b'));
    fs.writeFileSync(path.join(plain, 'a', 'pod.yaml'), POD);
    fs.writeFileSync(path.join(plain, 'b', 'pod.yaml'), POD.replace('name: web', 'name: b'));
    const { uris } = resolvedFiles(sarif([path.join(plain, 'a'), path.join(plain, 'b')], elsewhere));
    assert.deepEqual([...new Set(uris)].sort(), ['a/pod.yaml', 'b/pod.yaml']);
    const gitlab = runCli(['audit', path.join(repo, 'deploy'), '--format', 'gitlab', '--no-render', '--fail-on', 'never'], { cwd: elsewhere });
    const paths = [...new Set((JSON.parse(gitlab.stdout) as { location: { path: string } }[]).map((issue) => issue.location.path))].sort();
    assert.deepEqual(paths, ['deploy/other pod.yaml', 'deploy/web/pod.yaml']);
  } finally {
    fs.rmSync(plain, { recursive: true, force: true });
  }
});
