/**
 * Shared pieces of the Pod Security Standards rules: the kinds with a Pod template they cover and
 * how to reach that template (re-exported from the model, so a rule imports them from here), the Windows and user-namespace
 * relaxations that Pod Security Admission applies from given versions, the capabilities baseline
 * allows (shared with the restricted rule, which must know which findings also break baseline), and
 * the common references.
 * Each rule file keeps its own version logic next to its check.
 */
import type { Container, PodSpec, SecurityContext } from 'kubernetes-types/core/v1';
import { ANY_KIND, containersOf, ContainerView, POD_TEMPLATE_KINDS, podTemplateOf, PodTemplateView } from '../../model/pod-spec';
import type { RuleContext } from '../types';

/** The default capability set of container runtimes, which baseline allows; exact, case-sensitive, as PSA compares. */
export const BASELINE_CAPABILITIES: ReadonlySet<string> = new Set([
  'AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD',
  'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT',
]);

export const PSS_REFERENCES: readonly string[] = [
  'https://kubernetes.io/docs/concepts/security/pod-security-standards/',
  'https://kubernetes.io/docs/concepts/security/security-checklist/#pod-security',
];

/** From v1.25, restricted checks about Linux-only fields skip Pods that declare `spec.os.name: windows`. */
export function exemptAsWindowsPod(context: RuleContext, spec: PodSpec): boolean {
  return context.minorVersion >= 25 && (spec.os as { name?: unknown } | undefined)?.name === 'windows';
}

/** From v1.35, Pods in a user namespace (`hostUsers: false`) are relaxed for some checks. */
export function exemptAsUserNamespacePod(context: RuleContext, spec: PodSpec): boolean {
  return context.minorVersion >= 35 && spec.hostUsers === false;
}

export function securityContextOf(container: Container): SecurityContext | undefined {
  const sc = container.securityContext;
  return typeof sc === 'object' && sc !== null && !Array.isArray(sc) ? sc : undefined;
}

export function podSecurityContextOf(spec: PodSpec): Record<string, unknown> | undefined {
  const sc = spec.securityContext;
  return typeof sc === 'object' && sc !== null && !Array.isArray(sc) ? (sc as Record<string, unknown>) : undefined;
}

export { ANY_KIND, containersOf, POD_TEMPLATE_KINDS, podTemplateOf };
export type { ContainerView, PodTemplateView };
