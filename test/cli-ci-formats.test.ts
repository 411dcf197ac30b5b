/**
 * The formats CI systems read, through the bundled CLI on the fixtures of test/fixtures/cli and on
 * manifests made here: `--format gitlab` (GitLab Code Quality: the documented fields, severities
 * from GitLab's list, fingerprints that do not depend on lines and equal the SARIF ones),
 * `--format junit` (well-formed XML by a real parser, one suite per file, every finding a failure,
 * hostile text escaped) and `--format github` (workflow annotation lines on the findings' lines,
 * with text that cannot break out of a command). Exit statuses follow --fail-on in each.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { gitTopLevel } from '../server/src/host/repository-root';
import { repoPath, sharedPath } from './support/paths';
import { CLI, runCli } from './support/run-cli';
import { elements, parseXml } from './support/xml';

const FIXTURES = repoPath('test', 'fixtures', 'cli');
/** GitLab places paths on its checkout: they are relative to the clone's top level (else the working directory). */
const fromRoot = (display: string) => path.relative(gitTopLevel(FIXTURES) ?? FIXTURES, path.join(FIXTURES, display)).split(path.sep).join('/');

interface JsonFinding {
  ruleId: string;
  severity: string;
  message: string;
  file: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  resource: { kind: string; name?: string; namespace?: string | null };
}

interface GitLabIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: string;
  location: { path: string; lines: { begin: number } };
}

function audit(args: string[], cwd = FIXTURES) {
  return runCli(['audit', '--no-render', ...args], { cwd });
}

function jsonFindings(args: string[], cwd = FIXTURES): JsonFinding[] {
  return (JSON.parse(audit([...args, '--format', 'json'], cwd).stdout) as { findings: JsonFinding[] }).findings;
}

function key(file: string, line: number, rule: string): string {
  return `${file}:${line}:${rule}`;
}

const HOSTILE = `apiVersion: v1
kind: Pod
metadata:
  name: "odd<&\\"'>name"
  namespace: shop
spec:
  containers:
    - name: "app\\n::error title=injected::owned\\u0001%0A<x>&amp;"
      image: registry.example.com/app:1.0
      securityContext:
        privileged: true
`;

let scratch: string;

before(() => {
  assert.ok(fs.existsSync(CLI), `${CLI} is missing: build it first (npx webpack --mode production --config-name cli)`);
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'kube-checklist-ci-formats-'));
  fs.writeFileSync(path.join(scratch, 'hostile.yaml'), HOSTILE);
});

after(() => fs.rmSync(scratch, { recursive: true, force: true }));

