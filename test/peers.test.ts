/**
 * The peer table (core/suppress/peer-checks.ts): every check of kube-linter, Checkov, Polaris, Trivy
 * and kube-score it lists names real rules and checklist items, says why whenever it is not
 * simply mapped, and is the one source of both docs/peers*.md and the foreign-annotation aliases,
 * which keep every alias they had before the table existed.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { test } from 'node:test';
import { checklistItemById, FOREIGN_ALIASES, PEER_CHECKS, PEER_TOOLS, peerAliases, ruleById } from '../server/src/core';
import { formatPeersMarkdown } from '../server/src/report/rules-format/peers';
import { REPO_ROOT, repoPath } from './support/paths';
import { runCli } from './support/run-cli';

/** The alias table as it was written by hand before the peer table; none of it may change. */
const CAPABILITIES = ['pss-capabilities-baseline', 'pss-capabilities-restricted'];
const SECCOMP = ['pss-seccomp-baseline', 'pss-seccomp-restricted', 'seccomp-profile-unset'];
const PROC_MOUNT = ['pss-proc-mount', 'pss-proc-mount-restricted'];
const EARLIER_ALIASES: Record<string, Record<string, string[]>> = {
  'kube-linter': {
    'privileged-container': ['pss-privileged'],
    'privilege-escalation-container': ['pss-allow-privilege-escalation'],
    'run-as-non-root': ['pss-run-as-non-root', 'run-as-root-user'],
    'host-network': ['pss-host-namespaces'],
    'host-pid': ['pss-host-namespaces'],
    'host-ipc': ['pss-host-namespaces'],
    'drop-net-raw-capability': CAPABILITIES,
    'unsafe-proc-mount': PROC_MOUNT,
    'unsafe-sysctls': ['pss-sysctls'],
    'sensitive-host-mounts': ['pss-host-path-volumes'],
    'docker-sock': ['pss-host-path-volumes'],
    'writable-host-mount': ['pss-host-path-volumes'],
    'latest-tag': ['image-latest-tag'],
    'unset-memory-requirements': ['container-memory-limit'],
    'unset-cpu-requirements': ['sensitive-cpu-limit'],
    'access-to-secrets': ['rbac-read-secrets'],
    'access-to-create-pods': ['workload-write-rbac'],
    'cluster-admin-role-binding': ['rbac-cluster-admin-binding'],
    'wildcard-in-rules': ['rbac-wildcard'],
    'non-isolated-pod': ['network-policy-workload-coverage'],
    'read-secret-from-env-var': ['secret-in-env'],
    'env-var-secret': ['env-literal-credentials'],
  },
  checkov: {
    CKV_K8S_11: ['sensitive-cpu-limit'],
    CKV_K8S_13: ['container-memory-limit'],
    CKV_K8S_14: ['image-latest-tag'],
    CKV_K8S_16: ['pss-privileged'],
    CKV_K8S_17: ['pss-host-namespaces'],
    CKV_K8S_18: ['pss-host-namespaces'],
    CKV_K8S_19: ['pss-host-namespaces'],
    CKV_K8S_20: ['pss-allow-privilege-escalation'],
    CKV_K8S_23: ['pss-run-as-non-root'],
    CKV_K8S_25: CAPABILITIES,
    CKV_K8S_28: CAPABILITIES,
    CKV_K8S_31: SECCOMP,
    CKV_K8S_35: ['secret-in-env'],
    CKV_K8S_37: CAPABILITIES,
    CKV_K8S_38: ['service-account-token-automount'],
    CKV_K8S_39: CAPABILITIES,
    CKV_K8S_43: ['image-without-digest'],
    CKV_K8S_49: ['rbac-wildcard'],
    CKV_K8S_108: ['controller-manager-sa-credentials'],
    CKV_K8S_155: ['rbac-webhook-config-write'],
    CKV_K8S_156: ['rbac-approve-csr'],
    CKV_K8S_157: ['rbac-escalate-bind-impersonate'],
    CKV_K8S_158: ['rbac-escalate-bind-impersonate'],
  },
  polaris: {
    runAsPrivileged: ['pss-privileged'],
    privilegeEscalationAllowed: ['pss-allow-privilege-escalation'],
    runAsRootAllowed: ['pss-run-as-non-root'],
    hostNetworkSet: ['pss-host-namespaces'],
    hostPIDSet: ['pss-host-namespaces'],
    hostIPCSet: ['pss-host-namespaces'],
    dangerousCapabilities: CAPABILITIES,
    insecureCapabilities: CAPABILITIES,
    procMount: PROC_MOUNT,
    hostProcess: ['pss-windows-host-process'],
    memoryLimitsMissing: ['container-memory-limit'],
    cpuLimitsMissing: ['sensitive-cpu-limit'],
    tagNotSpecified: ['image-latest-tag'],
    automountServiceAccountToken: ['service-account-token-automount'],
    clusterrolePodExecAttach: ['rbac-pod-exec-attach'],
    clusterrolebindingClusterAdmin: ['rbac-cluster-admin-binding'],
    missingNetworkPolicy: ['network-policy-workload-coverage'],
    sensitiveConfigmapContent: ['configmap-credentials'],
    sensitiveContainerEnvVar: ['env-literal-credentials'],
  },
  'kube-score': {
    'container-image-tag': ['image-latest-tag'],
    'container-resources': ['container-memory-limit'],
    'container-seccomp-profile': SECCOMP,
    'pod-networkpolicy': ['network-policy-workload-coverage'],
  },
};

