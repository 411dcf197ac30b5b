/**
 * The checklist scorecard: its statuses (fail, pass, not-applicable, manual) in the JSON format and
 * as computed, and `kube-checklist audit --format markdown`, the document a reviewer reads: a header,
 * the checklist section by section with a status mark per item, findings by rule with file:line
 * links for failed items, guidance for what a person must verify, what was not checked, a legend,
 * in English and Simplified Chinese. `node dist/cli.js` in a child process on test/fixtures/cli.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { before, describe, test } from 'node:test';
import { CHECKLIST_ITEMS, CHECKLIST_SECTIONS, RULES, selectRules } from '../server/src/core';
import { CHECKLIST_GUIDANCE } from '../server/src/core/checklist/guidance';
import { computeScorecard } from '../server/src/report/scorecard';
import { repoPath } from './support/paths';
import { CLI, CliRun, runCli } from './support/run-cli';

const FIXTURES = repoPath('test', 'fixtures', 'cli');

const MARKS: Record<string, string> = { fail: '❌', pass: '✅', 'not-applicable': '➖', manual: '✋' };

type Run = CliRun;

interface ScorecardEntry {
  item: string;
  status: string;
  findings: number;
}

function cli(args: string[], options: { cwd?: string; input?: string } = {}): Run {
  return runCli(args, { ...options, cwd: options.cwd ?? FIXTURES });
}

function scorecardOf(args: string[]): Map<string, ScorecardEntry> {
  const report = JSON.parse(cli(['audit', ...args, '--format', 'json']).stdout) as { scorecard: ScorecardEntry[] };
  return new Map(report.scorecard.map((entry) => [entry.item, entry]));
}

/** The lines of one item's block: from its `###` heading to the next heading. */
function itemBlock(markdown: string, id: string): string {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line.startsWith('### ') && line.endsWith(` ${id}`));
  assert.ok(start >= 0, `a heading for ${id}`);
  const end = lines.findIndex((line, index) => index > start && /^#{2,3} /.test(line));
  return lines.slice(start, end < 0 ? undefined : end).join('\n');
}

before(() => {
  assert.ok(fs.existsSync(CLI), `${CLI} is missing: build it first (npx webpack --mode production --config-name cli)`);
});

