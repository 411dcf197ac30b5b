/**
 * The README's "In CI" section: every fenced snippet parses (YAML and JSON with real parsers) and
 * names only what exists: inputs and outputs that action.yml declares, the hook id of
 * .pre-commit-hooks.yaml, and CLI options (and --format values) that `kube-checklist <command>
 * --help` lists. Each of GitHub, GitLab, pre-commit and any CI has a snippet.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { before, test } from 'node:test';
import { parse } from 'yaml';
import { AUDIT_FORMATS } from '../server/src/report/audit-format';
import { repoPath } from './support/paths';
import { runCli } from './support/run-cli';

interface Snippet {
  readonly language: string;
  readonly text: string;
}

const ACTION = 'kube-checklist/kube-checklist@';

let snippets: Snippet[];
const helpOptions = new Map<string, Set<string>>();
let checkedCommands = 0;

function section(markdown: string, title: string): string {
  const start = markdown.indexOf(`\n## ${title}\n`);
  assert.ok(start >= 0, `README has a "${title}" section`);
  const end = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, end < 0 ? undefined : end);
}

function fenced(markdown: string): Snippet[] {
  return [...markdown.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((match) => ({ language: match[1], text: match[2] }));
}

/** The options of `kube-checklist <command> --help`: every `--name` (and `-x`) that starts an option line. */
function optionsOf(command: string): Set<string> {
  let options = helpOptions.get(command);
  if (!options) {
    const help = runCli([command, '--help'], { cwd: repoPath() });
    assert.equal(help.status, 0, `${command} --help`);
    options = new Set([...help.stdout.matchAll(/^\s{2}(?:(-\w), )?(--[a-z0-9-]+)/gm)].flatMap((match) => [match[2], ...(match[1] ? [match[1]] : [])]));
    assert.ok(options.size > 2, `options of ${command}: ${[...options].join(' ')}`);
    helpOptions.set(command, options);
  }
  return options;
}

/** Checks every `kube-checklist audit|rules …` command of a shell line; returns how many it found. */
function checkShell(line: string, where: string): number {
  let found = 0;
  const words = line.split(/\s+/).filter(Boolean);
  for (let index = 0; index < words.length; index++) {
    if (!/^kube-checklist(@[\w.-]+)?$/.test(words[index])) continue;
    const command = words[index + 1];
    assert.ok(command === 'audit' || command === 'rules', `${where}: kube-checklist ${command} is a command`);
    const options = optionsOf(command);
    for (let next = index + 2; next < words.length && !/^(>|>>|\||&&|\|\||;)$/.test(words[next]); next++) {
      const word = words[next];
      if (!word.startsWith('-') || word === '-') continue;
      const name = word.split('=')[0];
      assert.ok(options.has(name), `${where}: ${name} is an option of kube-checklist ${command} (${line.trim()})`);
      if (name === '--format' && command === 'audit') assert.ok((AUDIT_FORMATS as readonly string[]).includes(word.includes('=') ? word.split('=')[1] : words[next + 1]), `${where}: the format of ${line.trim()}`);
    }
    found++;
    checkedCommands++;
  }
  return found;
}

before(() => {
  snippets = fenced(section(fs.readFileSync(repoPath('README.md'), 'utf8'), 'In CI'));
  assert.ok(snippets.length >= 5, `${snippets.length} snippets`);
});

test('every snippet of "In CI" parses and has a language', () => {
  for (const snippet of snippets) {
    assert.ok(['yaml', 'json', 'sh'].includes(snippet.language), `a yaml, json or sh snippet: ${snippet.language}`);
    if (snippet.language === 'yaml') assert.doesNotThrow(() => parse(snippet.text, { strict: true, prettyErrors: true }), snippet.text);
    if (snippet.language === 'json') assert.doesNotThrow(() => JSON.parse(snippet.text), snippet.text);
  }
});

