#!/usr/bin/env node
// The entry of the kube-checklist GitHub Action (action.yml): reads the inputs from the environment
// as GitHub passes them (INPUT_<NAME>, upper case, spaces as underscores; hyphens kept, or as
// underscores), runs the bundled CLI from the workspace and
// - prints the findings as workflow annotations (`--format github`), so they show on the diff,
// - writes SARIF 2.1.0 to $RUNNER_TEMP/kube-checklist/kube-checklist.sarif (output `sarif-file`),
// - appends the Markdown scorecard to $GITHUB_STEP_SUMMARY,
// - writes the report in the `format` input (output `report`) and sets the output `exit-code`,
// and ends with the audit's exit status under `fail-on` (0, 1 findings, 2 usage or I/O error).
// The CLI is dist/cli.js beside this script (KUBE_CHECKLIST_CLI overrides it).
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const cli = process.env.KUBE_CHECKLIST_CLI ? resolve(process.env.KUBE_CHECKLIST_CLI) : join(here, '..', 'dist', 'cli.js');
const EXTENSIONS = { sarif: 'sarif', json: 'json', markdown: 'md', text: 'txt', gitlab: 'json', junit: 'xml', github: 'txt' };

/** An input as GitHub sets it for actions (`INPUT_FAIL-ON`) or as a composite action passes it (`INPUT_FAIL_ON`). */
export function input(name) {
  const key = `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
  const value = process.env[key] ?? process.env[key.replace(/-/g, '_')] ?? '';
  return value.trim();
}

/** The CLI arguments that every run shares, from the inputs. */
export function auditArguments(supportsBaseline, supportsChangedSince = false) {
  const args = ['audit', ...(input('paths') || '.').split(/\s+/).filter(Boolean)];
  const level = input('level');
  if (level) args.push('--level', level);
  const version = input('kubernetes-version');
  if (version) args.push('--k8s-version', version);
  const config = input('config');
  if (config) args.push('--config', config);
  const baseline = input('baseline');
  if (baseline && supportsBaseline) args.push('--baseline', baseline);
  const changedSince = input('changed-since');
  if (changedSince && supportsChangedSince) args.push('--changed-since', changedSince);
  // One shard of a matrix (docs/sharding.md): its json report is joined by `kube-checklist merge`.
  const shard = input('shard');
  if (shard) args.push('--shard', shard);
  return args;
}

function run(args, cwd) {
  const result = spawnSync(process.execPath, [cli, ...args, '--no-color'], { cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  if (result.error) throw result.error;
  return result;
}

/** A workflow command's message, escaped as @actions/core does. */
function escapeData(text) {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function setOutput(name, value) {
  if (process.env.GITHUB_OUTPUT) appendFileSync(process.env.GITHUB_OUTPUT, `${name}=${value}\n`);
}

function main() {
  const cwd = process.env.GITHUB_WORKSPACE || process.cwd();
  if (!existsSync(cli)) {
    process.stdout.write(`::error title=kube-checklist::${escapeData(`The CLI bundle is missing: ${cli} (build it with "npx webpack --mode production --config-name cli")`)}\n`);
    return 2;
  }
  const failOn = input('fail-on') || 'error';
  const format = (input('format') || 'sarif').toLowerCase();
  if (!Object.hasOwn(EXTENSIONS, format)) {
    process.stdout.write(`::error title=kube-checklist::${escapeData(`Unknown format "${format}": expected ${Object.keys(EXTENSIONS).join(', ')}`)}\n`);
    return 2;
  }
  const auditHelp = run(['audit', '--help'], cwd).stdout;
  const supportsBaseline = auditHelp.includes('--baseline');
  const supportsChangedSince = auditHelp.includes('--changed-since');
  if (input('changed-since') && !supportsChangedSince) {
    process.stdout.write(`::warning title=kube-checklist::${escapeData('The changed-since input needs a kube-checklist CLI with --changed-since; this one has none, so every file is audited.')}\n`);
  }
  if (input('baseline') && !supportsBaseline) {
    process.stdout.write(`::warning title=kube-checklist::${escapeData('The baseline input needs a kube-checklist CLI with --baseline; this one has none, so every finding counts.')}\n`);
  }
  const common = auditArguments(supportsBaseline, supportsChangedSince);
  const folder = join(process.env.RUNNER_TEMP || tmpdir(), 'kube-checklist');
  mkdirSync(folder, { recursive: true });

  // The run that decides: annotations on standard output, warnings on standard error.
  const annotations = run([...common, '--format', 'github', '--fail-on', failOn], cwd);
  process.stdout.write(annotations.stdout);
  process.stderr.write(annotations.stderr);
  const status = annotations.status ?? 2;
  setOutput('exit-code', String(status));
  if (status === 2) return 2;

  const sarifFile = join(folder, 'kube-checklist.sarif');
  const sarif = run([...common, '--format', 'sarif', '--fail-on', 'never'], cwd);
  if (sarif.status === 0) {
    writeFileSync(sarifFile, sarif.stdout);
    setOutput('sarif-file', sarifFile);
  }
  let report = sarifFile;
  if (format !== 'sarif') {
    report = join(folder, `kube-checklist.${EXTENSIONS[format]}`);
    writeFileSync(report, run([...common, '--format', format, '--fail-on', 'never'], cwd).stdout);
  }
  setOutput('report', report);
  if (process.env.GITHUB_STEP_SUMMARY) {
    const markdown = run([...common, '--format', 'markdown', '--fail-on', 'never'], cwd);
    appendFileSync(process.env.GITHUB_STEP_SUMMARY, markdown.stdout);
  }
  return status;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main();