describe('the scorecard', () => {
  test('the JSON scorecard lists every item of the checklist once, in order, as {item, status, findings, evidence}', () => {
    const report = JSON.parse(cli(['audit', 'scorecard', '--format', 'json']).stdout) as { scorecard: ScorecardEntry[] };
    assert.deepEqual(
      report.scorecard.map((entry) => entry.item),
      CHECKLIST_ITEMS.map((item) => item.id),
    );
    for (const entry of report.scorecard) {
      assert.deepEqual(Object.keys(entry), ['item', 'status', 'findings', 'evidence']);
      assert.ok(['pass', 'fail', 'manual', 'not-applicable'].includes(entry.status), entry.status);
      assert.equal(entry.status === 'fail', entry.findings > 0, `${entry.item}: fail exactly when there are findings`);
    }
  });

  test('a known mix: fail, pass, not applicable and manual', () => {
    const scorecard = scorecardOf(['scorecard/app']);
    assert.equal(scorecard.get('pod-security/pss-enforced')?.status, 'fail', 'a privileged Pod');
    assert.ok(scorecard.get('pod-security/pss-enforced')!.findings >= 1);
    assert.deepEqual(scorecard.get('network/restrict-loadbalancer-externalip'), { item: 'network/restrict-loadbalancer-externalip', status: 'pass', findings: 0, evidence: ['manifest'] });
    assert.deepEqual(scorecard.get('admission/secure-config'), { item: 'admission/secure-config', status: 'not-applicable', findings: 0, evidence: [] }, 'no webhook configuration');
    assert.deepEqual(scorecard.get('network/service-mesh-encryption'), { item: 'network/service-mesh-encryption', status: 'not-applicable', findings: 0, evidence: [] }, 'no mesh resource');
    assert.deepEqual(scorecard.get('images/scanning'), { item: 'images/scanning', status: 'manual', findings: 0, evidence: [] });
    assert.deepEqual(scorecard.get('authn-authz/access-review'), { item: 'authn-authz/access-review', status: 'manual', findings: 0, evidence: [] });
    for (const item of CHECKLIST_ITEMS.filter((candidate) => candidate.check === 'manual')) {
      assert.equal(scorecard.get(item.id)?.status, 'manual', `${item.id} is manual by nature`);
    }
  });

  test('an application Pod does not make a control-plane item pass; a kube-controller-manager manifest does', () => {
    assert.equal(scorecardOf(['scorecard/app']).get('authn-authz/controller-manager-sa-credentials')?.status, 'not-applicable');
    assert.equal(scorecardOf(['scorecard']).get('authn-authz/controller-manager-sa-credentials')?.status, 'pass');
  });

  test('no resource at all: every item that rules cover is not applicable, the others manual', () => {
    const scorecard = scorecardOf(['non-kubernetes']);
    for (const entry of scorecard.values()) assert.ok(entry.status === 'not-applicable' || entry.status === 'manual', `${entry.item}: ${entry.status}`);
    assert.equal(scorecard.get('pod-security/pss-enforced')?.status, 'not-applicable');
  });

  test('suppressed findings do not fail an item; they are counted beside it', () => {
    const selection = selectRules({ level: 'restricted', kubernetesVersion: 'latest' });
    const scorecard = computeScorecard([], selection, { kinds: ['Pod'] }, [{ ruleId: 'pss-privileged' }]);
    const entry = scorecard.find((candidate) => candidate.item === 'pod-security/pss-enforced')!;
    assert.equal(entry.status, 'pass');
    assert.equal(entry.findings, 0);
    assert.equal(entry.suppressed, 1);
    assert.ok(entry.rules.includes('pss-privileged'));
  });

  test('computed: kinds decide between pass and not applicable; control-plane kinds count for the flag rules only', () => {
    const selection = selectRules({ level: 'restricted', kubernetesVersion: 'latest' });
    const status = (checked: { kinds: string[]; controlPlaneKinds?: string[] }, item: string): string | undefined =>
      computeScorecard([], selection, checked).find((entry) => entry.item === item)?.status;
    assert.equal(status({ kinds: [] }, 'pod-security/pss-enforced'), 'not-applicable');
    assert.equal(status({ kinds: ['Deployment'] }, 'pod-security/pss-enforced'), 'pass');
    assert.equal(status({ kinds: ['Pod'] }, 'authn-authz/controller-manager-sa-credentials'), 'not-applicable');
    assert.equal(status({ kinds: ['Pod'], controlPlaneKinds: ['Pod'] }, 'authn-authz/controller-manager-sa-credentials'), 'pass');
    assert.equal(status({ kinds: ['Pod'] }, 'images/scanning'), 'manual');
  });

  test('every checklist item has guidance in English and Chinese', () => {
    assert.deepEqual(Object.keys(CHECKLIST_GUIDANCE), CHECKLIST_ITEMS.map((item) => item.id));
    for (const [id, guidance] of Object.entries(CHECKLIST_GUIDANCE)) {
      assert.ok(guidance.en.length > 40, `${id}: English guidance`);
      assert.match(guidance['zh-cn'], /[\u4e00-\u9fff]/, `${id}: Chinese guidance`);
    }
  });
});

