/**
 * Istio PeerAuthentication with mTLS mode DISABLE: the selected workloads accept plain-text
 * traffic and their peers send it. Mesh-wide (root namespace, no selector) is the worst case and
 * the message says so.
 */
import { defineRule } from '../define-rule';
import { setFix } from '../../edits/fix-builders';

import { isIstioResource, mtlsModes, peerAuthenticationScope } from '../shared/istio';

export default defineRule({
  id: 'istio-mtls-disabled',
  checklist: ['network/service-mesh-encryption'],
  scope: { kinds: ['PeerAuthentication'] },
  defaultSeverity: 'warning',
  docs: {
    title: { en: 'Istio mutual TLS disabled', 'zh-cn': 'Istio 双向 TLS 被禁用' },
    summary: {
      en: 'A PeerAuthentication should not set the mTLS mode to DISABLE, for the whole spec or for a port.',
      'zh-cn': 'PeerAuthentication 不应把 mTLS 模式设为 DISABLE，无论是整体设置还是针对某个端口。',
    },
    why: {
      en: 'With DISABLE the sidecars neither require nor offer mutual TLS, so traffic between the workloads travels unencrypted and unauthenticated inside the cluster network. In the root namespace (istio-system) without a selector the setting covers the whole mesh.',
      'zh-cn': '设为 DISABLE 后，边车既不要求也不提供双向 TLS，工作负载之间的流量在集群网络中未加密、未认证。放在根命名空间（istio-system）且没有选择器时，该设置覆盖整个网格。',
    },
    remediation: {
      en: 'Set mtls.mode to STRICT (or remove the override so that a stricter parent policy applies); exempt only the ports that truly need plain text, with portLevelMtls.',
      'zh-cn': '把 mtls.mode 设为 STRICT（或删除该覆盖设置，让更严格的上级策略生效）；只通过 portLevelMtls 豁免确实需要明文的端口。',
    },
    fixSafety: {
      en: 'Changes behaviour: clients without a sidecar can no longer connect to the workloads.',
      'zh-cn': '会改变行为：没有边车的客户端将无法再连接这些工作负载。',
    },
    references: [
      'https://istio.io/latest/docs/reference/config/security/peer_authentication/',
      'https://kubernetes.io/docs/concepts/security/security-checklist/#network-security',
    ],
    examples: {
      incorrect: 'apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata:\n  name: default\n  namespace: shop\nspec:\n  mtls:\n    mode: DISABLE',
      correct: 'apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata:\n  name: default\n  namespace: shop\nspec:\n  mtls:\n    mode: STRICT',
    },
  },
  messages: {
    mesh: {
      en: 'PeerAuthentication "{{name}}" disables mutual TLS for the whole mesh',
      'zh-cn': 'PeerAuthentication "{{name}}" 为整个网格禁用了双向 TLS',
    },
    namespace: {
      en: 'PeerAuthentication "{{name}}" disables mutual TLS for every workload of its namespace',
      'zh-cn': 'PeerAuthentication "{{name}}" 为其所在命名空间的所有工作负载禁用了双向 TLS',
    },
    workload: {
      en: 'PeerAuthentication "{{name}}" disables mutual TLS for the workloads it selects',
      'zh-cn': 'PeerAuthentication "{{name}}" 为其选中的工作负载禁用了双向 TLS',
    },
    port: {
      en: 'PeerAuthentication "{{name}}" disables mutual TLS on port {{port}}',
      'zh-cn': 'PeerAuthentication "{{name}}" 在端口 {{port}} 上禁用了双向 TLS',
    },
  },
  check(context, resource) {
    if (!isIstioResource(resource, 'security.istio.io')) return;
    const name = resource.name ?? '';
    for (const { mode, path, port } of mtlsModes(resource)) {
      if (mode !== 'DISABLE') continue;
      const fixes = [setFix('suggestion', path, 'STRICT')];
      if (port !== undefined) context.report({ messageId: 'port', data: { name, port }, path, fixes });
      else context.report({ messageId: peerAuthenticationScope(resource), data: { name }, path, fixes });
    }
  },
});
