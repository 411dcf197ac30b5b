/**
 * Findings about one item of a list sit on that item, not on the list's key: an `externalIPs`
 * entry, the verb or resource in `verbs: [...]` / `resources: [...]` that grants too much, in flow
 * and block style (the line-based rule fixtures cannot tell a flow item from its key).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeSource, parseSourceFile } from '../server/src/core';

const TEXT = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: reader
rules:
  - apiGroups: [""]
    resources: ["secrets", "pods/exec"]
    verbs: ["get", "list", "create", "*"]
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  externalIPs: [10.0.0.1, "10.0.0.2"]
  ports: [{port: 80}]
---
apiVersion: v1
kind: Service
metadata:
  name: api
spec:
  externalIPs:
    - 10.0.0.3
  ports: [{port: 80}]
`;

test('findings on list items point at the item', () => {
  const result = analyzeSource(parseSourceFile(TEXT), { level: 'restricted', kubernetesVersion: 'latest' });
  const at = (ruleId: string): string[] =>
    result.findings.filter((finding) => finding.ruleId === ruleId).map((finding) => TEXT.slice(finding.start, finding.end));
  assert.deepEqual(at('service-external-ips'), ['10.0.0.1', '"10.0.0.2"', '10.0.0.3']);
  assert.deepEqual(at('rbac-wildcard'), ['"*"']);
  assert.deepEqual(at('rbac-read-secrets'), ['"secrets"']);
  assert.deepEqual(at('rbac-pod-exec-attach'), ['"pods/exec"']);
  for (const finding of result.findings.filter((f) => /^(service-external-ips|rbac-)/.test(f.ruleId))) {
    assert.equal(typeof finding.path[finding.path.length - 1], 'number', `${finding.ruleId} reports ${finding.path.join('.')}`);
  }
});
