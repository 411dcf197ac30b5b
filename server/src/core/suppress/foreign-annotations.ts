/**
 * Other tools' ignore annotations, honoured for the rules that check the same thing, so a team can
 * switch to kube-checklist without rewriting its exemptions: kube-linter
 * (`ignore-check.kube-linter.io/<check>`, `kube-linter.io/ignore-all`), Checkov
 * (`checkov.io/skip<N>: CKV_K8S_<n>=reason`, also under bridgecrew.io and cortex.io), Polaris
 * (`polaris.fairwinds.com/<check>-exempt: "true"`, `polaris.fairwinds.com/exempt`) and kube-score
 * (`kube-score/ignore: a,b`). One alias table; a check without an equivalent rule is ignored. The
 * reason is the tool's own (Checkov) or names the annotation, so the finding is counted, not lost.
 * The blanket forms (`kube-linter.io/ignore-all`, `polaris.fairwinds.com/exempt`) are marked
 * `blanket`: they give no per-check reason, so they do not silence errors (see apply-suppressions.ts).
 */
import { podTemplateOf } from '../model/pod-spec';
import type { Resource } from '../model/resource';
import { isRecord, PropertyPath, recordAt } from '../model/values';
import type { AnnotationSuppression } from './directives';

type Tool = 'kube-linter' | 'checkov' | 'polaris' | 'kube-score';

const CAPABILITIES = ['pss-capabilities-baseline', 'pss-capabilities-restricted'];
const SECCOMP = ['pss-seccomp-baseline', 'pss-seccomp-restricted', 'seccomp-profile-unset'];
const PROC_MOUNT = ['pss-proc-mount', 'pss-proc-mount-restricted'];

/** Each tool's check name → our rules that check the same thing. */
export const FOREIGN_ALIASES: Readonly<Record<Tool, Readonly<Record<string, readonly string[]>>>> = {
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

const CHECKOV_PREFIXES = ['checkov.io/skip', 'bridgecrew.io/skip', 'cortex.io/skip'];

/** The suppressions other tools' annotations on a resource (and its Pod template) amount to. */
export function foreignSuppressions(resource: Resource): AnnotationSuppression[] {
  const places: { annotations: unknown; path: PropertyPath }[] = [
    { annotations: recordAt(recordAt(resource.value, 'metadata'), 'annotations'), path: [...resource.basePath, 'metadata', 'annotations'] },
  ];
  const template = podTemplateOf(resource);
  if (template && template.metadataPath.length > 1) places.push({ annotations: template.metadata.annotations, path: [...resource.basePath, ...template.metadataPath, 'annotations'] });
  const suppressions: AnnotationSuppression[] = [];
  for (const { annotations, path } of places) {
    if (!isRecord(annotations)) continue;
    for (const [key, value] of Object.entries(annotations)) {
      const found = fromAnnotation(key, value);
      if (found && found.ruleIds.length > 0) suppressions.push({ ...found, path: [...path, key] });
    }
  }
  return suppressions;
}

function fromAnnotation(key: string, value: unknown): { ruleIds: string[]; reason: string; blanket?: boolean } | undefined {
  const text = typeof value === 'string' ? value.trim() : typeof value === 'boolean' ? String(value) : '';
  const byAnnotation = `${key} annotation`;
  if (key.startsWith('ignore-check.kube-linter.io/')) return { ruleIds: aliases('kube-linter', key.slice('ignore-check.kube-linter.io/'.length)), reason: text || byAnnotation };
  if (key === 'kube-linter.io/ignore-all') return { ruleIds: allOf('kube-linter'), reason: text || byAnnotation, blanket: true };
  if (CHECKOV_PREFIXES.some((prefix) => key.startsWith(prefix) && /^\d*$/.test(key.slice(prefix.length)))) {
    const [check, ...reason] = text.split('=');
    return { ruleIds: aliases('checkov', check.trim()), reason: reason.join('=').trim() || byAnnotation };
  }
  if (key.startsWith('polaris.fairwinds.com/') && text.toLowerCase() === 'true') {
    const name = key.slice('polaris.fairwinds.com/'.length);
    if (name === 'exempt') return { ruleIds: allOf('polaris'), reason: byAnnotation, blanket: true };
    if (name.endsWith('-exempt')) return { ruleIds: aliases('polaris', name.slice(0, -'-exempt'.length)), reason: byAnnotation };
  }
  if (key === 'kube-score/ignore') return { ruleIds: text.split(',').flatMap((check) => aliases('kube-score', check.trim())), reason: byAnnotation };
  return undefined;
}

function aliases(tool: Tool, check: string): string[] {
  return [...(FOREIGN_ALIASES[tool][check] ?? [])];
}

function allOf(tool: Tool): string[] {
  return [...new Set(Object.values(FOREIGN_ALIASES[tool]).flat())];
}