/** The checks the research on the peers (../shared/research/anchors.md) names; each must be listed. */
const ANCHOR_CHECKS: Record<string, string[]> = {
  'kube-linter': [
    'access-to-create-pods', 'access-to-secrets', 'cluster-admin-role-binding', 'dangling-networkpolicy',
    'dangling-networkpolicypeer-podselector', 'docker-sock', 'drop-net-raw-capability', 'env-var-secret', 'exposed-services',
    'host-ipc', 'host-network', 'host-pid', 'latest-tag', 'no-anti-affinity', 'no-node-affinity', 'non-isolated-pod',
    'privileged-container', 'read-secret-from-env-var', 'run-as-non-root', 'sensitive-host-mounts', 'unsafe-proc-mount',
    'unsafe-sysctls', 'unset-cpu-requirements', 'unset-memory-requirements', 'wildcard-in-rules', 'writable-host-mount',
  ],
  checkov: [
    ...[11, 13, 14, 16, 17, 18, 19, 21, 23, 25, 28, 31, 35, 37, 38, 39, 40, 43, 49, 68, 78, 79, 80, 81, 82, 83, 84, 85, 86, 88, 89]
      .concat([91, 92, 93, 94, 104, 108, 111, 113, 115, 116, 117, 118, 119, 121, 138, 139, 141, 155, 156, 157, 158])
      .map((n) => `CKV_K8S_${n}`),
    'CKV2_K8S_1', 'CKV2_K8S_2', 'CKV2_K8S_3', 'CKV2_K8S_4', 'CKV2_K8S_5', 'CKV2_K8S_6',
  ],
  polaris: [
    'automountServiceAccountToken', 'clusterrolePodExecAttach', 'clusterrolebindingClusterAdmin', 'clusterrolebindingPodExecAttach',
    'cpuLimitsMissing', 'dangerousCapabilities', 'hostIPCSet', 'hostNetworkSet', 'hostPIDSet', 'hostProcess', 'insecureCapabilities',
    'linuxHardening', 'memoryLimitsMissing', 'missingNetworkPolicy', 'procMount', 'rolePodExecAttach', 'rolebindingClusterAdminClusterRole',
    'rolebindingClusterAdminRole', 'rolebindingClusterRolePodExecAttach', 'rolebindingRolePodExecAttach', 'runAsPrivileged',
    'runAsRootAllowed', 'sensitiveConfigmapContent', 'sensitiveContainerEnvVar', 'tagNotSpecified', 'topologySpreadConstraint',
  ],
  trivy: [
    ...[2, 3, 4, 5, 8, 9, 10, 11, 12, 13, 17, 18, 20, 21, 22, 25, 26, 27, 28, 30, 32, 33, 34, 35, 36, 38, 39, 41, 43, 44, 45, 46, 47, 48]
      .concat([50, 51, 52, 53, 54, 55, 103, 104, 105, 106, 108, 109, 111, 112, 113, 114, 116, 119, 120, 121, 122, 123, 125])
      .map((n) => `KSV-${String(n).padStart(4, '0')}`),
    'KSV-01010', 'KSV-01011',
    ...[1, 3, 10, 11, 12, 13, 14, 15, 16, 17, 19, 20, 21, 22, 30, 35, 37, 39, 41, 42, 43, 44, 45, 46, 47, 66, 67, 68, 79, 80, 82]
      .map((n) => `KCV-${String(n).padStart(4, '0')}`),
  ],
  'kube-score': ['container-image-tag', 'container-memory-requests-equal-limits', 'container-resources', 'container-seccomp-profile',
    'container-security-context-user-group-id', 'deployment-has-host-podantiaffinity', 'networkpolicy-targets-pod', 'pod-networkpolicy',
    'service-type'],
};

