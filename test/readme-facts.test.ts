/**
 * What README.md states as fact is checked: the settings table lists every setting of package.json
 * with its default, and the bundled examples give what the Quick start says (`examples/insecure`
 * fails the gate; `examples/fixed` has no error or warning, only one digest-pinning info per image).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { test } from 'node:test';
import { repoPath } from './support/paths';
import { runCli } from './support/run-cli';

const README = fs.readFileSync(repoPath('README.md'), 'utf8');

test("the README's settings table lists every contributed setting, with its default", () => {
  const manifest = JSON.parse(fs.readFileSync(repoPath('package.json'), 'utf8'));
  const properties = manifest.contributes.configuration.properties as Record<string, { default: unknown }>;
  const rows = new Map([...README.matchAll(/^\| `(kubeChecklist\.[\w.]+)` \| `([^`]*)` \|/gm)].map((match) => [match[1], match[2]]));
  assert.deepEqual([...rows.keys()].sort(), Object.keys(properties).sort(), 'the same settings');
  for (const [name, shown] of rows) {
    const value = properties[name].default;
    assert.equal(shown, typeof value === 'string' && value !== '' ? value : JSON.stringify(value), `${name}: default`);
  }
});

test('examples/insecure fails the gate; examples/fixed has no error or warning, only one digest info per image', () => {
  const insecure = runCli(['audit', 'examples/insecure', '--no-render', '--no-color'], { cwd: repoPath() });
  assert.equal(insecure.status, 1, insecure.stderr);
  const fixed = runCli(['audit', 'examples/fixed', '--no-render', '--format', 'json'], { cwd: repoPath() });
  assert.equal(fixed.status, 0, fixed.stderr);
  const report = JSON.parse(fixed.stdout) as { findings: { ruleId: string; severity: string }[] };
  assert.deepEqual([...new Set(report.findings.map((finding) => `${finding.severity} ${finding.ruleId}`))], ['info image-without-digest']);
  const images = fs.readdirSync(repoPath('examples', 'fixed')).flatMap((name) => [...fs.readFileSync(repoPath('examples', 'fixed', name), 'utf8').matchAll(/^\s+image: /gm)]);
  assert.equal(report.findings.length, images.length, 'one per image');
  assert.match(README, /`examples\/fixed` has no error or warning/);
});