describe('audit --format markdown', () => {
  test('a header, one heading per checklist section in order, one heading per item in order, a legend', () => {
    const run = cli(['audit', 'scorecard/app', '--format', 'markdown']);
    assert.equal(run.status, 1, 'the exit status follows --fail-on as in the other formats');
    const markdown = run.stdout;
    assert.match(markdown, /^# Kubernetes Security Checklist scorecard\n/);
    assert.match(markdown, /^- \*\*Audited\*\*: 2 resources in 1 file under `scorecard\/app`$/m);
    assert.match(markdown, /^- \*\*Policy\*\*: Pod Security Standards `restricted` level, Kubernetes v1\.\d+ \(latest\)$/m);
    assert.match(markdown, /^- \*\*Checklist\*\*: ❌ \d+ Fail · ✅ \d+ Pass · ➖ \d+ Not applicable · ✋ \d+ Verify by hand$/m);
    const sections = markdown.split('\n').filter((line) => line.startsWith('## '));
    assert.deepEqual(sections, [...CHECKLIST_SECTIONS.map((section) => `## ${section.title.en}`), '## Legend']);
    const items = markdown
      .split('\n')
      .filter((line) => line.startsWith('### '))
      .map((line) => line.split(' ').at(-1));
    assert.deepEqual(items, CHECKLIST_ITEMS.map((item) => item.id));
    for (const item of CHECKLIST_ITEMS) {
      const section = CHECKLIST_SECTIONS.find((candidate) => candidate.id === item.section)!;
      const sectionAt = markdown.indexOf(`\n## ${section.title.en}\n`);
      const itemAt = markdown.indexOf(` ${item.id}\n`);
      const nextSection = CHECKLIST_SECTIONS[CHECKLIST_SECTIONS.indexOf(section) + 1];
      assert.ok(sectionAt < itemAt, `${item.id} after its section heading`);
      if (nextSection) assert.ok(itemAt < markdown.indexOf(`\n## ${nextSection.title.en}\n`), `${item.id} before the next section`);
    }
  });

  test('each item shows the status mark of the JSON scorecard, its summary and its status in words', () => {
    const markdown = cli(['audit', 'scorecard/app', '--format', 'markdown']).stdout;
    const scorecard = scorecardOf(['scorecard/app']);
    const words: Record<string, string> = { fail: 'Fail', pass: 'Pass', 'not-applicable': 'Not applicable', manual: 'Verify by hand' };
    for (const item of CHECKLIST_ITEMS) {
      const entry = scorecard.get(item.id)!;
      const block = itemBlock(markdown, item.id);
      assert.ok(block.startsWith(`### ${MARKS[entry.status]} ${item.id}`), `${item.id}: ${entry.status}`);
      assert.ok(block.includes(`\n${item.summary.en}\n`), `${item.id}: summary`);
      assert.ok(block.includes(`\n**${words[entry.status]}**: `), `${item.id}: status in words`);
    }
  });

  test('a failed item lists its findings by rule, with relative file:line links', () => {
    const markdown = cli(['audit', 'scorecard/app', '--format', 'markdown']).stdout;
    const block = itemBlock(markdown, 'pod-security/pss-enforced');
    assert.match(block, /\*\*Fail\*\*: \d+ findings? from `pss-/);
    assert.match(block, /^- \*\*pss-privileged\*\* \(Privileged containers\): 1 finding · \[docs\]\(https:\/\/github\.com\/kube-checklist\/kube-checklist\/blob\/main\/docs\/rules\.md#pss-privileged\)$/m);
    assert.match(
      block,
      /^ {2}- \[scorecard\/app\/workloads\.yaml:17:21\]\(scorecard\/app\/workloads\.yaml#L17\) `Pod shop\/web` privileged: container "web" must not set securityContext\.privileged=true$/m,
    );
  });

  test('manual, partial and not-applicable items say what a person must verify', () => {
    const markdown = cli(['audit', 'scorecard/app', '--format', 'markdown']).stdout;
    const manual = itemBlock(markdown, 'images/scanning');
    assert.match(manual, /\*\*Verify by hand\*\*: no manifest shows this/);
    assert.ok(manual.includes(`> **To verify by hand:** ${CHECKLIST_GUIDANCE['images/scanning'].en}`));
    const partial = itemBlock(markdown, 'images/non-root');
    assert.ok(partial.includes(`> **Also verify by hand:** ${CHECKLIST_GUIDANCE['images/non-root'].en}`));
    const notApplicable = itemBlock(markdown, 'admission/secure-config');
    assert.match(notApplicable, /\*\*Not applicable\*\*: the audited files hold no .*ValidatingWebhookConfiguration/);
    assert.ok(notApplicable.includes(CHECKLIST_GUIDANCE['admission/secure-config'].en));
    const controlPlane = itemBlock(markdown, 'authn-authz/controller-manager-sa-credentials');
    assert.match(controlPlane, /no manifest of a control-plane component/);
    const passed = itemBlock(markdown, 'network/restrict-loadbalancer-externalip');
    assert.match(passed, /\*\*Pass\*\*: checked by .*`service-external-ips`.*, nothing found\./);
    assert.doesNotMatch(passed, /verify by hand/i, 'a pass of a manifest item needs no guidance');
  });

  test('suppressed findings are counted, and listed with their reason on request', () => {
    const quiet = itemBlock(cli(['audit', 'suppressed', '--format', 'markdown']).stdout, 'pod-security/pss-enforced');
    assert.match(quiet, /2 suppressed with a reason\./);
    assert.doesNotMatch(quiet, /node debugging Pod/);
    const listed = itemBlock(cli(['audit', 'suppressed', '--format', 'markdown', '--show-suppressed']).stdout, 'pod-security/pss-enforced');
    assert.match(listed, /^ {2}- ~~\[suppressed\/pod\.yaml:9:12\]\(suppressed\/pod\.yaml#L9\) `Pod debug` .*~~ suppressed: node debugging Pod, deleted after use$/m);
  });

  test('a document that could not be read is an error finding, without source text', () => {
    const run = cli(['audit', 'broken', 'clean', '--format', 'markdown']);
    assert.match(run.stdout, /^- \*\*Findings\*\*: 1 finding \(1 error\) in 1 file$/m);
    assert.match(run.stdout, /unparseable-manifest/);
    assert.doesNotMatch(run.stdout, /hunter2/);
  });

  test('text from manifests is escaped: a container name cannot inject Markdown or HTML', () => {
    const input = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: "<img src=x>*[a](b)`"\n      image: x\n      securityContext: {privileged: true}\n';
    const markdown = cli(['audit', '-', '--format', 'markdown'], { input }).stdout;
    const line = markdown.split('\n').find((candidate) => candidate.includes('must not set securityContext.privileged'));
    assert.ok(line, markdown);
    assert.ok(line.includes('container "\\<img src=x\\>\\*\\[a\\](b)\\`"'), line);
    assert.ok(line.startsWith('  - `<stdin>:8:'), 'standard input is not a link');
  });

  test('--lang zh-cn: title, sections, statuses, summaries and guidance in Chinese', () => {
    const markdown = cli(['audit', 'scorecard/app', '--format', 'markdown', '--lang', 'zh-cn']).stdout;
    assert.match(markdown, /^# Kubernetes 安全检查清单评分卡\n/);
    assert.ok(markdown.includes('(https://kubernetes.io/zh-cn/docs/concepts/security/security-checklist/)'));
    assert.match(markdown, /^- \*\*检查对象\*\*：`scorecard\/app` 下 1 个文件中的 2 个资源$/m);
    const sections = markdown.split('\n').filter((line) => line.startsWith('## '));
    assert.deepEqual(sections, [...CHECKLIST_SECTIONS.map((section) => `## ${section.title['zh-cn']}`), '## 图例']);
    const manual = itemBlock(markdown, 'images/scanning');
    assert.ok(manual.includes(CHECKLIST_ITEMS.find((item) => item.id === 'images/scanning')!.summary['zh-cn']));
    assert.ok(manual.includes(`> **人工核查：** ${CHECKLIST_GUIDANCE['images/scanning']['zh-cn']}`));
    const failed = itemBlock(markdown, 'pod-security/pss-enforced');
    assert.match(failed, /\*\*未通过\*\*：规则 .*发现了 \d+ 个问题。/);
    assert.match(failed, /privileged（特权）：容器 "web" 不得设置/);
    assert.match(itemBlock(markdown, 'network/restrict-loadbalancer-externalip'), /\*\*通过\*\*：由 .* 检查，未发现问题。/);
    assert.match(itemBlock(markdown, 'admission/secure-config'), /\*\*不适用\*\*：所检查的文件中没有/);
  });

  test('every rule named in the document exists', () => {
    const markdown = cli(['audit', '.', '--format', 'markdown']).stdout;
    const ids = new Set(RULES.map((rule) => rule.id));
    for (const [, id] of markdown.matchAll(/^- \*\*([a-z0-9-]+)\*\* \(/gm)) assert.ok(ids.has(id), id);
    assert.ok(!markdown.includes('{{'), 'no placeholder left');
  });
});
