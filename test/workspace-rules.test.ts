/**
 * Workspace rule fixtures (test/fixtures/workspace/<rule-id>/<case>/, see
 * test/support/workspace-fixtures.ts): several files analyzed together flag exactly the lines their
 * `# expect:` comments name and point their related locations at the `# related:` lines. Also the
 * pieces the rules stand on: label selectors, NetworkPolicy defaulting, how a resource's namespace
 * is decided, and that a file analyzed alone is a one-file workspace.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  analyzeSource,
  analyzeWorkspace,
  isWorkspaceRule,
  parseLabelSelector,
  parseSourceFile,
  positionOf,
  ruleById,
  RULES,
  selectorMatches,
  WorkspaceIndex,
} from '../server/src/core';
import {
  actualWorkspacePairs,
  caseKindOf,
  expectedWorkspacePairs,
  listWorkspaceCaseFolders,
  loadWorkspaceCase,
  runWorkspaceCase,
} from './support/workspace-fixtures';

for (const folder of listWorkspaceCaseFolders()) {
  test(`test/fixtures/workspace/${folder}`, () => {
    const fixture = loadWorkspaceCase(folder);
    assert.ok(ruleById(fixture.ruleId), `${fixture.ruleId} is no rule`);
    const named = [...fixture.expected, ...fixture.expectedRelated].map((e) => e.ruleId).filter((id) => !ruleById(id));
    assert.deepEqual(named, [], 'comments name unknown rules');
    if (fixture.kind === 'fire') assert.ok(fixture.expected.some((e) => e.ruleId === fixture.ruleId), 'a fire case expects its rule at least once');
    else assert.deepEqual(fixture.expected.filter((e) => e.ruleId === fixture.ruleId), [], 'a dont-fire case must not expect its rule');

    const run = runWorkspaceCase(fixture);
    assert.deepEqual(run.analysis.files.flatMap((file) => file.skipped), [], 'every document parses');
    assert.deepEqual([...run.analysis.ruleFailures, ...run.analysis.files.flatMap((file) => file.ruleFailures)], [], 'no rule throws');
    const actual = actualWorkspacePairs(run);
    const expected = expectedWorkspacePairs(fixture);
    assert.deepEqual(actual.findings, expected.findings, `findings of ${[...run.compared].sort().join(', ')} (actual, expected)`);
    assert.deepEqual(actual.related, expected.related, 'related locations (actual, expected)');

    for (const { finding, source } of run.findings) {
      const slice = source.text.slice(finding.start, finding.end);
      const start = positionOf(source, finding.start);
      const end = positionOf(source, finding.end);
      assert.ok(slice.length > 0 && start.line === end.line && slice.trim() === slice, `${finding.ruleId} sits on one visible token: ${JSON.stringify(slice)}`);
      assert.ok(finding.file, 'workspace findings carry their file');
    }
  });
}

test('every workspace rule has a fire and a dont-fire case, and every case folder is named for a rule', () => {
  const folders = listWorkspaceCaseFolders();
  const missing: string[] = [];
  for (const rule of RULES.filter(isWorkspaceRule)) {
    const cases = folders.filter((folder) => folder.startsWith(`${rule.id}/`)).map((folder) => caseKindOf(folder.split('/')[1]));
    if (!cases.includes('fire')) missing.push(`${rule.id}: fire`);
    if (!cases.includes('dont-fire')) missing.push(`${rule.id}: dont-fire`);
  }
  assert.deepEqual(missing, []);
  assert.deepEqual(folders.filter((folder) => !ruleById(folder.split('/')[0]) || !caseKindOf(folder.split('/')[1])), [], 'stray folders');
});

test('label selectors: matchLabels and matchExpressions as the API server evaluates them', () => {
  const labels = { app: 'web', tier: 'front' };
  const matches = (selector: unknown) => selectorMatches(parseLabelSelector(selector), labels);
  assert.equal(matches({}), true, 'empty selects everything');
  assert.equal(matches(undefined), true);
  assert.equal(matches({ matchLabels: { app: 'web' } }), true);
  assert.equal(matches({ matchLabels: { app: 'api' } }), false);
  assert.equal(matches({ matchExpressions: [{ key: 'tier', operator: 'In', values: ['front', 'back'] }] }), true);
  assert.equal(matches({ matchExpressions: [{ key: 'track', operator: 'NotIn', values: ['canary'] }] }), true, 'NotIn holds when the key is absent');
  assert.equal(matches({ matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['front'] }] }), false);
  assert.equal(matches({ matchExpressions: [{ key: 'app', operator: 'Exists' }] }), true);
  assert.equal(matches({ matchExpressions: [{ key: 'app', operator: 'DoesNotExist' }] }), false);
  assert.equal(matches({ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['back'] }] }), false, 'ANDed');
  // Selectors the API server refuses select nothing.
  assert.equal(matches({ matchExpressions: [{ key: 'app', operator: 'in', values: ['web'] }] }), false);
  assert.equal(matches({ matchExpressions: [{ key: 'app', operator: 'In', values: [] }] }), false);
  assert.equal(matches({ matchExpressions: [{ key: 'app', operator: 'Exists', values: ['web'] }] }), false);
  assert.equal(matches('app=web'), false);
});

function indexOf(files: Record<string, string>): WorkspaceIndex {
  return new WorkspaceIndex(Object.entries(files).map(([path, text]) => ({ uri: `file:///w/${path}`, path, source: parseSourceFile(text) })));
}

test('namespaces: explicit, default beside explicit ones, unplaced in files without any, cluster scoped', () => {
  const index = indexOf({
    'a.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: shop}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: a, image: x}]}\n',
    'b.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: q}\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: r}\n',
  });
  const byName = new Map(index.resources.map((resource) => [resource.name, resource]));
  assert.equal(index.namespaceOf(byName.get('c')!), 'shop');
  assert.equal(index.namespaceOf(byName.get('p')!), 'default', 'beside a resource with an explicit namespace');
  assert.equal(index.namespaceOf(byName.get('q')!), undefined);
  assert.equal(index.isUnplaced(byName.get('q')!), true);
  assert.equal(index.isClusterScoped(byName.get('r')!), true);
  assert.equal(index.isUnplaced(byName.get('r')!), false);
  assert.deepEqual(index.workloads().map((workload) => workload.resource.name), ['p'], 'unplaced workloads are left out');

  const modelled = indexOf({
    'ns.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata: {name: default}\n',
    'b.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: q}\n',
  });
  assert.equal(modelled.namespaceOf(modelled.resources[1]), 'default', 'a Namespace named default places them');
});

test('related resources of a resource rule: its file, its namespace, cluster-scoped ones, unplaced ones of its directory', () => {
  const index = indexOf({
    'app/sa.yaml': 'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: web, namespace: shop}\n',
    'app/pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: shop}\nspec: {containers: [{name: a, image: x}]}\n',
    'other/sa.yaml': 'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: web, namespace: billing}\n',
    'rc.yaml': 'apiVersion: node.k8s.io/v1\nkind: RuntimeClass\nmetadata: {name: gvisor}\nhandler: runsc\n',
    'loose/a.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: loose}\nspec: {containers: [{name: a, image: x}]}\n',
    'loose/b.yaml': 'apiVersion: v1\nkind: LimitRange\nmetadata: {name: limits}\n',
    'elsewhere/c.yaml': 'apiVersion: v1\nkind: LimitRange\nmetadata: {name: far}\n',
  });
  const named = (name: string, kind: string) => index.resources.find((resource) => resource.name === name && resource.kind === kind)!;
  const pod = named('web', 'Pod');
  const related = index.relatedFor(pod).map((resource) => `${resource.kind}/${resource.name}/${resource.namespace ?? ''}`);
  assert.deepEqual(related.sort(), ['Pod/web/shop', 'RuntimeClass/gvisor/', 'ServiceAccount/web/shop']);
  const loose = index.relatedFor(named('loose', 'Pod')).map((resource) => resource.name);
  assert.deepEqual(loose.sort(), ['gvisor', 'limits', 'loose']);
});

test('a file analyzed alone is a one-file workspace, and workspace findings have no file key there', () => {
  const text = [
    'apiVersion: v1',
    'kind: Namespace',
    'metadata:',
    '  name: shop',
    '  labels: {pod-security.kubernetes.io/enforce: baseline}',
    '---',
    'apiVersion: v1',
    'kind: Pod',
    'metadata: {name: debug, namespace: shop}',
    'spec:',
    '  hostPID: true',
    '  containers: [{name: a, image: x}]',
    '',
  ].join('\n');
  const result = analyzeSource(parseSourceFile(text), { level: 'baseline', kubernetesVersion: 'latest' });
  const enforce = result.findings.find((finding) => finding.ruleId === 'psa-namespace-enforce-violation');
  assert.ok(enforce, 'the enforce violation is found in the single file');
  assert.equal(enforce.file, undefined);
  assert.equal(positionOf(parseSourceFile(text), enforce.start).line, 10);
  assert.deepEqual(enforce.related?.map((location) => location.messageId), ['namespaceLabel', 'violation']);
  assert.ok(enforce.related?.every((location) => location.file === undefined));
});

test('analyzeWorkspace with a file set reports findings of those files only, and workspaceRules: false runs resource rules only', () => {
  const index = indexOf({
    'ns.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n',
    'pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: shop}\nspec: {containers: [{name: a, image: x}]}\n',
    'policy.yaml': 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: in, namespace: shop}\nspec: {podSelector: {}, ingress: [{}]}\n',
  });
  const all = analyzeWorkspace(index, { level: 'restricted', kubernetesVersion: 'latest' });
  const ids = (files: typeof all.files) => files.flatMap((file) => file.findings.map((finding) => `${file.file.path} ${finding.ruleId}`));
  assert.ok(ids(all.files).includes('ns.yaml network-policy-default-deny'));
  assert.ok(ids(all.files).includes('pod.yaml network-policy-workload-coverage'));
  const onlyPod = analyzeWorkspace(index, { level: 'restricted', kubernetesVersion: 'latest' }, { files: new Set(['file:///w/pod.yaml']) });
  assert.deepEqual(onlyPod.files.map((file) => file.file.path), ['pod.yaml']);
  assert.ok(!ids(onlyPod.files).some((id) => id.startsWith('ns.yaml')));
  const resourceOnly = analyzeWorkspace(index, { level: 'restricted', kubernetesVersion: 'latest' }, { workspaceRules: false });
  assert.ok(!ids(resourceOnly.files).some((id) => id.includes('network-policy-')));
  const deny = all.files[0].findings.find((finding) => finding.ruleId === 'network-policy-default-deny')!;
  assert.equal(deny.file, 'file:///w/ns.yaml');
  assert.deepEqual(deny.related?.map((location) => location.file), ['file:///w/pod.yaml']);
});

test('a suppression in the file a workspace finding sits in hides it', () => {
  const index = indexOf({
    'ns.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  # kube-checklist-disable-next-line network-policy-default-deny -- policies come from the platform team\n  name: shop\n',
    'pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: shop}\nspec: {containers: [{name: a, image: x}]}\n',
  });
  const result = analyzeWorkspace(index, { level: 'restricted', kubernetesVersion: 'latest' });
  const ns = result.files[0];
  assert.ok(!ns.findings.some((finding) => finding.ruleId === 'network-policy-default-deny'));
  assert.deepEqual(ns.suppressed.map((entry) => entry.finding.ruleId), ['network-policy-default-deny']);
});

test('index lookups: by kind and name, by namespace, workloads by label selector', () => {
  const index = indexOf({
    'a.yaml': [
      'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: web, namespace: shop}',
      'apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: shop, labels: {app: web, tier: front}}\nspec: {containers: [{name: a, image: x}]}',
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api, namespace: shop}\nspec: {template: {metadata: {labels: {app: api}}, spec: {containers: [{name: a, image: x}]}}}',
      'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: viewer}',
    ].join('\n---\n'),
  });
  assert.equal(index.find('ServiceAccount', 'web', 'shop')?.kind, 'ServiceAccount');
  assert.equal(index.find('ServiceAccount', 'web', 'billing'), undefined);
  assert.equal(index.find('ClusterRole', 'viewer')?.name, 'viewer');
  assert.deepEqual(index.inNamespace('shop').map((resource) => resource.kind), ['ServiceAccount', 'Pod', 'Deployment']);
  const selected = (selector: unknown) => index.workloadsSelectedBy('shop', parseLabelSelector(selector)).map((workload) => workload.resource.name);
  assert.deepEqual(selected({}), ['web', 'api']);
  assert.deepEqual(selected({ matchExpressions: [{ key: 'tier', operator: 'DoesNotExist' }] }), ['api']);
  assert.deepEqual(index.namespaces(), ['shop']);
});
