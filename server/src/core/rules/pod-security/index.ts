/**
 * The Pod security section's rules, listed explicitly and sorted by id.
 */
import type { Rule } from '../types';
import apparmorSelinuxUnset from './apparmor-selinux-unset';
import containerMemoryLimit from './container-memory-limit';
import kubeletSeccompDefault from './kubelet-seccomp-default';
import namespacePssAuditWarnWeaker from './namespace-pss-audit-warn-weaker';
import namespacePssEnforce from './namespace-pss-enforce';
import namespacePssInvalidLabels from './namespace-pss-invalid-labels';
import namespacePssVersionPinned from './namespace-pss-version-pinned';
import podTemplateLocation from './pod-template-location';
import psaNamespaceEnforceViolation from './psa-namespace-enforce-violation';
import psaNamespaceWarnViolation from './psa-namespace-warn-violation';
import pssAllowPrivilegeEscalation from './pss-allow-privilege-escalation';
import pssApparmorProfile from './pss-apparmor-profile';
import pssCapabilitiesBaseline from './pss-capabilities-baseline';
import pssCapabilitiesRestricted from './pss-capabilities-restricted';
import pssHostNamespaces from './pss-host-namespaces';
import pssHostPathVolumes from './pss-host-path-volumes';
import pssHostPorts from './pss-host-ports';
import pssHostProbes from './pss-host-probes';
import pssPrivileged from './pss-privileged';
import pssProcMount from './pss-proc-mount';
import pssProcMountRestricted from './pss-proc-mount-restricted';
import pssRestrictedVolumes from './pss-restricted-volumes';
import pssRunAsNonRoot from './pss-run-as-non-root';
import pssRunAsUser from './pss-run-as-user';
import pssSeccompBaseline from './pss-seccomp-baseline';
import pssSeccompRestricted from './pss-seccomp-restricted';
import pssSelinuxOptions from './pss-selinux-options';
import pssSysctls from './pss-sysctls';
import pssWindowsHostProcess from './pss-windows-host-process';
import seccompProfileUnset from './seccomp-profile-unset';
import sensitiveCpuLimit from './sensitive-cpu-limit';
import unparseableManifest from './unparseable-manifest';
import workloadWriteRbac from './workload-write-rbac';

export const POD_SECURITY_RULES: readonly Rule[] = [
  apparmorSelinuxUnset,
  containerMemoryLimit,
  kubeletSeccompDefault,
  namespacePssAuditWarnWeaker,
  namespacePssEnforce,
  namespacePssInvalidLabels,
  namespacePssVersionPinned,
  podTemplateLocation,
  psaNamespaceEnforceViolation,
  psaNamespaceWarnViolation,
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
  seccompProfileUnset,
  sensitiveCpuLimit,
  unparseableManifest,
  workloadWriteRbac,
];