test('docs/peers.md and docs/peers.zh-cn.md are the generated mapping (run: npm run docs)', () => {
  for (const [lang, file] of [
    ['en', 'peers.md'],
    ['zh-cn', 'peers.zh-cn.md'],
  ] as const) {
    const run = runCli(['rules', '--format', 'peers', '--lang', lang], { cwd: REPO_ROOT });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, formatPeersMarkdown([], lang));
    const committed = fs.readFileSync(repoPath('docs', file), 'utf8').replace(/\r\n/g, '\n');
    assert.equal(committed, run.stdout, `docs/${file} is out of date: node dist/cli.js rules --format peers --lang ${lang} > docs/${file}`);
    for (const check of PEER_CHECKS) assert.ok(run.stdout.includes(`| \`${check.id}\` |`), `docs/${file} lists ${check.tool} ${check.id}`);
  }
});

test('every rule and checklist item the table names exists', () => {
  for (const check of PEER_CHECKS) {
    for (const id of check.rules) assert.ok(ruleById(id), `${check.tool} ${check.id} → rule ${id}`);
    for (const id of check.checklist ?? []) assert.ok(checklistItemById(id), `${check.tool} ${check.id} → checklist item ${id}`);
  }
});

test('each status carries what it needs: mapped has rules of its items, differs and not-a-checklist-item say why', () => {
  for (const check of PEER_CHECKS) {
    const name = `${check.tool} ${check.id}`;
    assert.ok(check.title.en && check.title['zh-cn'], `${name} has a title in both languages`);
    if (check.note) assert.ok(check.note.en && check.note['zh-cn'], `${name} has its note in both languages`);
    if (check.status === 'not-a-checklist-item') {
      assert.equal(check.checklist, null, `${name} serves no checklist item`);
      assert.ok(check.note, `${name} says what it is instead`);
      continue;
    }
    assert.ok(check.checklist && check.checklist.length > 0, `${name} names its checklist items`);
    if (check.status === 'differs') {
      assert.ok(check.note, `${name} says why we differ`);
      continue;
    }
    assert.ok(check.rules.length > 0, `${name} is mapped to at least one rule`);
    const served = new Set(check.rules.flatMap((id) => ruleById(id)?.checklist ?? []));
    assert.ok(check.checklist.some((id) => served.has(id)), `${name}: its rules serve one of ${check.checklist.join(', ')}`);
  }
});

test('no tool lists a check twice, and every check the peer research names is listed', () => {
  for (const tool of PEER_TOOLS) {
    const ids = PEER_CHECKS.filter((check) => check.tool === tool).map((check) => check.id);
    assert.deepEqual(ids.filter((id, index) => ids.indexOf(id) !== index), [], `${tool} duplicates`);
    for (const id of ANCHOR_CHECKS[tool]) assert.ok(ids.includes(id), `${tool} ${id} is listed`);
  }
});

test('FOREIGN_ALIASES is the mapped part of the table, keeps every earlier alias, and has no Trivy entry', () => {
  assert.deepEqual(FOREIGN_ALIASES, peerAliases());
  assert.deepEqual(Object.keys(FOREIGN_ALIASES).sort(), ['checkov', 'kube-linter', 'kube-score', 'polaris']);
  for (const [tool, table] of Object.entries(EARLIER_ALIASES)) {
    for (const [check, rules] of Object.entries(table)) {
      assert.deepEqual(FOREIGN_ALIASES[tool as keyof typeof FOREIGN_ALIASES][check], rules, `${tool} ${check}`);
    }
  }
  for (const check of PEER_CHECKS) {
    if (check.tool === 'trivy') continue;
    const alias: readonly string[] | undefined = FOREIGN_ALIASES[check.tool][check.id];
    if (check.status === 'mapped') assert.deepEqual(alias, check.rules, `${check.tool} ${check.id}`);
    else assert.equal(alias, undefined, `${check.tool} ${check.id} (${check.status}) is no alias`);
  }
});
