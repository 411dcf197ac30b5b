/**
 * The pure parts of the CLI, in process: decoding and the binary test, path order, warning
 * sanitizing, the summary sentence, the scorecard, the --fail-on threshold, and a whole run through
 * an in-memory `Host` (which shows that commands reach the process only through it).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { redactDetail, RULES, selectRules } from '../server/src/core';
import type { AuditReport, AuditTotals } from '../server/src/report/audit-report';
import { exitStatus } from '../server/src/cli/audit-command';
import { summaryLine } from '../server/src/report/audit-format/text';
import { comparePaths } from '../server/src/report/paths';
import type { Host } from '../server/src/cli/host';
import { decodeSource, MAX_FILE_BYTES } from '../server/src/host/read-source';
import { displayWidth } from '../server/src/report/rules-format/text';
import { runCli } from '../server/src/cli/run';
import { computeScorecard } from '../server/src/report/scorecard';
import { repoPath } from './support/paths';

describe('decodeSource', () => {
  test('UTF-8 with and without a byte order mark', () => {
    assert.deepEqual(decodeSource(Buffer.from('kind: Pod # 容器\n')), { kind: 'text', text: 'kind: Pod # 容器\n' });
    assert.deepEqual(decodeSource(Buffer.from('\ufeffkind: Pod\n')), { kind: 'text', text: 'kind: Pod\n' });
  });

  test('UTF-16 with a byte order mark, little and big endian', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('kind: Pod\n', 'utf16le')]);
    assert.deepEqual(decodeSource(le), { kind: 'text', text: 'kind: Pod\n' });
    const be = Buffer.from(Buffer.from('kind: Pod\n', 'utf16le').map((_, i, bytes) => bytes[i ^ 1]));
    assert.deepEqual(decodeSource(Buffer.concat([Buffer.from([0xfe, 0xff]), be])), { kind: 'text', text: 'kind: Pod\n' });
  });

  test('a NUL byte in the first 8 KiB or mostly invalid UTF-8 is binary; a few stray bytes are not', () => {
    assert.equal(decodeSource(Buffer.from('apiVersion: v1\n\u0000')).kind, 'binary');
    assert.equal(decodeSource(Buffer.concat([Buffer.from('x'.repeat(9000)), Buffer.from([0])])).kind, 'text');
    assert.equal(decodeSource(Buffer.from(Array.from({ length: 400 }, (_, i) => 0x80 + (i % 0x7f)))).kind, 'binary');
    assert.equal(decodeSource(Buffer.from('# caf\xe9\nkind: Pod\n', 'latin1')).kind, 'text');
  });

  test('more than 5 MiB is too large', () => {
    assert.equal(decodeSource(Buffer.alloc(MAX_FILE_BYTES + 1, 0x20)).kind, 'too-large');
    assert.equal(decodeSource(Buffer.alloc(MAX_FILE_BYTES, 0x20)).kind, 'text');
  });
});

test('comparePaths orders segment by segment, in code-unit order', () => {
  const sorted = ['b.yaml', 'a-b.yaml', 'a/z.yaml', 'A.yaml', 'a/b/c.yaml', '../x.yaml'].sort(comparePaths);
  assert.deepEqual(sorted, ['../x.yaml', 'A.yaml', 'a/b/c.yaml', 'a/z.yaml', 'a-b.yaml', 'b.yaml']);
});

test('redactDetail keeps the first line and drops quoted source text', () => {
  assert.equal(redactDetail('Unexpected scalar token in YAML stream: "password: hunter2"'), 'Unexpected scalar token in YAML stream');
  assert.equal(redactDetail('Block scalar header includes extra characters: s3cr3t'), 'Block scalar header includes extra characters');
  assert.equal(redactDetail('Map keys must be unique\n\n  token: abc\n  ^^^'), 'Map keys must be unique');
  assert.equal(redactDetail("Unexpected 'hunter2' here"), 'Unexpected … here');
  assert.equal(redactDetail(''), 'syntax error');
});

test('displayWidth counts East Asian wide characters as two columns', () => {
  assert.equal(displayWidth('RULE'), 4);
  assert.equal(displayWidth('规则'), 4);
  assert.equal(displayWidth('Pod 安全'), 8);
});

describe('summaryLine', () => {
  const totals = (findings: number, error: number, warning: number, info = 0, hint = 0, files = 2, withFindings = 1, resources = 3): AuditTotals => ({
    findings,
    bySeverity: { error, warning, info, hint },
    files,
    filesWithFindings: withFindings,
    resources,
    suppressed: 0,
  });

  test('English, with singulars and plurals, info and hints only when present', () => {
    assert.equal(summaryLine(totals(0, 0, 0, 0, 0, 1, 0, 1), 'en'), 'No findings; 1 resource checked in 1 file.');
    assert.equal(summaryLine(totals(1, 1, 0), 'en'), '1 finding (1 error, 0 warnings) in 1 file; 3 resources checked in 2 files.');
    assert.equal(summaryLine(totals(4, 0, 1, 2, 1), 'en'), '4 findings (0 errors, 1 warning, 2 info, 1 hint) in 1 file; 3 resources checked in 2 files.');
  });

  test('Simplified Chinese', () => {
    assert.equal(summaryLine(totals(3, 2, 1), 'zh-cn'), '发现 3 个问题（2 个错误，1 个警告），位于 1 个文件中；共检查了 2 个文件中的 3 个资源。');
  });
});

describe('scorecard and exit status', () => {
  const selection = selectRules({ level: 'restricted', kubernetesVersion: 'latest' });

  test('fail with the count of covering findings, pass when covered and clean, manual when not covered', () => {
    const scorecard = computeScorecard([{ ruleId: 'pss-seccomp-restricted' }, { ruleId: 'pss-privileged' }], selection, { kinds: ['Pod'] });
    const byItem = new Map(scorecard.map(({ item, status, findings }) => [item, { item, status, findings }]));
    assert.deepEqual(byItem.get('pod-security/pss-enforced'), { item: 'pod-security/pss-enforced', status: 'fail', findings: 2 });
    assert.deepEqual(byItem.get('pod-security/seccomp'), { item: 'pod-security/seccomp', status: 'fail', findings: 1 });
    assert.deepEqual(byItem.get('images/non-root'), { item: 'images/non-root', status: 'pass', findings: 0 });
    assert.deepEqual(byItem.get('images/scanning'), { item: 'images/scanning', status: 'manual', findings: 0 });
    assert.deepEqual(scorecard.find(({ item }) => item === 'images/non-root')?.evidence, ['manifest'], 'judged from manifests');
    assert.deepEqual(scorecard.find(({ item }) => item === 'network/cni-network-policy')?.status, 'manual', 'no CNI in the files: left to people');
  });

  test('the CNI item is judged from a CNI install, and says so', () => {
    const scorecard = computeScorecard([], selection, { kinds: ['DaemonSet'], evidence: ['cni'] });
    const entry = scorecard.find(({ item }) => item === 'network/cni-network-policy');
    assert.equal(entry?.status, 'pass');
    assert.deepEqual(entry?.evidence, ['cni']);
    const failing = computeScorecard([{ ruleId: 'cni-network-policy-unenforced' }], selection, { kinds: ['DaemonSet'], evidence: ['cni'] });
    assert.equal(failing.find(({ item }) => item === 'network/cni-network-policy')?.status, 'fail');
  });

  test('rules that are off do not make an item pass: it is not evaluated (or manual when files cannot settle it or no rule is written)', () => {
    const off = Object.fromEntries(RULES.map((rule) => [rule.id, 'off' as const]));
    const scorecard = computeScorecard([], selectRules({ level: 'restricted', kubernetesVersion: 'latest', rules: off }), { kinds: ['Pod'] });
    assert.ok(scorecard.every((entry) => entry.status === 'manual' || entry.status === 'not-evaluated'));
    assert.ok(scorecard.some((entry) => entry.status === 'not-evaluated'));
  });

  test('--fail-on compares severities: error > warning > info > hint; never never fails', () => {
    const reportWith = (severity: 'error' | 'warning' | 'info' | 'hint'): AuditReport =>
      ({ files: [{ path: 'x.yaml', resourceCount: 1, findings: [{ finding: { severity } }] }] }) as unknown as AuditReport;
    const expected: Record<string, Record<string, number>> = {
      error: { error: 1, warning: 0, info: 0, hint: 0 },
      warning: { error: 1, warning: 1, info: 0, hint: 0 },
      info: { error: 1, warning: 1, info: 1, hint: 0 },
      never: { error: 0, warning: 0, info: 0, hint: 0 },
    };
    for (const [failOn, bySeverity] of Object.entries(expected)) {
      for (const [severity, status] of Object.entries(bySeverity)) {
        assert.equal(exitStatus(reportWith(severity as 'error'), failOn as 'error'), status, `--fail-on ${failOn} with a ${severity}`);
      }
    }
  });
});

describe('runCli with an in-memory host', () => {
  function memoryHost(cwd: string, stdin = ''): Host & { out: string; err: string } {
    const host = {
      cwd,
      env: {},
      out: '',
      err: '',
      stdout: { write: (text: string) => void (host.out += text), isTTY: false },
      stderr: { write: (text: string) => void (host.err += text), isTTY: false },
      readStdin: () => Buffer.from(stdin),
    };
    return host;
  }

  test('audit of standard input, with the status as the return value', async () => {
    const host = memoryHost('/nonexistent', 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  hostPID: true\n  automountServiceAccountToken: false\n  containers: []\n');
    assert.equal(await runCli(['audit', '-', '--level', 'baseline'], host), 1);
    assert.equal(host.out, '<stdin>:5:12: error pss-host-namespaces host namespaces: the Pod must not set hostPID=true\n\n1 finding (1 error, 0 warnings) in 1 file; 1 resource checked in 1 file.\n');
    assert.equal(host.err, '');
  });

  test('a usage error returns 2 and writes to the host stderr only', async () => {
    const host = memoryHost(repoPath());
    assert.equal(await runCli(['audit', '--level', 'nope'], host), 2);
    assert.equal(host.out, '');
    assert.equal(host.err, "error: invalid value 'nope' for --level: expected baseline|restricted\nRun 'kube-checklist help' for usage.\n");
  });
});
