/**
 * The Authentication & Authorization section's rules, listed explicitly and sorted by id.
 */
import type { Rule } from '../types';
import apiserverAuthorizationModeRbac from './apiserver-authorization-mode-rbac';
import apiserverTokenAuthFile from './apiserver-token-auth-file';
import caKeyHostPath from './ca-key-host-path';
import caPrivateKeyStored from './ca-private-key-stored';
import certManagerDurationLong from './cert-manager-duration-long';
import certificateExpired from './certificate-expired';
import certificateLifetimeLong from './certificate-lifetime-long';
import clusterSigningDurationLong from './cluster-signing-duration-long';
import controllerManagerSaCredentials from './controller-manager-sa-credentials';
import kubeletServingCertificate from './kubelet-serving-certificate';
import rbacApproveCsr from './rbac-approve-csr';
import rbacBindingDangerousRole from './rbac-binding-dangerous-role';
import rbacBindingRoleUnresolved from './rbac-binding-role-unresolved';
import rbacBindingToAnonymous from './rbac-binding-to-anonymous';
import rbacBindingToDefaultServiceAccount from './rbac-binding-to-default-service-account';
import rbacClusterAdminBinding from './rbac-cluster-admin-binding';
import rbacCreateTokens from './rbac-create-tokens';
import rbacEscalateBindImpersonate from './rbac-escalate-bind-impersonate';
import rbacNodesProxy from './rbac-nodes-proxy';
import rbacPodExecAttach from './rbac-pod-exec-attach';
import rbacReadSecrets from './rbac-read-secrets';
import rbacWebhookConfigWrite from './rbac-webhook-config-write';
import rbacWildcard from './rbac-wildcard';
import systemMastersClientCertificate from './system-masters-client-certificate';
import systemMastersCsr from './system-masters-csr';
import systemMastersGroupBinding from './system-masters-group-binding';
import workloadDefaultServiceAccount from './workload-default-service-account';

export const AUTHN_AUTHZ_RULES: readonly Rule[] = [
  apiserverAuthorizationModeRbac,
  apiserverTokenAuthFile,
  caKeyHostPath,
  caPrivateKeyStored,
  certManagerDurationLong,
  certificateExpired,
  certificateLifetimeLong,
  clusterSigningDurationLong,
  controllerManagerSaCredentials,
  kubeletServingCertificate,
  rbacApproveCsr,
  rbacBindingDangerousRole,
  rbacBindingRoleUnresolved,
  rbacBindingToAnonymous,
  rbacBindingToDefaultServiceAccount,
  rbacClusterAdminBinding,
  rbacCreateTokens,
  rbacEscalateBindImpersonate,
  rbacNodesProxy,
  rbacPodExecAttach,
  rbacReadSecrets,
  rbacWebhookConfigWrite,
  rbacWildcard,
  systemMastersClientCertificate,
  systemMastersCsr,
  systemMastersGroupBinding,
  workloadDefaultServiceAccount,
];
