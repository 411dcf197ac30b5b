/**
 * Incremental analysis equals the whole-file analysis: over random series of edits on a
 * multi-document file (values changed, lines inserted and deleted, documents added, split and
 * merged with `---`, context resources edited), every step's incremental result, carried from the
 * previous step, is compared with analyzeSource of the same text: findings with offsets, document
 * indexes, paths and related places, suppressed findings, skipped documents, directive problems,
 * and positions.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { AnalysisResult, analyzeIncrementally, analyzeSource, IncrementalState, parseSourceFile, positionOf, selectRules } from '../server/src/core';

const selection = selectRules({ level: 'restricted', kubernetesVersion: 'latest' });

const DOCUMENTS = [
  `apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: web, namespace: shop}\n`,
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      serviceAccountName: web\n      hostNetwork: true\n      containers:\n        - name: web\n          image: nginx:1.27\n          securityContext: {privileged: true}\n`,
  `# a comment between documents\napiVersion: v1\nkind: LimitRange\nmetadata: {name: limits, namespace: shop}\nspec:\n  limits: [{type: Container, default: {memory: 512Mi}}]\n`,
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: debug\n  namespace: shop\n  annotations:\n    kube-checklist.io/ignore: pss-host-namespaces\n    kube-checklist.io/ignore-reason: debugging\nspec:\n  hostPID: true\n  containers: [{name: sh, image: busybox}]\n`,
  `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels: {pod-security.kubernetes.io/enforce: baseline}\n`,
  `apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Pod\n    metadata: {name: listed}\n    spec: {containers: [{name: a, image: x, securityContext: {allowPrivilegeEscalation: true}}]}\n`,
  `apiVersion: v1\nkind: Pod\nmetadata: {name: broken\nspec: {}\n`,
];

const INSERTS = ['---\n', '\n', '  ', 'x', ': ', 'hostIPC: true\n', '# kube-checklist-disable-next-line pss-privileged -- test\n', 'privileged: false', '---\napiVersion: v1\nkind: ServiceAccount\nmetadata: {name: other}\n', '{', ']'];

type Edit = { at: number; remove: number; insert: string };

function normalize(result: AnalysisResult): unknown {
  const finding = (f: AnalysisResult['findings'][number]) => ({ ruleId: f.ruleId, messageId: f.messageId, start: f.start, end: f.end, documentIndex: f.documentIndex, path: f.path, data: f.data, exact: f.exact, related: f.related ?? [] });
  return {
    findings: result.findings.map(finding),
    suppressed: result.suppressed.map(({ finding: f, reason, by }) => ({ ...finding(f), reason, by })),
    skipped: result.skipped.map(({ documentIndex, offset, reason }) => ({ documentIndex, offset, reason })),
    directiveProblems: result.directiveProblems,
    resourceCount: result.resourceCount,
  };
}

test('incremental analysis equals whole-file analysis over random edits (seed 7, 150 series)', () => {
  const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 40 }), insert: fc.constantFrom(...INSERTS) });
  fc.assert(
    fc.property(fc.shuffledSubarray(DOCUMENTS, { minLength: 2 }), fc.array(edit, { minLength: 1, maxLength: 12 }), (documents, edits: Edit[]) => {
      let text = documents.join('---\n');
      let state: IncrementalState | undefined;
      ({ state } = analyzeIncrementally(text, selection));
      for (const { at, remove, insert } of edits) {
        const offset = at % (text.length + 1);
        text = text.slice(0, offset) + insert + text.slice(Math.min(text.length, offset + remove));
        const incremental = analyzeIncrementally(text, selection, state);
        state = incremental.state;
        const whole = parseSourceFile(text);
        assert.deepEqual(normalize(incremental.result), normalize(analyzeSource(whole, selection)), `after editing at ${offset}:\n${text}`);
        assert.equal(incremental.source.documents.length, whole.documents.length);
        for (const probe of [0, Math.floor(text.length / 2), text.length]) assert.deepEqual(positionOf(incremental.source, probe), positionOf(whole, probe));
      }
    }),
    { seed: Number(process.env.INCREMENTAL_SEED ?? 7), numRuns: Number(process.env.INCREMENTAL_RUNS ?? 150) },
  );
});

test('an edit in one document of many re-parses only that document', () => {
  const many = Array.from({ length: 200 }, (_, i) => DOCUMENTS[1].replace(/name: web\n  namespace/, `name: web-${i}\n  namespace`)).join('---\n');
  const first = analyzeIncrementally(many, selection);
  const documentsBefore = first.source.documents;
  const at = many.indexOf('web-100');
  const edited = many.slice(0, at) + 'renamed-' + many.slice(at);
  const second = analyzeIncrementally(edited, selection, first.state);
  const same = second.source.documents.filter((document) => documentsBefore.includes(document)).length;
  assert.equal(same, 199, 'the other 199 parsed documents are reused');
  assert.deepEqual(normalize(second.result), normalize(analyzeSource(parseSourceFile(edited), selection)));
});