test('GitHub: the workflow uses the action with declared inputs and outputs, and uploads the SARIF file', () => {
  const action = parse(fs.readFileSync(repoPath('action.yml'), 'utf8')) as { inputs: Record<string, unknown>; outputs: Record<string, unknown> };
  const workflows = snippets.filter((snippet) => snippet.language === 'yaml').map((snippet) => parse(snippet.text) as Record<string, unknown>).filter((doc) => doc.jobs);
  assert.ok(workflows.length >= 1, 'a GitHub workflow');
  let uses = 0;
  let uploads = 0;
  for (const workflow of workflows) {
    for (const job of Object.values(workflow.jobs as Record<string, { steps: { id?: string; uses?: string; with?: Record<string, unknown>; run?: string; if?: string }[] }>)) {
      const ids = new Set<string>();
      for (const step of job.steps) {
        if (step.uses?.startsWith(ACTION)) {
          uses++;
          if (step.id) ids.add(step.id);
          for (const input of Object.keys(step.with ?? {})) assert.ok(input in action.inputs, `action input ${input} exists in action.yml`);
        }
        if (step.uses?.startsWith('github/codeql-action/upload-sarif@')) uploads++;
        if (step.run) for (const line of step.run.split('\n')) checkShell(line, 'workflow run');
        for (const [, id, output] of JSON.stringify(step).matchAll(/steps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
          assert.ok(ids.has(id), `steps.${id} is the action's step`);
          assert.ok(output in action.outputs, `action output ${output} exists in action.yml`);
        }
      }
    }
  }
  assert.ok(uses >= 1, 'the workflow uses the action');
  assert.ok(uploads >= 1, 'the workflow documents the upload-sarif step');
});

test('GitLab: a job with --format gitlab and artifacts:reports:codequality', () => {
  const jobs = snippets
    .filter((snippet) => snippet.language === 'yaml')
    .map((snippet) => parse(snippet.text) as Record<string, { script?: string[]; artifacts?: { reports?: Record<string, string> } }>)
    .flatMap((doc) => Object.values(doc).filter((job) => job && typeof job === 'object' && Array.isArray((job as { script?: unknown }).script)));
  assert.ok(jobs.length >= 1, 'a GitLab job');
  const job = jobs.find((candidate) => candidate.artifacts?.reports?.codequality)!;
  assert.ok(job, 'artifacts:reports:codequality');
  const producer = job.script!.find((line) => line.includes('--format gitlab'));
  assert.ok(producer, 'a script line with --format gitlab');
  assert.ok(producer.includes(`> ${job.artifacts!.reports!.codequality}`), 'it writes the file the report names');
  for (const line of job.script!) assert.ok(checkShell(line, 'GitLab script') > 0, line);
});

test('pre-commit: the hook id exists and its args are audit options; the lint-staged command is a valid audit', () => {
  const hooks = parse(fs.readFileSync(repoPath('.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string }[];
  const configs = snippets.filter((snippet) => snippet.language === 'yaml').map((snippet) => parse(snippet.text) as { repos?: { repo: string; rev: string; hooks: { id: string; args?: string[] }[] }[] }).filter((doc) => doc.repos);
  assert.ok(configs.length >= 1, 'a .pre-commit-config.yaml snippet');
  for (const config of configs) {
    for (const repo of config.repos!) {
      assert.match(repo.repo, /kube-checklist\/kube-checklist$/);
      for (const used of repo.hooks) {
        const declared = hooks.find((hook) => hook.id === used.id);
        assert.ok(declared, `hook ${used.id} is in .pre-commit-hooks.yaml`);
        assert.ok(checkShell(`${declared.entry} ${(used.args ?? []).join(' ')}`, 'pre-commit hook') > 0);
      }
    }
  }
  const lintStaged = snippets.filter((snippet) => snippet.language === 'json').map((snippet) => JSON.parse(snippet.text) as { 'lint-staged'?: Record<string, string | string[]> }).filter((doc) => doc['lint-staged']);
  assert.ok(lintStaged.length >= 1, 'a lint-staged snippet');
  for (const doc of lintStaged) for (const command of Object.values(doc['lint-staged']!).flat()) assert.ok(checkShell(command, 'lint-staged') > 0, command);
});

test('any CI: the shell lines run the CLI with options it has', () => {
  const shell = snippets.filter((snippet) => snippet.language === 'sh');
  assert.ok(shell.length >= 1, 'a shell snippet');
  for (const snippet of shell) for (const line of snippet.text.split('\n').filter((candidate) => candidate.trim() && !candidate.trim().startsWith('#'))) assert.ok(checkShell(line, 'shell') > 0, line);
  assert.ok(checkedCommands > 0);
});

test('the checker rejects what does not exist (so the checks above are not vacuous)', () => {
  assert.throws(() => checkShell('npx kube-checklist audit . --no-such-option', 'self-test'), /--no-such-option/);
  assert.throws(() => checkShell('kube-checklist audit . --format yaml', 'self-test'), /format/);
  assert.throws(() => checkShell('kube-checklist lint .', 'self-test'), /command/);
});
