/**
 * The rule registry: every rule, listed explicitly and sorted by id, so that adding a rule is one
 * import and one line, and the order of findings and of the docs never depends on the file system.
 */
import type { Rule } from './types';
import pssAllowPrivilegeEscalation from './pod-security/pss-allow-privilege-escalation';
import pssApparmorProfile from './pod-security/pss-apparmor-profile';
import pssCapabilitiesBaseline from './pod-security/pss-capabilities-baseline';
import pssCapabilitiesRestricted from './pod-security/pss-capabilities-restricted';
import pssHostNamespaces from './pod-security/pss-host-namespaces';
import pssHostPathVolumes from './pod-security/pss-host-path-volumes';
import pssHostPorts from './pod-security/pss-host-ports';
import pssHostProbes from './pod-security/pss-host-probes';
import pssPrivileged from './pod-security/pss-privileged';
import pssProcMount from './pod-security/pss-proc-mount';
import pssProcMountRestricted from './pod-security/pss-proc-mount-restricted';
import pssRestrictedVolumes from './pod-security/pss-restricted-volumes';
import pssRunAsNonRoot from './pod-security/pss-run-as-non-root';
import pssRunAsUser from './pod-security/pss-run-as-user';
import pssSeccompBaseline from './pod-security/pss-seccomp-baseline';
import pssSeccompRestricted from './pod-security/pss-seccomp-restricted';
import pssSelinuxOptions from './pod-security/pss-selinux-options';
import pssSysctls from './pod-security/pss-sysctls';
import pssWindowsHostProcess from './pod-security/pss-windows-host-process';

export const RULES: readonly Rule[] = [
  pssAllowPrivilegeEscalation,
  pssApparmorProfile,
  pssCapabilitiesBaseline,
  pssCapabilitiesRestricted,
  pssHostNamespaces,
  pssHostPathVolumes,
  pssHostPorts,
  pssHostProbes,
  pssPrivileged,
  pssProcMount,
  pssProcMountRestricted,
  pssRestrictedVolumes,
  pssRunAsNonRoot,
  pssRunAsUser,
  pssSeccompBaseline,
  pssSeccompRestricted,
  pssSelinuxOptions,
  pssSysctls,
  pssWindowsHostProcess,
];

const BY_ID = new Map(RULES.map((rule) => [rule.id, rule]));

export function ruleById(id: string): Rule | undefined {
  return BY_ID.get(id);
}
