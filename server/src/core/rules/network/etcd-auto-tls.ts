/**
 * etcd must not generate its own self-signed certificates (`--auto-tls`, `--peer-auto-tls`): nobody
 * can verify them, and with them etcd cannot check the certificates of its clients or peers.
 */
import { defineRule } from '../define-rule';
import { componentData, componentsNamed, CONTROL_PLANE_KINDS, parseGoBool } from '../../model/control-plane';

import { ETCD_POD, ETCD_REFERENCES } from '../shared/etcd';

export default defineRule({
  id: 'etcd-auto-tls',
  checklist: ['network/control-plane-not-exposed'],
  scope: { kinds: CONTROL_PLANE_KINDS },
  defaultSeverity: 'warning',
  docs: {
    title: { en: 'etcd with self-signed automatic TLS', 'zh-cn': 'etcd 使用自签名的自动 TLS' },
    summary: {
      en: 'etcd must not run with --auto-tls=true or --peer-auto-tls=true.',
      'zh-cn': 'etcd 不得以 --auto-tls=true 或 --peer-auto-tls=true 运行。',
    },
    why: {
      en: 'Automatic TLS makes etcd create a throwaway self-signed certificate. Clients and peers cannot verify it, so a man in the middle goes unnoticed, and since no CA is involved, certificate-based authentication of clients or peers is not possible either.',
      'zh-cn': '自动 TLS 会让 etcd 生成一次性的自签名证书。客户端和其他成员无法验证它，中间人攻击不会被发现；而且由于没有 CA，也无法基于证书认证客户端或成员。',
    },
    remediation: {
      en: 'Remove --auto-tls and --peer-auto-tls and give etcd certificates from a CA: --cert-file/--key-file/--trusted-ca-file and the --peer-* equivalents.',
      'zh-cn': '删除 --auto-tls 和 --peer-auto-tls，为 etcd 配置由 CA 签发的证书：--cert-file/--key-file/--trusted-ca-file 以及对应的 --peer-* 参数。',
    },
    fixSafety: {
      en: 'Changes behaviour: clients and peers must trust the new CA.',
      'zh-cn': '会改变行为：客户端和其他成员必须信任新的 CA。',
    },
    references: ETCD_REFERENCES,
    examples: { incorrect: [...ETCD_POD, '        - --peer-auto-tls=true'].join('\n'), correct: [...ETCD_POD, '        - --client-cert-auth=true'].join('\n') },
  },
  messages: {
    autoTls: {
      en: '{{component}} in {{where}} sets {{flag}} to {{value}}: it serves a self-signed certificate nobody can verify',
      'zh-cn': '{{where}} 中的 {{component}} 将 {{flag}} 设为 {{value}}：它使用无人能验证的自签名证书',
    },
  },
  check(context, resource) {
    for (const component of componentsNamed(resource, 'etcd')) {
      if (component.opaque) continue;
      for (const name of ['auto-tls', 'peer-auto-tls']) {
        const flag = component.flags.get(name);
        if (!flag || flag.unknown || parseGoBool(flag.value) !== true) continue;
        context.report({ messageId: 'autoTls', data: { ...componentData(component), flag: name, value: flag.value }, path: flag.path, target: flag.target });
      }
    }
  },
});
