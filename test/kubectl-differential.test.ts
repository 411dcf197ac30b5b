/**
 * Differential test against kubectl, the reference decoder: YAML-feature variants (line-break
 * characters, merge keys before and after explicit keys, merged lists, aliases as keys and values,
 * merge keys bringing apiVersion and kind, duplicate keys, YAML 1.1 booleans and integers, tags)
 * wrap dangerous fields (hostPID, privileged, runAsUser 0). For each, kubectl's decoding
 * (`kubectl label --local -o json`, which reads files exactly as `kubectl create` does and needs no
 * cluster) must equal the resource we check, or the file must get an `unparseable-manifest` error.
 * And the fail-closed property: a dangerous field in kubectl's decoding means a finding. Skipped,
 * with the reason, where kubectl is not on the machine.
 */
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { analyzeSource, extractResources, parseSourceFile } from '../server/src/core';

const run = promisify(execFile);
const PROBE = 'kube-checklist-probe';
const KUBECTL = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' });
const SKIP = KUBECTL.error || KUBECTL.status !== 0 ? 'kubectl is not on the PATH: the reference decoder is missing' : false;

/** kubectl's decoding of a one-document file, or undefined when kubectl refuses it. */
async function kubectlDecode(directory: string, name: string, text: string): Promise<Record<string, unknown> | undefined> {
  const file = path.join(directory, name);
  fs.writeFileSync(file, text);
  try {
    const { stdout } = await run('kubectl', ['label', '--local', '-f', file, '-o', 'json', `${PROBE}=1`], { env: { ...process.env, KUBECONFIG: path.join(directory, 'none') } });
    const value = JSON.parse(stdout) as { metadata: { labels: Record<string, string> } };
    delete value.metadata.labels[PROBE];
    if (Object.keys(value.metadata.labels).length === 0) delete (value.metadata as { labels?: unknown }).labels;
    return value;
  } catch {
    return undefined;
  }
}

function ours(text: string) {
  const source = parseSourceFile(text);
  const { resources } = extractResources(source);
  const result = analyzeSource(source, { level: 'restricted', kubernetesVersion: 'latest' });
  const unparseable = result.findings.some((finding) => finding.ruleId === 'unparseable-manifest' && finding.severity === 'error');
  return { value: resources[0] ? JSON.parse(JSON.stringify(resources[0].value)) : undefined, result, unparseable };
}

const HEAD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n';
const CONTAINERS = '  containers:\n  - name: a\n    image: nginx:1.27\n';

/** Variants, each a whole file; `\n` in them is the plain line break. */
const VARIANTS: Record<string, string> = {
  'bare CR after a comment': `${HEAD}spec:\n  # note\r  hostPID: true\n${CONTAINERS}`,
  'CR-only file': `${HEAD}spec:\n  hostPID: true\n${CONTAINERS}`.replace(/\n/g, '\r'),
  'CRLF file': `${HEAD}spec:\n  hostPID: true\n${CONTAINERS}`.replace(/\n/g, '\r\n'),
  'NEL after a comment': `${HEAD}spec:\n  # note\u0085  hostPID: true\n${CONTAINERS}`,
  'LINE SEPARATOR after a comment': `${HEAD}spec:\n  # note\u2028  hostPID: true\n${CONTAINERS}`,
  'PARAGRAPH SEPARATOR after a comment': `${HEAD}spec:\n  # note\u2029  hostPID: true\n${CONTAINERS}`,
  'merge after an explicit key': `${HEAD}x: &d {hostPID: true}\nspec:\n  hostPID: false\n  <<: *d\n${CONTAINERS}`,
  'merge before an explicit key': `${HEAD}x: &d {hostPID: false}\nspec:\n  <<: *d\n  hostPID: true\n${CONTAINERS}`,
  'merged list, first wins': `${HEAD}x: &a {hostPID: true}\ny: &b {hostPID: false}\nspec:\n  <<: [*a, *b]\n${CONTAINERS}`,
  'two merge keys': `${HEAD}x: &a {hostPID: false}\ny: &b {hostPID: true}\nspec:\n  <<: *a\n  <<: *b\n${CONTAINERS}`,
  'merge brings apiVersion and kind': `h: &h {apiVersion: v1, kind: Pod}\n<<: *h\nmetadata: {name: p}\nspec:\n  hostPID: true\n${CONTAINERS}`,
  'merge of an alias of a list': `l: &l [{hostPID: true}]\n${HEAD}spec:\n  <<: *l\n${CONTAINERS}`,
  'alias as a key': `${HEAD}k: &k hostPID\nspec:\n  *k : true\n${CONTAINERS}`,
  'alias as a value': `${HEAD}t: &t true\nspec:\n  hostPID: *t\n${CONTAINERS}`,
  'aliased securityContext': `${HEAD}s: &s {privileged: true}\nspec:\n  containers:\n  - name: a\n    image: nginx:1.27\n    securityContext: *s\n`,
  'duplicate key, dangerous last': `${HEAD}spec:\n  hostPID: false\n  hostPID: true\n${CONTAINERS}`,
  'duplicate key, dangerous first': `${HEAD}spec:\n  hostPID: true\n  hostPID: false\n${CONTAINERS}`,
  'duplicate spec': `${HEAD}spec:\n  hostPID: false\n${CONTAINERS}spec:\n  hostPID: true\n${CONTAINERS}`,
  'tagged key': `${HEAD}spec:\n  !!str hostPID: true\n${CONTAINERS}`,
  'quoted key': `${HEAD}spec:\n  "hostPID": true\n${CONTAINERS}`,
  'custom tag on a value': `${HEAD}spec:\n  hostPID: !custom true\n${CONTAINERS}`,
  '!!bool tag on a quoted value': `${HEAD}spec:\n  hostPID: !!bool "true"\n${CONTAINERS}`,
  '!!str tag': `${HEAD}spec:\n  hostPID: !!str true\n${CONTAINERS}`,
  'on: as a key': `${HEAD}spec:\n  on: 1\n  hostPID: true\n${CONTAINERS}`,
  'flow mapping': `{apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {hostPID: true, containers: [{name: a, image: "nginx:1.27"}]}}\n`,
  'JSON': `{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"}, "spec": {"hostPID": true, "containers": [{"name": "a", "image": "nginx:1.27"}]}}\n`,
  'JSON with a duplicate key': `{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"}, "spec": {"hostPID": false, "hostPID": true, "containers": [{"name": "a", "image": "nginx:1.27"}]}}\n`,
  'document end marker': `${HEAD}spec:\n  hostPID: true\n${CONTAINERS}...\n`,
};
for (const word of ['yes', 'Yes', 'YES', 'on', 'On', 'ON', 'y', 'Y', 'True', 'TRUE']) {
  VARIANTS[`YAML 1.1 boolean ${word}`] = `${HEAD}spec:\n  hostPID: ${word}\n${CONTAINERS}`;
}
for (const zero of ['0b0', '0_0', '00', '0x0', '0o0', '-0', '+0', '0x_0', '0b_0']) {
  VARIANTS[`runAsUser ${zero}`] = `${HEAD}spec:\n  securityContext:\n    runAsUser: ${zero}\n${CONTAINERS}`;
}

