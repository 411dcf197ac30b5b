/**
 * The GitHub Action: action.yml declares the inputs of issue 16 and passes each one to its entry
 * script, and scripts/github-action.mjs, run with the environment variables GitHub sets
 * (GITHUB_WORKSPACE, GITHUB_STEP_SUMMARY, GITHUB_OUTPUT, RUNNER_TEMP, INPUT_<NAME>), writes SARIF
 * that validates against the 2.1.0 schema, a Markdown job summary, its outputs, and annotations on
 * the findings' lines; its exit status follows `fail-on`.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { repoPath, sharedPath } from './support/paths';
import { CLI, cleanEnv, runCli } from './support/run-cli';

const ENTRY = repoPath('scripts', 'github-action.mjs');
const INPUTS = ['paths', 'level', 'kubernetes-version', 'config', 'fail-on', 'format', 'baseline', 'changed-since', 'shard', 'upload-sarif'];

interface ActionYml {
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: { id?: string; run?: string; uses?: string; env?: Record<string, string>; with?: Record<string, string> }[] };
}

let scratch: string;
let workspace: string;

interface ActionRun {
  status: number | null;
  stdout: string;
  stderr: string;
  summary: string;
  outputs: Record<string, string>;
  temp: string;
}

let runs = 0;

/** Runs the entry as the runner does: inputs as INPUT_<NAME> (hyphens kept, as for node actions). */
function runAction(inputs: Record<string, string>): ActionRun {
  const folder = path.join(scratch, `run-${++runs}`);
  const temp = path.join(folder, 'temp');
  fs.mkdirSync(temp, { recursive: true });
  const summaryFile = path.join(folder, 'summary.md');
  const outputFile = path.join(folder, 'output');
  fs.writeFileSync(summaryFile, '');
  fs.writeFileSync(outputFile, '');
  const env: NodeJS.ProcessEnv = { ...cleanEnv(), GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: workspace, GITHUB_STEP_SUMMARY: summaryFile, GITHUB_OUTPUT: outputFile, RUNNER_TEMP: temp };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  const result = spawnSync(process.execPath, [ENTRY], { cwd: scratch, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.error) throw result.error;
  const outputs = Object.fromEntries(
    fs
      .readFileSync(outputFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, summary: fs.readFileSync(summaryFile, 'utf8'), outputs, temp };
}

before(() => {
  assert.ok(fs.existsSync(CLI), `${CLI} is missing: build it first (npx webpack --mode production --config-name cli)`);
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'kube-checklist-action-'));
  workspace = path.join(scratch, 'workspace');
  fs.cpSync(repoPath('test', 'fixtures', 'cli', 'insecure'), path.join(workspace, 'deploy'), { recursive: true });
  fs.cpSync(repoPath('test', 'fixtures', 'cli', 'clean'), path.join(workspace, 'clean'), { recursive: true });
});

after(() => fs.rmSync(scratch, { recursive: true, force: true }));

test('action.yml: the inputs of the issue, each passed to the entry script; node 20 runs the bundled CLI', () => {
  const action = parse(fs.readFileSync(repoPath('action.yml'), 'utf8')) as ActionYml;
  assert.deepEqual(Object.keys(action.inputs).sort(), [...INPUTS].sort());
  for (const [name, spec] of Object.entries(action.inputs)) assert.ok(spec.description.length > 10, `${name} is described`);
  assert.equal(action.runs.using, 'composite');
  const step = action.runs.steps.find((candidate) => candidate.id === 'audit')!;
  assert.match(step.run!, /scripts\/github-action\.mjs/);
  for (const name of INPUTS) {
    const variable = `INPUT_${name.toUpperCase().replace(/[ -]/g, '_')}`;
    assert.equal(step.env![variable], `\${{ inputs.${name} }}`, `${name} reaches the script`);
  }
  for (const output of ['sarif-file', 'report', 'exit-code']) assert.equal(action.outputs[output].value, `\${{ steps.audit.outputs.${output} }}`);
  const upload = action.runs.steps.find((candidate) => candidate.uses?.startsWith('github/codeql-action/upload-sarif@'));
  assert.ok(upload, 'upload-sarif: true uploads through github/codeql-action/upload-sarif');
  assert.equal(upload.with!.sarif_file, '${{ steps.audit.outputs.sarif-file }}');
});

