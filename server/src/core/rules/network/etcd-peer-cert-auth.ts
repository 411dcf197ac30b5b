/**
 * Members of a multi-member etcd must authenticate each other with certificates
 * (`--peer-client-cert-auth=true`). Judged only when etcd has peers: a peer URL on a non-loopback
 * address, or more than one member in --initial-cluster. A single local member has no peer traffic.
 */
import { defineRule } from '../define-rule';
import { booleanFlag, componentData, componentsNamed, CONTROL_PLANE_KINDS, flagLocation, flagOf, isLoopbackHost, parseUrlList } from '../../model/control-plane';

import { ETCD_POD, ETCD_REFERENCES } from '../shared/etcd';

const PEER_TLS = ['        - --peer-cert-file=/etc/kubernetes/pki/etcd/peer.crt', '        - --peer-key-file=/etc/kubernetes/pki/etcd/peer.key', '        - --peer-trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt', '        - --client-cert-auth=true'];

export default defineRule({
  id: 'etcd-peer-cert-auth',
  checklist: ['network/control-plane-not-exposed'],
  scope: { kinds: CONTROL_PLANE_KINDS },
  defaultSeverity: 'warning',
  docs: {
    title: { en: 'etcd peers without certificate authentication', 'zh-cn': 'etcd 成员之间未启用证书认证' },
    summary: {
      en: 'etcd members that talk to peers must run with --peer-client-cert-auth=true.',
      'zh-cn': '与其他成员通信的 etcd 成员必须以 --peer-client-cert-auth=true 运行。',
    },
    why: {
      en: 'The peer port replicates the whole database. Without peer certificate authentication, anyone who reaches it can join the cluster as a member, or pose as one, and receive every write, Secrets included.',
      'zh-cn': '成员端口会复制整个数据库。未启用成员证书认证时，任何能访问该端口的人都可以作为成员加入集群或冒充成员，从而收到所有写入数据，包括 Secret。',
    },
    remediation: {
      en: 'Set `--peer-client-cert-auth=true` with `--peer-trusted-ca-file`, `--peer-cert-file` and `--peer-key-file`, and use https:// peer URLs.',
      'zh-cn': '设置 `--peer-client-cert-auth=true`，并配置 `--peer-trusted-ca-file`、`--peer-cert-file` 和 `--peer-key-file`，同时使用 https:// 的成员地址。',
    },
    fixSafety: {
      en: 'Changes behaviour: every member needs a peer certificate from the trusted CA before the flag is turned on, or the cluster loses quorum.',
      'zh-cn': '会改变行为：启用前每个成员都需要受信任 CA 签发的成员证书，否则集群会失去法定人数。',
    },
    references: ETCD_REFERENCES,
    examples: {
      incorrect: [...ETCD_POD, ...PEER_TLS].join('\n'),
      correct: [...ETCD_POD, ...PEER_TLS, '        - --peer-client-cert-auth=true'].join('\n'),
    },
  },
  messages: {
    missing: {
      en: '{{component}} in {{where}} has peers but runs without --peer-client-cert-auth=true: anyone who reaches the peer port can join or impersonate a member',
      'zh-cn': '{{where}} 中的 {{component}} 有其他成员，但未设置 --peer-client-cert-auth=true：任何能访问成员端口的人都可以加入或冒充成员',
    },
    disabled: {
      en: '{{component}} in {{where}} sets peer-client-cert-auth to {{value}}: anyone who reaches the peer port can join or impersonate a member',
      'zh-cn': '{{where}} 中的 {{component}} 将 peer-client-cert-auth 设为 {{value}}：任何能访问成员端口的人都可以加入或冒充成员',
    },
  },
  check(context, resource) {
    for (const component of componentsNamed(resource, 'etcd')) {
      const flag = flagOf(component, 'peer-client-cert-auth');
      if (component.opaque || flag?.unknown || booleanFlag(component, 'peer-client-cert-auth') === true) continue;
      const peerUrls = component.flags.get('listen-peer-urls');
      const members = component.flags.get('initial-cluster');
      const hasPeers =
        (peerUrls !== undefined && parseUrlList(peerUrls.value).some((url) => !isLoopbackHost(url.host))) ||
        (members !== undefined && members.value.split(',').filter((member) => member.includes('=')).length > 1);
      if (!hasPeers) continue;
      context.report({ messageId: flag ? 'disabled' : 'missing', data: { ...componentData(component), value: flag?.value ?? '' }, ...flagLocation(component, flag) });
    }
  },
});
