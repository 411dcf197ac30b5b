/**
 * Workloads that mount the cluster's CA keys from the node: a hostPath volume on a Kubernetes PKI
 * directory (/etc/kubernetes/pki of kubeadm, /etc/kubernetes/ssl, k3s, RKE2 and minikube
 * directories, kubespray's /etc/ssl/etcd), on a directory inside one, on a parent of one below the
 * first two levels (/etc/kubernetes: / and /etc are the hostPath rule's business), or on a file
 * named like a CA key anywhere (ca.key, ca-key.pem, front-proxy-ca.key). A single non-CA file inside
 * a PKI directory (ca.crt, apiserver.crt, sa.pub) is not reported. The expected users are the
 * control plane: kube-apiserver, kube-controller-manager, kube-scheduler and etcd in kube-system
 * (static Pods or self-hosted) are not reported.
 */
import { defineRule } from '../define-rule';
import { controlPlaneComponents } from '../../model/control-plane';
import { POD_TEMPLATE_KINDS, podTemplateOf } from '../../model/pod-spec';
import { recordAt, stringAt } from '../../model/values';

import { isCaKeyName } from './ca-private-key-stored';

const PKI_DIRECTORIES = [
  '/etc/kubernetes/pki',
  '/etc/kubernetes/ssl',
  '/etc/ssl/etcd',
  '/var/lib/minikube/certs',
  '/var/lib/rancher/k3s/server/tls',
  '/var/lib/rancher/rke2/server/tls',
];
/** Parents of PKI directories that are shared by unrelated software and say nothing by themselves. */
const GENERIC_PARENTS = new Set(['/var/lib', '/etc/ssl']);
const CONTROL_PLANE = new Set(['kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'etcd']);

function normalize(path: string): string {
  const collapsed = path.trim().replace(/\/+/g, '/').replace(/\/\.(?=\/|$)/g, '');
  return collapsed.length > 1 ? collapsed.replace(/\/$/, '') : collapsed;
}

/** Whether a host path exposes CA private keys. */
export function exposesCaKeys(raw: string): boolean {
  const path = normalize(raw);
  const base = path.slice(path.lastIndexOf('/') + 1);
  if (isCaKeyName(base)) return true;
  for (const directory of PKI_DIRECTORIES) {
    // The directory itself, or a subdirectory (pki/etcd holds etcd's CA key); a file with an extension is one file.
    if (path === directory || (path.startsWith(`${directory}/`) && !base.includes('.'))) return true;
    if (directory.startsWith(`${path}/`) && path.split('/').length > 2 && !GENERIC_PARENTS.has(path)) return true;
  }
  return false;
}

export default defineRule({
  id: 'ca-key-host-path',
  checklist: ['authn-authz/root-ca-protected'],
  scope: { kinds: POD_TEMPLATE_KINDS },
  defaultSeverity: 'warning',
  docs: {
    title: { en: 'CA keys mounted from the node', 'zh-cn': '从节点挂载 CA 私钥' },
    summary: {
      en: 'Only control-plane components should mount the Kubernetes PKI directory or CA key files from the node.',
      'zh-cn': '只有控制平面组件才应从节点挂载 Kubernetes PKI 目录或 CA 私钥文件。',
    },
    why: {
      en: 'The PKI directory of a control-plane node holds the cluster CA key, the front-proxy and etcd CA keys and the service account signing key. A Pod that mounts it can sign itself an administrator certificate that cannot be revoked, so a compromise of that Pod becomes a compromise of the cluster.',
      'zh-cn': '控制平面节点的 PKI 目录保存着集群 CA 私钥、front-proxy 和 etcd 的 CA 私钥以及服务账号签名密钥。挂载它的 Pod 可以给自己签发无法吊销的管理员证书，因此该 Pod 一旦被攻破，整个集群也随之失守。',
    },
    remediation: {
      en: 'Mount only the files the workload needs, such as ca.crt or a client certificate and key issued for it, preferably from a Secret rather than from the node.',
      'zh-cn': '只挂载工作负载需要的文件，例如 ca.crt 或为它签发的客户端证书和私钥，最好来自 Secret 而不是节点。',
    },
    fixSafety: {
      en: 'Changes behaviour if the workload signs certificates or reads keys it should not; it keeps working if it only needed the CA certificate.',
      'zh-cn': '如果工作负载会签发证书或读取本不该读取的私钥，其行为会改变；如果它只需要 CA 证书，则仍可正常工作。',
    },
    references: [
      'https://kubernetes.io/docs/concepts/security/security-checklist/#authentication-authorization',
      'https://kubernetes.io/docs/setup/best-practices/certificates/',
      'https://kubernetes.io/docs/concepts/storage/volumes/#hostpath',
    ],
    examples: {
      incorrect: 'volumes:\n  - name: pki\n    hostPath:\n      path: /etc/kubernetes/pki\n      type: Directory',
      correct: 'volumes:\n  - name: cluster-ca\n    hostPath:\n      path: /etc/kubernetes/pki/ca.crt\n      type: File',
    },
  },
  messages: {
    caKeys: {
      en: 'volume "{{volume}}" mounts {{path}} from the node: on control-plane nodes this gives the workload the cluster CA private keys',
      'zh-cn': '卷 "{{volume}}" 从节点挂载了 {{path}}：在控制平面节点上，这会让该工作负载拿到集群 CA 私钥',
    },
  },
  check(context, resource) {
    const template = podTemplateOf(resource);
    if (!template) return;
    if (resource.namespace === 'kube-system' && controlPlaneComponents(resource).some((component) => CONTROL_PLANE.has(component.name))) return;
    const volumes = (template.spec as unknown as Record<string, unknown>).volumes;
    if (!Array.isArray(volumes)) return;
    volumes.forEach((volume, index) => {
      const path = stringAt(recordAt(volume, 'hostPath'), 'path');
      if (path === undefined || !exposesCaKeys(path)) return;
      context.report({
        messageId: 'caKeys',
        data: { volume: stringAt(volume, 'name') ?? `#${index + 1}`, path },
        path: [...template.specPath, 'volumes', index, 'hostPath', 'path'],
      });
    });
  },
});
