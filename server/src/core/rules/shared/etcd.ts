/**
 * Pieces shared by the etcd rules: a static Pod of the cluster's etcd as example text, and the
 * references.
 */
export const ETCD_POD: readonly string[] = [
  'apiVersion: v1', 'kind: Pod', 'metadata:', '  name: etcd', '  namespace: kube-system', 'spec:', '  hostNetwork: true', '  containers:',
  '    - name: etcd', '      image: registry.k8s.io/etcd:3.5.15-0', '      command:', '        - etcd',
  '        - --listen-client-urls=https://127.0.0.1:2379,https://10.0.0.10:2379',
  '        - --listen-peer-urls=https://10.0.0.10:2380',
  '        - --cert-file=/etc/kubernetes/pki/etcd/server.crt',
  '        - --key-file=/etc/kubernetes/pki/etcd/server.key',
  '        - --trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt',
];

export const ETCD_REFERENCES: readonly string[] = [
  'https://etcd.io/docs/v3.5/op-guide/security/',
  'https://kubernetes.io/docs/tasks/administer-cluster/configure-upgrade-etcd/#securing-etcd-clusters',
  'https://kubernetes.io/docs/concepts/security/security-checklist/#network-security',
];