describe('audit --format gitlab', () => {
  test('one Code Quality issue per finding, with the documented fields', () => {
    const run = audit(['.', '--format', 'gitlab']);
    assert.equal(run.status, 1, 'exit status follows --fail-on');
    const issues = JSON.parse(run.stdout) as GitLabIssue[];
    const findings = jsonFindings(['.']);
    assert.ok(Array.isArray(issues) && issues.length > 0);
    assert.equal(issues.length, findings.length);
    for (const issue of issues) {
      assert.deepEqual(Object.keys(issue).sort(), ['check_name', 'description', 'fingerprint', 'location', 'severity']);
      assert.ok(typeof issue.description === 'string' && issue.description.length > 0);
      assert.match(issue.check_name, /^[a-z0-9-]+$/);
      assert.match(issue.fingerprint, /^[0-9a-f]{64}$/);
      assert.ok(['info', 'minor', 'major', 'critical', 'blocker'].includes(issue.severity), issue.severity);
      assert.ok(typeof issue.location.path === 'string' && !path.isAbsolute(issue.location.path));
      assert.ok(Number.isInteger(issue.location.lines.begin) && issue.location.lines.begin >= 1);
    }
    assert.equal(new Set(issues.map((issue) => issue.fingerprint)).size, issues.length, 'fingerprints are unique');
    const expected = findings.map((finding) => key(fromRoot(finding.file), finding.range.start.line + 1, finding.ruleId)).sort();
    assert.deepEqual(issues.map((issue) => key(issue.location.path, issue.location.lines.begin, issue.check_name)).sort(), expected);
    const severities: Record<string, string> = { error: 'critical', warning: 'major', info: 'minor', hint: 'info' };
    for (const finding of findings) {
      const issue = issues.find((candidate) => key(candidate.location.path, candidate.location.lines.begin, candidate.check_name) === key(fromRoot(finding.file), finding.range.start.line + 1, finding.ruleId))!;
      assert.equal(issue.severity, severities[finding.severity]);
      assert.ok(issue.description.startsWith(finding.message), issue.description);
    }
  });

  test('fingerprints are the SARIF ones and survive lines inserted above the finding', () => {
    const folder = path.join(scratch, 'moves');
    fs.mkdirSync(folder);
    const original = fs.readFileSync(path.join(FIXTURES, 'insecure', 'deployment.yaml'), 'utf8');
    fs.writeFileSync(path.join(folder, 'deployment.yaml'), original);
    const before = JSON.parse(audit(['.', '--format', 'gitlab'], folder).stdout) as GitLabIssue[];
    const sarif = JSON.parse(audit(['.', '--format', 'sarif'], folder).stdout) as { runs: { results: { partialFingerprints: Record<string, string> }[] }[] };
    assert.deepEqual(before.map((issue) => issue.fingerprint).sort(), sarif.runs[0].results.map((result) => result.partialFingerprints['kubeChecklist/v1']).sort());
    fs.writeFileSync(path.join(folder, 'deployment.yaml'), `# one\n# two\n# three\n${original}`);
    const moved = JSON.parse(audit(['.', '--format', 'gitlab'], folder).stdout) as GitLabIssue[];
    assert.deepEqual(moved.map((issue) => issue.fingerprint).sort(), before.map((issue) => issue.fingerprint).sort());
    assert.ok(moved.every((issue) => before.some((old) => old.fingerprint === issue.fingerprint && old.location.lines.begin + 3 === issue.location.lines.begin)));
  });

  test('descriptions are localized; a clean run is an empty array; --fail-on never exits 0', () => {
    const zh = JSON.parse(audit(['insecure', '--format', 'gitlab', '--lang', 'zh-cn']).stdout) as GitLabIssue[];
    const zhFindings = jsonFindings(['insecure', '--lang', 'zh-cn']);
    assert.ok(zh.length > 0 && zh.every((issue) => zhFindings.some((finding) => issue.description.startsWith(finding.message))));
    assert.ok(zh.some((issue) => /[\u4e00-\u9fff]/.test(issue.description)));
    const clean = audit(['clean', '--format', 'gitlab']);
    assert.equal(clean.status, 0);
    assert.deepEqual(JSON.parse(clean.stdout), []);
    assert.equal(audit(['insecure', '--format', 'gitlab', '--fail-on', 'never']).status, 0);
  });

  test('the real-world corpus gives one valid issue per finding', () => {
    const corpus = sharedPath('corpus', 'real-world');
    const issues = JSON.parse(audit(['.', '--format', 'gitlab', '--fail-on', 'never'], corpus).stdout) as GitLabIssue[];
    assert.equal(issues.length, jsonFindings(['.', '--fail-on', 'never'], corpus).length);
    assert.equal(new Set(issues.map((issue) => issue.fingerprint)).size, issues.length);
  });
});

