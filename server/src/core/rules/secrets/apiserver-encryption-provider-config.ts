/**
 * kube-apiserver must encrypt Secrets at rest: without --encryption-provider-config (before 1.13
 * --experimental-encryption-provider-config) they are stored in etcd as plain data.
 */
import { defineRule } from '../define-rule';
import { componentData, componentsNamed, CONTROL_PLANE_KINDS } from '../../model/control-plane';

import { ENCRYPTION_REFERENCES } from '../shared/encryption-config';

const POD = [
  'apiVersion: v1', 'kind: Pod', 'metadata:', '  name: kube-apiserver', '  namespace: kube-system', 'spec:', '  containers:',
  '    - name: kube-apiserver', '      image: registry.k8s.io/kube-apiserver:v1.31.0', '      command:', '        - kube-apiserver',
  '        - --authorization-mode=Node,RBAC',
];

export default defineRule({
  id: 'apiserver-encryption-provider-config',
  checklist: ['secrets/encryption-at-rest'],
  scope: { kinds: CONTROL_PLANE_KINDS },
  defaultSeverity: 'warning',
  docs: {
    title: { en: 'Secrets not encrypted at rest', 'zh-cn': 'Secret 未进行静态加密' },
    summary: {
      en: 'kube-apiserver must run with --encryption-provider-config so that Secrets are encrypted in etcd.',
      'zh-cn': 'kube-apiserver 必须以 --encryption-provider-config 运行，使 Secret 在 etcd 中加密存储。',
    },
    why: {
      en: 'Without an encryption configuration the API server writes Secrets to etcd as they are, only base64 encoded. Anyone who gets an etcd backup, a disk snapshot or read access to etcd reads every password, token and key of the cluster.',
      'zh-cn': '没有加密配置时，API 服务器会把 Secret 原样写入 etcd，仅做 base64 编码。任何拿到 etcd 备份、磁盘快照或 etcd 读权限的人都能读到集群的所有密码、令牌和密钥。',
    },
    remediation: {
      en: 'Write an EncryptionConfiguration whose first provider for secrets is kms (v2) or secretbox, pass it with `--encryption-provider-config` (mounted read-only into the static Pod), then rewrite existing Secrets so they get encrypted.',
      'zh-cn': '编写一个 EncryptionConfiguration，使 secrets 的第一个提供者为 kms（v2）或 secretbox，通过 `--encryption-provider-config` 传入（以只读方式挂载进静态 Pod），然后重写现有 Secret 使其被加密。',
    },
    fixSafety: {
      en: 'Safe once the key is kept safely: losing the key makes every Secret written after the change unreadable.',
      'zh-cn': '只要妥善保管密钥即可安全使用：一旦丢失密钥，变更后写入的所有 Secret 都将无法读取。',
    },
    references: ENCRYPTION_REFERENCES,
    examples: { incorrect: POD.join('\n'), correct: [...POD, '        - --encryption-provider-config=/etc/kubernetes/enc/encryption-config.yaml'].join('\n') },
  },
  messages: {
    missing: {
      en: '{{component}} in {{where}} runs without --encryption-provider-config: Secrets are stored unencrypted in etcd',
      'zh-cn': '{{where}} 中的 {{component}} 未设置 --encryption-provider-config：Secret 以未加密形式存储在 etcd 中',
    },
  },
  check(context, resource) {
    for (const component of componentsNamed(resource, 'kube-apiserver')) {
      const configured = ['encryption-provider-config', 'experimental-encryption-provider-config'].some((name) => {
        const flag = component.flags.get(name);
        return flag !== undefined && (flag.unknown || flag.value.trim() !== '');
      });
      if (!configured) context.report({ messageId: 'missing', data: componentData(component), ...component.anchor });
    }
  },
});
