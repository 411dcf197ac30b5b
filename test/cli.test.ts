/**
 * The CLI as users run it: `node dist/cli.js` (the webpack bundle) in a real child process, on the
 * fixture folders of test/fixtures/cli, checking exit statuses, standard output in the text and JSON
 * formats, warnings on standard error, the `rules` listings, the generated docs/rules*.md and a run
 * over the real-world corpus whose every range must lie inside its file.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { RULES } from '../server/src/core';
import { repoPath, sharedPath } from './support/paths';
import { CLI, CliRun, cleanEnv, runCli } from './support/run-cli';

const FIXTURES = repoPath('test', 'fixtures', 'cli');

type Run = CliRun;

interface JsonFinding {
  ruleId: string;
  checklist: string[];
  severity: string;
  message: string;
  file: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  resource: { apiVersion: string; kind: string; name: string | null; namespace: string | null };
  pss: { level: string } | null;
  related: { file: string; range: JsonFinding['range']; message: string }[];
}

interface JsonReport {
  version: number;
  findings: JsonFinding[];
  scorecard: { item: string; status: string; findings: number }[];
}

function cli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}): Run {
  return runCli(args, { ...options, cwd: options.cwd ?? FIXTURES });
}

function auditJson(args: string[], options: { cwd?: string; input?: string } = {}): { run: Run; report: JsonReport } {
  const run = cli(['audit', ...args, '--format', 'json'], options);
  return { run, report: JSON.parse(run.stdout) as JsonReport };
}

function lines(text: string): string[] {
  return text.split('\n').filter((line) => line.length > 0);
}

before(() => {
  assert.ok(fs.existsSync(CLI), `${CLI} is missing: build it first (npx webpack --mode production --config-name cli)`);
});

describe('audit: exit statuses', () => {
  test('an insecure Deployment fails with status 1', () => {
    assert.equal(cli(['audit', 'insecure']).status, 1);
  });

  test('a clean Pod passes with status 0 and prints only the summary', () => {
    const run = cli(['audit', 'clean']);
    assert.equal(run.status, 0);
    assert.equal(run.stdout, 'No findings; 1 resource checked in 1 file.\n');
    assert.equal(run.stderr, '');
  });

  test('warnings alone pass by default, fail with --fail-on warning or info', () => {
    assert.equal(cli(['audit', 'warnings-only']).status, 0);
    assert.equal(cli(['audit', 'warnings-only', '--fail-on', 'error']).status, 0);
    assert.equal(cli(['audit', 'warnings-only', '--fail-on', 'warning']).status, 1);
    assert.equal(cli(['audit', 'warnings-only', '--fail-on', 'info']).status, 1);
  });

  test('--fail-on never passes even with errors', () => {
    const run = cli(['audit', 'insecure', '--fail-on', 'never']);
    assert.equal(run.status, 0);
    assert.match(run.stdout, /pss-privileged/);
  });

  test('usage errors exit with 2 and say what is wrong', () => {
    const cases: [string[], RegExp][] = [
      [['audit', '--level', 'privileged'], /invalid value 'privileged' for --level/],
      [['audit', '--k8s-version', 'banana'], /invalid value 'banana' for --k8s-version/],
      [['audit', '--k8s-version', '2.1'], /--k8s-version/],
      [['audit', '--fail-on', 'sometimes'], /--fail-on/],
      [['audit', '--format', 'yaml'], /--format/],
      [['audit', '--lang', 'fr'], /--lang/],
      [['audit', '--frobnicate'], /unknown option '--frobnicate'\n/],
      [['audit', '--levl', 'baseline'], /unknown option '--levl' \(did you mean '--level'\?\)/],
      [['audit', '--k8s-version', '1.99'], /--k8s-version 1\.99 is newer than the newest version this build knows \(v1\.37\): use latest or v1\.37/],
      [['audit', '--rule', 'pss-privilegd'], /--rule pss-privilegd: no such rule .* \(did you mean 'pss-privileged'\?\)/],
      [['audti'], /unknown command 'audti' \(did you mean 'audit'\?\)/],
      [['--verison'], /unknown option '--verison' \(did you mean '--version'\?\)/],
      [['audit', '--level'], /option '--level' needs a value/],
      [['frobnicate'], /unknown command 'frobnicate'/],
      [['rules', '--format', 'sarif'], /--format/],
      [['rules', 'extra'], /unexpected argument 'extra'/],
      [[], /Usage:/],
    ];
    for (const [args, pattern] of cases) {
      const run = cli(args);
      assert.equal(run.status, 2, `kube-checklist ${args.join(' ')}: status`);
      assert.match(run.stderr, pattern, `kube-checklist ${args.join(' ')}: stderr`);
      assert.equal(run.stdout, '', `kube-checklist ${args.join(' ')}: nothing on stdout`);
    }
  });

  test('a missing path exits with 2 before anything is checked', () => {
    const run = cli(['audit', 'insecure', 'no/such/dir', 'missing.yaml']);
    assert.equal(run.status, 2);
    assert.equal(run.stdout, '');
    assert.deepEqual(lines(run.stderr), ['error: no/such/dir: no such file or directory', 'error: missing.yaml: no such file or directory']);
  });
});

describe('audit: text format', () => {
  test('one line per finding, path:line:col: severity rule-id message, then the summary', () => {
    const run = cli(['audit', 'insecure']);
    const output = lines(run.stdout);
    assert.ok(output.includes('insecure/deployment.yaml:17:20: error pss-host-namespaces host namespaces: the Pod must not set hostNetwork=true'), run.stdout);
    assert.ok(
      output.includes('insecure/deployment.yaml:22:25: error pss-privileged privileged: container "web" must not set securityContext.privileged=true'),
      run.stdout,
    );
    assert.equal(output.at(-1), '11 findings (3 errors, 5 warnings, 3 info) in 1 file; 1 resource checked in 1 file.');
    const findingLines = output.slice(0, -1);
    assert.equal(findingLines.length, 11);
    for (const line of findingLines) assert.match(line, /^insecure\/deployment\.yaml:\d+:\d+: (error|warning|info|hint) [a-z0-9-]+ \S/);
    assert.equal(run.stderr, '');
  });

  test('files in path order, findings by position within a file', () => {
    const run = cli(['audit', 'list', 'json', 'insecure', '--fail-on', 'never']);
    const located = lines(run.stdout)
      .slice(0, -1)
      .map((line) => /^([^:]+):(\d+):(\d+):/.exec(line)!)
      .map((match) => ({ file: match[1], line: Number(match[2]), column: Number(match[3]) }));
    assert.deepEqual([...new Set(located.map((entry) => entry.file))], ['insecure/deployment.yaml', 'json/deployment.json', 'list/list.yaml']);
    for (let i = 1; i < located.length; i++) {
      const [a, b] = [located[i - 1], located[i]];
      if (a.file === b.file) assert.ok(a.line < b.line || (a.line === b.line && a.column <= b.column), `${a.file}: ${a.line}:${a.column} before ${b.line}:${b.column}`);
    }
  });

  test('colors only when forced, never with --no-color or NO_COLOR', () => {
    assert.doesNotMatch(cli(['audit', 'insecure']).stdout, /\u001b\[/, 'a pipe gets no colors');
    assert.match(cli(['audit', 'insecure'], { env: { FORCE_COLOR: '1' } }).stdout, /\u001b\[1;31merror\u001b\[0m/);
    assert.doesNotMatch(cli(['audit', 'insecure', '--no-color'], { env: { FORCE_COLOR: '1' } }).stdout, /\u001b\[/);
    assert.doesNotMatch(cli(['audit', 'insecure'], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout, /\u001b\[/);
  });

  test('messages and summary follow LANG, and --lang wins over it', () => {
    const chinese = cli(['audit', 'insecure'], { env: { LANG: 'zh_CN.UTF-8' } });
    assert.match(chinese.stdout, /pss-privileged privileged（特权）：容器 "web" 不得设置/);
    assert.equal(lines(chinese.stdout).at(-1), '发现 11 个问题（3 个错误，5 个警告，3 个提示），位于 1 个文件中；共检查了 1 个文件中的 1 个资源。');
    const english = cli(['audit', 'insecure', '--lang', 'en'], { env: { LC_ALL: 'zh_CN.UTF-8' } });
    assert.equal(lines(english.stdout).at(-1), '11 findings (3 errors, 5 warnings, 3 info) in 1 file; 1 resource checked in 1 file.');
    const forced = cli(['audit', 'clean', '--lang', 'zh-cn']);
    assert.equal(forced.stdout, '没有发现问题；共检查了 1 个文件中的 1 个资源。\n');
  });

  test('the default path is the working directory', () => {
    const run = cli(['audit'], { cwd: path.join(FIXTURES, 'insecure') });
    assert.equal(run.status, 1);
    assert.match(run.stdout, /^deployment\.yaml:22:25: error pss-privileged /m);
  });

  test('"-" reads standard input', () => {
    const input = fs.readFileSync(path.join(FIXTURES, 'insecure', 'deployment.yaml'), 'utf8');
    const run = cli(['audit', '-'], { input });
    assert.equal(run.status, 1);
    assert.match(run.stdout, /^<stdin>:22:25: error pss-privileged /m);
  });
});

describe('audit: JSON format', () => {
  test('the document has version 1, findings and a scorecard of every checklist item', () => {
    const { run, report } = auditJson(['insecure']);
    assert.equal(run.status, 1);
    assert.deepEqual(Object.keys(report), ['version', 'findings', 'scorecard', 'shard', 'report']);
    assert.equal(report.version, 1);
    assert.equal(report.findings.length, 11);
    for (const finding of report.findings) {
      // The DESIGN.md contract, in order; `related` (cross-resource places) was added at the end.
      assert.deepEqual(Object.keys(finding), ['ruleId', 'checklist', 'severity', 'message', 'file', 'range', 'resource', 'pss', 'related']);
    }
    assert.equal(report.scorecard.length, 35);
    const byItem = new Map(report.scorecard.map((entry) => [entry.item, entry]));
    assert.deepEqual(byItem.get('pod-security/pss-enforced'), { item: 'pod-security/pss-enforced', status: 'fail', findings: 7, evidence: ['manifest'] });
    assert.deepEqual(byItem.get('pod-placement/by-sensitivity'), { item: 'pod-placement/by-sensitivity', status: 'pass', findings: 0, evidence: ['manifest'] });
    assert.deepEqual(byItem.get('images/scanning'), { item: 'images/scanning', status: 'manual', findings: 0, evidence: [] });
    assert.equal(report.scorecard[0].item, 'authn-authz/system-masters');
  });

  test('a finding carries rule, checklist, severity, message, file, 0-based range, resource and PSS level', () => {
    const { report } = auditJson(['insecure']);
    const privileged = report.findings.find((finding) => finding.ruleId === 'pss-privileged');
    assert.deepEqual(privileged, {
      ruleId: 'pss-privileged',
      checklist: ['pod-security/pss-enforced'],
      severity: 'error',
      message: 'privileged: container "web" must not set securityContext.privileged=true',
      file: 'insecure/deployment.yaml',
      range: { start: { line: 21, character: 24 }, end: { line: 21, character: 28 } },
      resource: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'insecure-web', namespace: 'shop' },
      pss: { level: 'baseline' },
      related: [],
    });
  });

  test('a JSON manifest is checked, with ranges in its own text', () => {
    const { run, report } = auditJson(['json']);
    assert.equal(run.status, 1);
    const hostPid = report.findings.find((finding) => finding.ruleId === 'pss-host-namespaces');
    assert.equal(hostPid?.file, 'json/deployment.json');
    assert.deepEqual(hostPid?.range, { start: { line: 7, character: 19 }, end: { line: 7, character: 23 } });
    assert.deepEqual(hostPid?.resource, { apiVersion: 'apps/v1', kind: 'Deployment', name: 'json-web', namespace: null });
  });

  test('CRLF line ends and non-ASCII text before the finding: 0-based UTF-16 columns', () => {
    const bytes = fs.readFileSync(path.join(FIXTURES, 'crlf', 'pod.yaml'));
    assert.ok(bytes.includes('\r\n'), 'the fixture must keep its CRLF line ends (see .gitattributes)');
    const { report } = auditJson(['crlf']);
    const privileged = report.findings.find((finding) => finding.ruleId === 'pss-privileged');
    // Line 9 is `    - {name: 应用, env: [{name: 图标, value: "🐳"}], securityContext: {privileged: true}}`:
    // `true` starts after 78 code points, 79 UTF-16 code units (the whale is a surrogate pair), 89 bytes.
    assert.deepEqual(privileged?.range, { start: { line: 8, character: 79 }, end: { line: 8, character: 83 } });
    assert.equal(privileged?.message, 'privileged: container "应用" must not set securityContext.privileged=true');
    assert.match(cli(['audit', 'crlf']).stdout, /^crlf\/pod\.yaml:9:80: error pss-privileged /m);
  });

  test('kind: List items are resources, each with its own identity', () => {
    const { report } = auditJson(['list']);
    const hostIpc = report.findings.filter((finding) => finding.ruleId === 'pss-host-namespaces');
    assert.equal(hostIpc.length, 1);
    assert.deepEqual(hostIpc[0].resource, { apiVersion: 'v1', kind: 'Pod', name: 'second', namespace: null });
    assert.deepEqual(hostIpc[0].range.start, { line: 16, character: 15 });
    assert.deepEqual([...new Set(report.findings.map((finding) => finding.resource.name))].sort(), ['first', 'second']);
    assert.match(cli(['audit', 'list']).stdout, /2 resources checked in 1 file\.$/m);
  });

  test('--level and --k8s-version select the rules', () => {
    const restricted = auditJson(['warnings-only']).report.findings.map((finding) => finding.ruleId);
    assert.ok(restricted.includes('pss-seccomp-restricted'));
    assert.deepEqual(auditJson(['warnings-only', '--level', 'baseline']).report.findings.filter((finding) => finding.pss), []);
    const old = auditJson(['warnings-only', '--k8s-version', 'v1.18']).report.findings.map((finding) => finding.ruleId);
    assert.ok(!old.includes('pss-seccomp-restricted'), 'seccompProfile_restricted starts at v1.19');
    assert.ok(old.includes('pss-run-as-non-root'));
    const v119 = auditJson(['warnings-only', '--k8s-version', '1.19']).report.findings.map((finding) => finding.ruleId);
    assert.ok(v119.includes('pss-seccomp-restricted'), 'seccompProfile_restricted is in v1.19');
    assert.ok(!v119.includes('pss-capabilities-restricted'), 'capabilities_restricted starts at v1.22');
    assert.ok(restricted.includes('pss-capabilities-restricted'));
  });
});

describe('audit: what is printed', () => {
  test('--min-severity and --quiet leave lower findings out of the listing, say how many, and --fail-on still counts them', () => {
    const all = auditJson(['insecure']).report.findings as { severity: string }[];
    const quiet = cli(['audit', 'insecure', '--no-color', '-q']);
    assert.equal(quiet.status, 1);
    const listed = quiet.stdout.split('\n').filter((line) => /^\S+:\d+:\d+: /.test(line));
    assert.equal(listed.length, all.filter((finding) => finding.severity === 'error').length);
    assert.ok(listed.every((line) => / error /.test(line)), listed.join('\n'));
    const below = all.filter((finding) => finding.severity !== 'error').length;
    assert.match(quiet.stdout, new RegExp(`^${below} findings below error not shown \\(--min-severity\\)`, 'm'));
    // Printed: warnings and up; failing: info and up. The info findings make it fail.
    const json = cli(['audit', 'info-only', '--format', 'json', '--min-severity', 'warning', '--fail-on', 'info']);
    assert.equal(json.status, 1, json.stderr);
    assert.deepEqual(JSON.parse(json.stdout).findings, []);
    assert.equal(cli(['audit', 'info-only', '--min-severity', 'warning']).status, 0);
    const conflict = cli(['audit', 'insecure', '-q', '--min-severity', 'info']);
    assert.equal(conflict.status, 2);
    assert.match(conflict.stderr, /--quiet prints errors only/);
    assert.equal(cli(['audit', 'insecure', '--min-severity', 'loud']).status, 2);
  });
});

describe('audit: inputs that are not checked', () => {
  test('non-Kubernetes YAML and JSON give nothing at all (with --allow-empty; without it, checking nothing exits 2)', () => {
    const refused = cli(['audit', 'non-kubernetes']);
    assert.equal(refused.status, 2);
    assert.equal(refused.stderr, 'warning: no Kubernetes resource was checked: nothing to judge (--allow-empty accepts this)\n');
    const run = cli(['audit', 'non-kubernetes', '--allow-empty']);
    assert.equal(run.status, 0);
    assert.equal(run.stdout, 'Nothing checked: no Kubernetes resource in 5 files.\n');
    assert.equal(run.stderr, '');
  });

  test('a broken Kubernetes document is an unparseable-manifest error without source text: the gate fails closed', () => {
    const run = cli(['audit', 'broken']);
    assert.equal(run.status, 1);
    assert.match(run.stdout, /^broken\/deployment\.yaml:\d+:\d+: error unparseable-manifest this manifest cannot be checked: \S/m);
    assert.equal(run.stderr, '');
    assert.doesNotMatch(run.stdout, /hunter2/, 'no source excerpt in the message');
    assert.deepEqual(auditJson(['broken']).report.findings.map((finding: { ruleId: string; severity: string }) => [finding.ruleId, finding.severity]), [['unparseable-manifest', 'error']]);
  });

  test('binary files are skipped with one warning each, also when named explicitly', () => {
    const run = cli(['audit', 'binary', 'binary/blob.bin', '--allow-empty']);
    assert.equal(run.status, 0);
    assert.equal(run.stdout, 'Nothing checked: no Kubernetes resource in 0 files.\n');
    assert.deepEqual(lines(run.stderr), [
      'binary/blob.bin: warning: skipped file: not a text file',
      'binary/image.yaml: warning: skipped file: not a text file',
    ]);
  });

  describe('directory walking (in a temporary folder)', () => {
    let root = '';
    let links = false;
    before(() => {
      root = fs.mkdtempSync(path.join(os.tmpdir(), 'kube-checklist-cli-'));
      const pod = fs.readFileSync(path.join(FIXTURES, 'warnings-only', 'pod.yaml'), 'utf8');
      const write = (relative: string, text: string | Buffer): void => {
        fs.mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
        fs.writeFileSync(path.join(root, relative), text);
      };
      write('b/pod.YML', pod);
      write('a/deep/pod.yaml', pod);
      write('a-pod.json', JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'j' }, spec: { hostPID: true, containers: [] } }));
      write('.hidden/pod.yaml', pod);
      write('node_modules/pkg/pod.yaml', pod);
      write('notes.txt', pod);
      write('huge.yaml', pod + '#'.repeat(5 * 1024 * 1024) + '\n');
      write('latin1.yaml', Buffer.concat([Buffer.from('# caf\xe9 cr\xe8me\n', 'latin1'), Buffer.from(pod)]));
      try {
        fs.symlinkSync(root, path.join(root, 'a', 'loop'), 'dir');
        fs.symlinkSync(path.join(root, 'missing.yaml'), path.join(root, 'dangling.yaml'));
        links = true;
      } catch {
        // No symbolic links on this platform or for this user: the loop case is not exercised.
      }
    });
    after(() => fs.rmSync(root, { recursive: true, force: true }));

    test('finds *.yaml, *.yml and *.json, skips dot-directories, node_modules, big files; ends link loops', () => {
      const { run, report } = auditJson(['.', '--fail-on', 'never'], { cwd: root });
      assert.equal(run.status, 0);
      const files = [...new Set(report.findings.map((finding) => finding.file))];
      assert.deepEqual(files, ['a/deep/pod.yaml', 'a-pod.json', 'b/pod.YML', 'latin1.yaml']);
      const warnings = lines(run.stderr);
      assert.ok(warnings.includes('huge.yaml: warning: skipped file: larger than 5 MiB'), run.stderr);
      if (links) assert.ok(warnings.some((line) => line.startsWith('dangling.yaml: warning: skipped symbolic link: ')), run.stderr);
      assert.equal(warnings.length, links ? 2 : 1, run.stderr);
    });

    test('a file named on the command line is read whatever its extension', () => {
      const { report } = auditJson(['notes.txt'], { cwd: root });
      assert.deepEqual([...new Set(report.findings.map((finding) => finding.file))], ['notes.txt']);
    });

    test('paths outside the working directory are shown by their absolute path, never ../', () => {
      const { report } = auditJson([path.join(root, 'b')], { cwd: path.join(root, 'a') });
      assert.deepEqual([...new Set(report.findings.map((finding) => finding.file))], [path.join(root, 'b', 'pod.YML').split(path.sep).join('/')]);
    });
  });
});

describe('help and version', () => {
  test('--help, help and help audit print usage with status 0', () => {
    for (const args of [['--help'], ['-h'], ['help']]) {
      const run = cli(args);
      assert.equal(run.status, 0, args.join(' '));
      assert.match(run.stdout, /kube-checklist audit \[PATH\.\.\.\]/);
      assert.match(run.stdout, /--fail-on SEVERITY/);
    }
    for (const args of [['help', 'audit'], ['audit', '--help']]) {
      const run = cli(args);
      assert.equal(run.status, 0);
      assert.match(run.stdout, /^Usage: kube-checklist audit/);
      assert.match(run.stdout, /Exit status:/);
    }
    assert.match(cli(['help', 'rules']).stdout, /^Usage: kube-checklist rules/);
    assert.match(cli(['--help'], { env: { LANG: 'zh_CN.UTF-8' } }).stdout, /用法：/);
  });

  test('--version prints the version of package.json', () => {
    const { version } = JSON.parse(fs.readFileSync(repoPath('package.json'), 'utf8')) as { version: string };
    const run = cli(['--version']);
    assert.equal(run.status, 0);
    assert.equal(run.stdout, `${version}\n`);
  });
});

describe('rules', () => {
  test('--format json lists every rule, sorted by id, with PSS versions as v1.N', () => {
    const run = cli(['rules', '--format', 'json']);
    assert.equal(run.status, 0);
    const listing = JSON.parse(run.stdout) as {
      id: string;
      checklist: string[];
      defaultSeverity: string;
      enabledByDefault: boolean;
      pss: { level: string; since: string } | null;
      docs: Record<string, unknown>;
    }[];
    const ids = listing.map((rule) => rule.id);
    assert.deepEqual(ids, [...ids].sort());
    assert.deepEqual(new Set(ids), new Set(RULES.map((rule) => rule.id)));
    assert.equal(ids.length, RULES.length);
    for (const entry of listing) {
      const rule = RULES.find((candidate) => candidate.id === entry.id)!;
      assert.deepEqual(Object.keys(entry), ['id', 'checklist', 'defaultSeverity', 'enabledByDefault', 'pss', 'docs']);
      assert.deepEqual(entry.checklist, rule.checklist);
      assert.equal(entry.defaultSeverity, rule.defaultSeverity);
      assert.equal(entry.enabledByDefault, rule.enabledByDefault);
      assert.deepEqual(entry.pss, rule.pss ? { level: rule.pss.level, since: `v1.${rule.pss.since}` } : null);
      if (entry.pss) assert.match(entry.pss.since, /^v1\.\d+$/);
      assert.deepEqual(entry.docs.summary, { en: rule.docs.summary.en, 'zh-cn': rule.docs.summary['zh-cn'] });
      assert.equal(entry.docs.url, `https://github.com/kube-checklist/kube-checklist/blob/main/docs/rules.md#${rule.id}`);
    }
    assert.equal(listing.find((rule) => rule.id === 'pss-capabilities-restricted')?.pss?.since, 'v1.22');
    assert.equal(listing.find((rule) => rule.id === 'pss-privileged')?.pss?.since, 'v1.0');
  });

  test('--format text is a table with one row per rule', () => {
    const rows = lines(cli(['rules']).stdout);
    assert.match(rows[0], /^RULE\s+SEVERITY\s+PSS\s+CHECKLIST\s+TITLE$/);
    assert.equal(rows.length, RULES.length + 1);
    assert.ok(rows.some((row) => /^pss-privileged\s+error\s+baseline v1\.0\+\s+pod-security\/pss-enforced\s+Privileged containers$/.test(row)));
  });

  test('docs/rules.md and docs/rules.zh-cn.md are the generated reference (run: kube-checklist rules --format markdown)', () => {
    for (const [lang, file] of [
      ['en', 'rules.md'],
      ['zh-cn', 'rules.zh-cn.md'],
    ]) {
      const run = cli(['rules', '--format', 'markdown', '--lang', lang]);
      assert.equal(run.status, 0);
      const committed = fs.readFileSync(repoPath('docs', file), 'utf8').replace(/\r\n/g, '\n');
      assert.equal(
        committed,
        run.stdout,
        `docs/${file} is out of date: node dist/cli.js rules --format markdown --lang ${lang} > docs/${file}`,
      );
      for (const rule of RULES) assert.ok(run.stdout.includes(`\n## ${rule.id}\n`), `docs/${file} has a section for ${rule.id}`);
    }
  });
});

describe('real-world corpus', () => {
  test('every manifest is audited without a crash, and every range lies inside its file', () => {
    const corpus = sharedPath('corpus', 'real-world');
    const { run, report } = auditJson(['.'], { cwd: corpus });
    assert.ok(run.status === 0 || run.status === 1, `status ${run.status}: ${run.stderr.slice(0, 2000)}`);
    assert.doesNotMatch(run.stderr, /internal error|Warning: /, 'only our own warnings on stderr');
    // Each warning names its file, but for the one line that sums up the rendering of overlays.
    for (const line of lines(run.stderr)) assert.match(line, /^([^:]+(:\d+:\d+)?: )?warning: /);
    assert.ok(lines(run.stderr).filter((line) => line.startsWith("warning: ")).every((line) => /rendered \d+ Kustomize|Kustomize overlays were checked file by file/.test(line)));
    assert.ok(report.findings.length > 0, 'the corpus holds insecure workloads');
    const texts = new Map<string, string[]>();
    const problems: string[] = [];
    for (const finding of report.findings) {
      let fileLines = texts.get(finding.file);
      if (!fileLines) {
        const text = new TextDecoder('utf-8').decode(fs.readFileSync(path.join(corpus, finding.file)));
        fileLines = text.split('\n').map((line) => line.replace(/\r$/, ''));
        texts.set(finding.file, fileLines);
      }
      const { start, end } = finding.range;
      const inside = (position: { line: number; character: number }): boolean =>
        position.line >= 0 && position.line < fileLines.length && position.character >= 0 && position.character <= fileLines[position.line].length;
      if (!inside(start) || !inside(end)) problems.push(`${finding.file}: ${JSON.stringify(finding.range)} outside the file`);
      else if (end.line < start.line || (end.line === start.line && end.character < start.character)) problems.push(`${finding.file}: inverted range`);
      else if (start.line === end.line && start.character === end.character) problems.push(`${finding.file}: empty range ${JSON.stringify(start)}`);
    }
    assert.deepEqual(problems.slice(0, 20), []);
  });
});

test('suppressions: comments and annotations with a reason hide findings, which are counted and listed on request', () => {
  const quiet = cli(['audit', 'suppressed', '--no-color']);
  // The procMount suppression has no reason: its finding stays, an error as at baseline.
  assert.equal(quiet.status, 1, 'the unsuppressed Unmasked procMount is an error');
  assert.ok(!quiet.stdout.includes('pss-privileged'));
  assert.ok(!quiet.stdout.includes('pss-host-namespaces'));
  assert.match(quiet.stdout, /^2 suppressed: 1 by comments, 1 by annotations \(--show-suppressed lists them\)/m);
  assert.match(quiet.stderr, /suppressed\/pod\.yaml:19:9: warning: This suppression has no reason/);
  const listed = cli(['audit', 'suppressed', '--no-color', '--show-suppressed']);
  assert.match(listed.stdout, /suppressed\/pod\.yaml:18:21: suppressed pss-privileged .* -- needs the host's devices for the drill/);
  assert.match(listed.stdout, /suppressed\/pod\.yaml:9:12: suppressed pss-host-namespaces .* -- node debugging Pod, deleted after use/);
  const { report } = auditJson(['suppressed']);
  assert.deepEqual(report.findings.filter((finding) => finding.pss).map((finding) => finding.ruleId), ['pss-proc-mount-restricted']);
});