test('the entry writes valid SARIF, a Markdown job summary, its outputs and annotations on the findings lines', () => {
  const run = runAction({ paths: 'deploy clean', 'fail-on': 'error', format: 'junit', baseline: '', 'upload-sarif': 'false' });
  assert.equal(run.status, 1, `findings at error severity fail the step: ${run.stderr}`);
  assert.equal(run.outputs['exit-code'], '1');
  const sarifFile = run.outputs['sarif-file'];
  assert.equal(sarifFile, path.join(run.temp, 'kube-checklist', 'kube-checklist.sarif'));
  const schema = JSON.parse(fs.readFileSync(sharedPath('schemas', 'sarif-schema-2.1.0.json'), 'utf8')) as object;
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  const log = JSON.parse(fs.readFileSync(sarifFile, 'utf8')) as { runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
  assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 5)));
  assert.ok(log.runs[0].results.length > 0);
  assert.ok(log.runs[0].results.every((result) => result.locations[0].physicalLocation.artifactLocation.uri === 'deploy/deployment.yaml'));

  assert.match(run.summary, /^# /m, 'the summary is the Markdown scorecard');
  assert.match(run.summary, /`deploy`/);
  assert.match(run.summary, /privileged/);
  assert.ok(run.outputs.report.endsWith('.xml'));
  assert.match(fs.readFileSync(run.outputs.report, 'utf8'), /^<\?xml/);

  const findings = (JSON.parse(runCli(['audit', 'deploy', 'clean', '--format', 'json'], { cwd: workspace }).stdout) as { findings: { ruleId: string; severity: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[] }).findings;
  const annotations = run.stdout.split('\n').filter((line) => /^::(error|warning|notice) file=/.test(line));
  assert.equal(annotations.length, findings.length);
  for (const finding of findings) {
    const { start, end } = finding.range;
    const place = `file=deploy/deployment.yaml,line=${start.line + 1},col=${start.character + 1},endLine=${end.line + 1},endColumn=${end.character + 1},title=${finding.ruleId}%3A`;
    assert.ok(annotations.some((line) => line.includes(place)), `an annotation at ${place}`);
  }
  const lines = fs.readFileSync(path.join(workspace, 'deploy', 'deployment.yaml'), 'utf8').split('\n');
  const privileged = annotations.find((line) => line.includes('title=pss-privileged'));
  assert.ok(privileged, annotations.join('\n'));
  assert.match(lines[Number(/line=(\d+)/.exec(privileged)![1]) - 1], /privileged: true/, 'the annotation is on the offending line');
});

test('fail-on never passes; other inputs reach the CLI; a bad input is a failure with status 2', () => {
  const never = runAction({ paths: 'deploy', 'fail-on': 'never' });
  assert.equal(never.status, 0);
  assert.equal(never.outputs['exit-code'], '0');
  assert.ok(never.stdout.includes('::error file=deploy/deployment.yaml'));
  assert.equal(never.outputs.report, never.outputs['sarif-file'], 'format defaults to sarif');
  const baseline = runAction({ paths: 'deploy', level: 'baseline', 'kubernetes-version': 'v1.30', 'fail-on': 'never', format: 'markdown' });
  assert.equal(baseline.status, 0);
  assert.match(fs.readFileSync(baseline.outputs.report, 'utf8'), /baseline/);
  assert.doesNotMatch(baseline.stdout, /title=run-as-non-root/, 'the baseline level drops restricted-only rules');
  const bad = runAction({ paths: 'deploy', level: 'strictest' });
  assert.equal(bad.status, 2);
  assert.equal(bad.outputs['exit-code'], '2');
  const clean = runAction({ paths: 'clean' });
  assert.equal(clean.status, 0);
  assert.ok(clean.summary.length > 0 && fs.existsSync(clean.outputs['sarif-file']), 'SARIF and summary also on a clean run');
});

test('the baseline input: passed as --baseline when the CLI has it, else a warning and every finding counts', () => {
  const help = runCli(['audit', '--help'], { cwd: workspace }).stdout;
  fs.writeFileSync(path.join(workspace, 'baseline.json'), '{}');
  const run = runAction({ paths: 'deploy', baseline: 'baseline.json', 'fail-on': 'never' });
  if (help.includes('--baseline')) {
    assert.doesNotMatch(run.stdout, /needs a kube-checklist CLI with --baseline/);
  } else {
    assert.match(run.stdout, /^::warning title=kube-checklist::The baseline input needs a kube-checklist CLI with --baseline/m);
    assert.equal(run.status, 0);
    assert.ok(run.stdout.includes('::error file=deploy/deployment.yaml'));
  }
});

test('the changed-since input: only the files changed against the ref are annotated; outside a repository the step fails with 2', () => {
  const outside = runAction({ paths: 'deploy', 'changed-since': 'main', 'fail-on': 'never' });
  assert.equal(outside.outputs['exit-code'], '2', 'the ref reaches the CLI');
  assert.equal(outside.status, 2);
  const saved = workspace;
  workspace = path.join(scratch, 'git-workspace');
  try {
    fs.cpSync(path.join(saved, 'deploy'), path.join(workspace, 'deploy'), { recursive: true });
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=test@example.com', '-c', 'user.name=test', '-c', 'commit.gpgsign=false', ...args], { cwd: workspace });
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-qm', 'base');
    fs.writeFileSync(path.join(workspace, 'deploy', 'added.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: added\n  namespace: elsewhere\nspec:\n  hostPID: true\n  containers:\n    - name: app\n      image: registry.example.com/app:1.0\n');
    const run = runAction({ paths: 'deploy', 'changed-since': 'main', 'fail-on': 'never' });
    assert.equal(run.status, 0, run.stdout + run.stderr);
    const annotated = new Set([...run.stdout.matchAll(/^::\w+ file=([^,]+),/gm)].map((match) => match[1]));
    assert.deepEqual([...annotated], ['deploy/added.yaml']);
  } finally {
    workspace = saved;
  }
});
