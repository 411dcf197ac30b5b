/**
 * Istio PeerAuthentication with mTLS mode PERMISSIVE: the workloads still accept plain text. It is
 * Istio's default and a normal step while migrating, hence info; mesh-wide is named in the message.
 */
import { defineRule } from '../define-rule';
import { setFix } from '../../edits/fix-builders';

import { isIstioResource, mtlsModes, peerAuthenticationScope } from '../shared/istio';

export default defineRule({
  id: 'istio-mtls-permissive',
  checklist: ['network/service-mesh-encryption'],
  scope: { kinds: ['PeerAuthentication'] },
  defaultSeverity: 'info',
  docs: {
    title: { en: 'Istio mutual TLS only permissive', 'zh-cn': 'Istio 双向 TLS 仅为宽松模式' },
    summary: {
      en: 'A PeerAuthentication in PERMISSIVE mode accepts both mutual TLS and plain text; STRICT is the goal once every client has a sidecar.',
      'zh-cn': 'PERMISSIVE 模式的 PeerAuthentication 同时接受双向 TLS 和明文；当所有客户端都有边车后，应以 STRICT 为目标。',
    },
    why: {
      en: 'In PERMISSIVE mode a client without a sidecar, or an attacker inside the cluster network, can still talk to the workloads in plain text and without a verified identity. It is the default and a useful step during migration, which is why this is advice rather than a warning.',
      'zh-cn': '在 PERMISSIVE 模式下，没有边车的客户端或集群网络中的攻击者仍能以明文、且不经身份校验地访问这些工作负载。这是默认值，也是迁移过程中有用的过渡步骤，因此这里只是建议而非警告。',
    },
    remediation: {
      en: 'When every client of the workloads runs in the mesh, set mtls.mode to STRICT (mesh-wide in the root namespace, or per namespace).',
      'zh-cn': '当这些工作负载的所有客户端都已加入网格后，把 mtls.mode 设为 STRICT（在根命名空间中全网格设置，或按命名空间设置）。',
    },
    fixSafety: {
      en: 'Changes behaviour: clients without a sidecar can no longer connect.',
      'zh-cn': '会改变行为：没有边车的客户端将无法再连接。',
    },
    references: [
      'https://istio.io/latest/docs/reference/config/security/peer_authentication/',
      'https://istio.io/latest/docs/tasks/security/authentication/mtls-migration/',
    ],
    examples: {
      incorrect: 'apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata:\n  name: default\n  namespace: istio-system\nspec:\n  mtls:\n    mode: PERMISSIVE',
      correct: 'apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata:\n  name: default\n  namespace: istio-system\nspec:\n  mtls:\n    mode: STRICT',
    },
  },
  messages: {
    mesh: {
      en: 'PeerAuthentication "{{name}}" lets the whole mesh accept plain text (mTLS PERMISSIVE)',
      'zh-cn': 'PeerAuthentication "{{name}}" 让整个网格都接受明文（mTLS PERMISSIVE）',
    },
    namespace: {
      en: 'PeerAuthentication "{{name}}" lets every workload of its namespace accept plain text (mTLS PERMISSIVE)',
      'zh-cn': 'PeerAuthentication "{{name}}" 让其所在命名空间的所有工作负载都接受明文（mTLS PERMISSIVE）',
    },
    workload: {
      en: 'PeerAuthentication "{{name}}" lets the workloads it selects accept plain text (mTLS PERMISSIVE)',
      'zh-cn': 'PeerAuthentication "{{name}}" 让其选中的工作负载接受明文（mTLS PERMISSIVE）',
    },
    port: {
      en: 'PeerAuthentication "{{name}}" accepts plain text on port {{port}} (mTLS PERMISSIVE)',
      'zh-cn': 'PeerAuthentication "{{name}}" 在端口 {{port}} 上接受明文（mTLS PERMISSIVE）',
    },
  },
  check(context, resource) {
    if (!isIstioResource(resource, 'security.istio.io')) return;
    const name = resource.name ?? '';
    for (const { mode, path, port } of mtlsModes(resource)) {
      if (mode !== 'PERMISSIVE') continue;
      const fixes = [setFix('suggestion', path, 'STRICT')];
      if (port !== undefined) context.report({ messageId: 'port', data: { name, port }, path, fixes });
      else context.report({ messageId: peerAuthenticationScope(resource), data: { name }, path, fixes });
    }
  },
});
