/**
 * The Admission controllers section's rules, listed explicitly and sorted by id.
 */
import type { Rule } from '../types';
import admissionAlwaysAdmit from './admission-always-admit';
import admissionDenyServiceExternalIps from './admission-deny-service-external-ips';
import admissionHardeningPlugins from './admission-hardening-plugins';
import admissionNodeRestriction from './admission-node-restriction';
import admissionPluginsInvalid from './admission-plugins-invalid';
import admissionSecurityPluginDisabled from './admission-security-plugin-disabled';
import podSecurityAdmissionDefaults from './pod-security-admission-defaults';
import podSecurityAdmissionExemptions from './pod-security-admission-exemptions';
import podSecurityAdmissionVersionPinned from './pod-security-admission-version-pinned';
import webhookFailurePolicyIgnore from './webhook-failure-policy-ignore';
import webhookHttpUrl from './webhook-http-url';
import webhookNamespaceSelectorOptOut from './webhook-namespace-selector-opt-out';
import webhookObjectSelectorOptOut from './webhook-object-selector-opt-out';
import webhookSkipsEphemeralContainers from './webhook-skips-ephemeral-containers';
import webhookTimeoutLong from './webhook-timeout-long';
import webhookUrlWithoutCaBundle from './webhook-url-without-ca-bundle';

export const ADMISSION_RULES: readonly Rule[] = [
  admissionAlwaysAdmit,
  admissionDenyServiceExternalIps,
  admissionHardeningPlugins,
  admissionNodeRestriction,
  admissionPluginsInvalid,
  admissionSecurityPluginDisabled,
  podSecurityAdmissionDefaults,
  podSecurityAdmissionExemptions,
  podSecurityAdmissionVersionPinned,
  webhookFailurePolicyIgnore,
  webhookHttpUrl,
  webhookNamespaceSelectorOptOut,
  webhookObjectSelectorOptOut,
  webhookSkipsEphemeralContainers,
  webhookTimeoutLong,
  webhookUrlWithoutCaBundle,
];