/** Dangerous fields of the variants, read from a decoded Pod. */
function dangerous(pod: Record<string, unknown> | undefined): boolean {
  const spec = pod?.spec as Record<string, unknown> | undefined;
  if (!spec) return false;
  if (spec.hostPID === true) return true;
  const context = spec.securityContext as Record<string, unknown> | undefined;
  if (context?.runAsUser === 0) return true;
  const containers = (spec.containers ?? []) as Record<string, unknown>[];
  return containers.some((container) => (container.securityContext as Record<string, unknown> | undefined)?.privileged === true);
}

function hasDangerFinding(result: ReturnType<typeof ours>['result']): boolean {
  return result.findings.some((finding) => finding.severity === 'error' || finding.ruleId === 'pss-run-as-user');
}

test('each YAML-feature variant decodes as kubectl decodes it, or gets an unparseable-manifest error', { skip: SKIP }, async () => {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-differential-'));
  const problems: string[] = [];
  let compared = 0;
  await Promise.all(Object.entries(VARIANTS).map(async ([name, text], index) => {
    const reference = await kubectlDecode(directory, `variant-${index}.yaml`, text);
    const mine = ours(text);
    if (reference === undefined) return; // kubectl refuses it: nothing is applied.
    compared++;
    if (!mine.unparseable) {
      try {
        assert.deepEqual(mine.value, reference);
      } catch {
        problems.push(`${name}: kubectl ${JSON.stringify(reference.spec)} vs ours ${JSON.stringify((mine.value as { spec?: unknown } | undefined)?.spec)}`);
      }
    }
    if (dangerous(reference) && !hasDangerFinding(mine.result)) problems.push(`${name}: kubectl applies a dangerous field and we report nothing`);
  }));
  fs.rmSync(directory, { recursive: true, force: true });
  assert.deepEqual(problems, []);
  assert.ok(compared >= Object.keys(VARIANTS).length - 6, `kubectl decoded ${compared} of ${Object.keys(VARIANTS).length} variants`);
});

test('property: a dangerous field in kubectl\'s decoding means a finding or an unparseable-manifest error', { skip: SKIP }, async () => {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-property-'));
  const breaks = fc.constantFrom('\n', '\r\n', '\r', '\u0085', '\u2028', '\u2029');
  const value = fc.constantFrom('true', 'yes', 'on', 'Y', 'false', 'no', '!!bool "true"', '!custom true', '"true"', '*t');
  const place = fc.constantFrom('plain', 'merge-after', 'merge-before', 'duplicate-last', 'duplicate-first', 'comment-before');
  let index = 0;
  try {
    await fc.assert(
      fc.asyncProperty(breaks, value, value, place, async (br, first, second, where) => {
        const lines = ['apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', `t: &t true`, `d: &d {hostPID: ${second}}`, 'spec:'];
        if (where === 'plain') lines.push(`  hostPID: ${first}`);
        if (where === 'merge-after') lines.push(`  hostPID: ${first}`, '  <<: *d');
        if (where === 'merge-before') lines.push('  <<: *d', `  hostPID: ${first}`);
        if (where === 'duplicate-last') lines.push(`  hostPID: ${second}`, `  hostPID: ${first}`);
        if (where === 'duplicate-first') lines.push(`  hostPID: ${first}`, `  hostPID: ${second}`);
        if (where === 'comment-before') lines.push(`  # ${second}${br}  hostPID: ${first}`);
        lines.push('  containers: [{name: a, image: "nginx:1.27"}]');
        const text = lines.join(br) + br;
        const reference = await kubectlDecode(directory, `case-${index++}.yaml`, text);
        if (!dangerous(reference)) return;
        const mine = ours(text);
        assert.ok(hasDangerFinding(mine.result), `kubectl applies hostPID: true and we report nothing for ${JSON.stringify(text)}`);
      }),
      { seed: 20261203, numRuns: 120 },
    );
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
});
