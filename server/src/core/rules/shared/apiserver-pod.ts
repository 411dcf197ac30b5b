/**
 * A kube-apiserver static Pod as example text for the flag rules, and their references.
 */
export const APISERVER_POD: readonly string[] = [
  'apiVersion: v1', 'kind: Pod', 'metadata:', '  name: kube-apiserver', '  namespace: kube-system', 'spec:', '  hostNetwork: true', '  containers:',
  '    - name: kube-apiserver', '      image: registry.k8s.io/kube-apiserver:v1.31.0', '      command:', '        - kube-apiserver',
  '        - --etcd-servers=https://127.0.0.1:2379',
];

export const APISERVER_REFERENCES: readonly string[] = [
  'https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/',
  'https://kubernetes.io/docs/concepts/security/security-checklist/',
];