describe('audit --format junit', () => {
  test('well-formed XML: one suite per file, every finding a failure on its line', () => {
    const run = audit(['.', '--format', 'junit']);
    assert.equal(run.status, 1);
    const root = parseXml(run.stdout);
    assert.equal(root.name, 'testsuites');
    const findings = jsonFindings(['.']);
    const suites = elements(root, 'testsuite');
    const files = [...new Set(findings.map((finding) => finding.file))];
    for (const file of files) assert.equal(suites.filter((suite) => suite.attributes.name === file).length, 1, `one suite for ${file}`);
    assert.equal(new Set(suites.map((suite) => suite.attributes.name)).size, suites.length, 'one suite per file');
    const failures = elements(root, 'failure');
    assert.equal(failures.length, findings.length, 'every finding is a failure');
    assert.equal(Number(root.attributes.failures), findings.length);
    assert.equal(Number(root.attributes.tests), elements(root, 'testcase').length);
    for (const suite of suites) {
      const cases = elements(suite, 'testcase');
      assert.equal(Number(suite.attributes.tests), cases.length);
      assert.equal(Number(suite.attributes.failures), elements(suite, 'failure').length);
      for (const testcase of cases) assert.ok(testcase.children.filter((child) => child.name === 'failure').length <= 1, 'at most one failure per test case');
    }
    for (const finding of findings) {
      const suite = suites.find((candidate) => candidate.attributes.name === finding.file)!;
      const where = `${finding.file}:${finding.range.start.line + 1}:${finding.range.start.character + 1}`;
      const match = elements(suite, 'testcase').find((testcase) =>
        testcase.children.some((child) => child.name === 'failure' && child.attributes.type === finding.ruleId && child.attributes.message === finding.message && child.text.includes(where)),
      );
      assert.ok(match, `a failure for ${finding.ruleId} at ${where}`);
      assert.equal(match.attributes.classname, `${finding.resource.kind} ${[finding.resource.namespace, finding.resource.name ?? '?'].filter((part) => part !== undefined && part !== null).join('/')}`);
    }
    const clean = elements(root, 'testsuite').find((suite) => suite.attributes.name.startsWith('clean/'))!;
    assert.equal(clean.attributes.failures, '0');
    assert.equal(elements(clean, 'testcase').length, 1);
  });

  test('hostile names and control characters are escaped; suppressed findings are skipped with --show-suppressed', () => {
    const run = audit(['hostile.yaml', '--format', 'junit'], scratch);
    const root = parseXml(run.stdout);
    const classes = elements(root, 'testcase').map((testcase) => testcase.attributes.classname);
    assert.ok(classes.includes(`Pod shop/odd<&"'>name`), classes.join(' | '));
    assert.ok(elements(root, 'failure').some((failure) => failure.attributes.message.includes('::error title=injected::')));
    assert.doesNotMatch(run.stdout, /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    const suppressed = parseXml(audit(['suppressed', '--format', 'junit', '--show-suppressed']).stdout);
    assert.ok(elements(suppressed, 'skipped').length > 0);
    assert.equal(Number(suppressed.attributes.skipped), elements(suppressed, 'skipped').length);
    const zh = parseXml(audit(['clean', '--format', 'junit', '--lang', 'zh-cn']).stdout);
    assert.match(elements(zh, 'testcase')[0].attributes.name, /未发现问题/);
  });

  test('the real-world corpus gives well-formed XML with one failure per finding', () => {
    const corpus = sharedPath('corpus', 'real-world');
    const root = parseXml(audit(['.', '--format', 'junit', '--fail-on', 'never'], corpus).stdout);
    assert.equal(elements(root, 'failure').length, jsonFindings(['.', '--fail-on', 'never'], corpus).length);
  });
});

describe('audit --format github', () => {
  const ANNOTATION = /^::(error|warning|notice) (.*?)::(.*)$/;

  function annotations(stdout: string) {
    return stdout
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const match = ANNOTATION.exec(line);
        assert.ok(match, `an annotation line: ${line}`);
        const properties = Object.fromEntries(match[2].split(',').map((pair) => pair.split('=') as [string, string]));
        return { command: match[1], properties, message: match[3] };
      });
  }

  test('one annotation per finding on its exact range, then one warning per file not checked', () => {
    const run = audit(['.', '--format', 'github']);
    assert.equal(run.status, 1);
    const findings = jsonFindings(['.']);
    const lines = annotations(run.stdout);
    const commands: Record<string, string> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };
    for (const [index, finding] of findings.entries()) {
      const { command, properties, message } = lines[index];
      assert.equal(command, commands[finding.severity]);
      assert.equal(properties.file, finding.file);
      assert.equal(Number(properties.line), finding.range.start.line + 1);
      assert.equal(Number(properties.col), finding.range.start.character + 1);
      assert.equal(Number(properties.endLine), finding.range.end.line + 1);
      assert.equal(Number(properties.endColumn), finding.range.end.character + 1);
      assert.ok(decodeURIComponent(properties.title).startsWith(`${finding.ruleId}: `));
      assert.ok(decodeURIComponent(message).startsWith(finding.message), message);
    }
    assert.ok(lines.slice(findings.length).every((line) => line.command === 'warning'));
    assert.ok(lines.length > findings.length, 'the fixtures hold files that cannot be checked: they are warnings');
  });

  test('text from a manifest cannot end a command or start another', () => {
    const run = audit(['hostile.yaml', '--format', 'github'], scratch);
    const lines = annotations(run.stdout);
    assert.ok(lines.length > 0);
    assert.ok(lines.every((line) => line.properties.file === 'hostile.yaml'));
    assert.ok(!run.stdout.split('\n').some((line) => line.startsWith('::error title=injected')));
    assert.ok(lines.some((line) => line.message.includes('%0A::error title=injected::') && line.message.includes('%250A')));
  });

  test('a clean run prints nothing and exits 0; localized titles and messages', () => {
    const clean = audit(['clean', '--format', 'github']);
    assert.equal(clean.status, 0);
    assert.equal(clean.stdout, '');
    const zh = audit(['insecure', '--format', 'github', '--lang', 'zh-cn']);
    assert.match(zh.stdout, /规则文档/);
  });
});
