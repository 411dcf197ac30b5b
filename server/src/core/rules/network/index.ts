/**
 * The Network security section's rules, listed explicitly and sorted by id.
 */
import type { Rule } from '../types';
import apiserverAnonymousAuth from './apiserver-anonymous-auth';
import apiserverAuthorizationAlwaysAllow from './apiserver-authorization-always-allow';
import apiserverEtcdClientTls from './apiserver-etcd-client-tls';
import apiserverInsecurePort from './apiserver-insecure-port';
import apiserverKubeletClientTls from './apiserver-kubelet-client-tls';
import cniNetworkPolicyUnenforced from './cni-network-policy-unenforced';
import controlPlaneBindAllInterfaces from './control-plane-bind-all-interfaces';
import etcdAutoTls from './etcd-auto-tls';
import etcdClientCertAuth from './etcd-client-cert-auth';
import etcdPeerCertAuth from './etcd-peer-cert-auth';
import etcdPlainHttp from './etcd-plain-http';
import hostNetworkMetadataApi from './host-network-metadata-api';
import istioDestinationRuleTlsDisabled from './istio-destination-rule-tls-disabled';
import istioMtlsDisabled from './istio-mtls-disabled';
import istioMtlsPermissive from './istio-mtls-permissive';
import kubeletAnonymousAuth from './kubelet-anonymous-auth';
import kubeletAuthorizationAlwaysAllow from './kubelet-authorization-always-allow';
import kubeletClientCa from './kubelet-client-ca';
import kubeletReadOnlyPort from './kubelet-read-only-port';
import metadataApiEgressUnrestricted from './metadata-api-egress-unrestricted';
import networkPolicyDefaultDeny from './network-policy-default-deny';
import networkPolicyMetadataEgress from './network-policy-metadata-egress';
import networkPolicyWorkloadCoverage from './network-policy-workload-coverage';
import rbacServiceStatusWrite from './rbac-service-status-write';
import serviceExposesControlPlane from './service-exposes-control-plane';
import serviceExternalIps from './service-external-ips';
import serviceLoadBalancerSourceRanges from './service-load-balancer-source-ranges';

export const NETWORK_RULES: readonly Rule[] = [
  apiserverAnonymousAuth,
  apiserverAuthorizationAlwaysAllow,
  apiserverEtcdClientTls,
  apiserverInsecurePort,
  apiserverKubeletClientTls,
  cniNetworkPolicyUnenforced,
  controlPlaneBindAllInterfaces,
  etcdAutoTls,
  etcdClientCertAuth,
  etcdPeerCertAuth,
  etcdPlainHttp,
  hostNetworkMetadataApi,
  istioDestinationRuleTlsDisabled,
  istioMtlsDisabled,
  istioMtlsPermissive,
  kubeletAnonymousAuth,
  kubeletAuthorizationAlwaysAllow,
  kubeletClientCa,
  kubeletReadOnlyPort,
  metadataApiEgressUnrestricted,
  networkPolicyDefaultDeny,
  networkPolicyMetadataEgress,
  networkPolicyWorkloadCoverage,
  rbacServiceStatusWrite,
  serviceExposesControlPlane,
  serviceExternalIps,
  serviceLoadBalancerSourceRanges,
];
