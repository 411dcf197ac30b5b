/**
 * Egress rules that let Pods reach the cloud metadata API (169.254.169.254, and fd00:ec2::254 on
 * AWS IPv6): a rule with no destination list, or an ipBlock whose range holds the address without
 * an `except` for it, on ports that include TCP 80. The semantics live in shared/metadata-egress.ts.
 */
import { defineRule } from '../define-rule';
import type { Fix } from '../../edits/types';

import { ciliumMetadataHits, networkPolicyMetadataHits } from '../shared/metadata-egress';

const CILIUM_KINDS = ['CiliumNetworkPolicy', 'CiliumClusterwideNetworkPolicy'];

export default defineRule({
  id: 'network-policy-metadata-egress',
  checklist: ['network/metadata-api-filtered'],
  scope: { kinds: ['NetworkPolicy', ...CILIUM_KINDS] },
  defaultSeverity: 'warning',
  docs: {
    title: { en: 'Egress to the cloud metadata API', 'zh-cn': '允许出站访问云元数据 API' },
    summary: {
      en: 'NetworkPolicy egress rules should not admit the cloud metadata address 169.254.169.254: add it to the except list of wide ipBlock ranges, and do not leave rules without a destination list.',
      'zh-cn': 'NetworkPolicy 的出站规则不应放行云元数据地址 169.254.169.254：在范围较大的 ipBlock 的 except 中排除它，也不要留下没有目标列表的规则。',
    },
    why: {
      en: 'The metadata API of a cloud VM hands out the node\'s cloud credentials and bootstrap data to any process that asks over plain HTTP. A Pod that reaches it can act with the node\'s cloud identity. An egress rule without `to` (or with `to: []`) admits every destination on its ports; an ipBlock such as 0.0.0.0/0 includes the metadata address unless an `except` covers it. Rules whose ports cannot carry TCP port 80 are not reported, and policies whose policyTypes leave out Egress are ignored, as Kubernetes ignores them.',
      'zh-cn': '云虚拟机的元数据 API 会通过明文 HTTP 向任何请求者提供节点的云凭据和引导数据。能访问它的 Pod 就能以节点的云身份行事。没有 `to`（或 `to: []`）的出站规则会在其端口上放行所有目标；0.0.0.0/0 这样的 ipBlock 除非用 `except` 排除，否则包含元数据地址。端口不可能承载 TCP 80 的规则不会被报告；policyTypes 不含 Egress 的策略会被忽略，与 Kubernetes 的处理一致。',
    },
    remediation: {
      en: 'Add `169.254.169.254/32` (and `fd00:ec2::254/128` for IPv6 ranges) to the ipBlock\'s except list, and give every egress rule an explicit `to` list or ports that exclude TCP 80. Block the address on the nodes too (for example IMDSv2 with a hop limit of 1 on AWS, or GKE Workload Identity).',
      'zh-cn': '把 `169.254.169.254/32`（IPv6 范围还需 `fd00:ec2::254/128`）加入 ipBlock 的 except 列表，并为每条出站规则写明 `to` 列表，或只放行不含 TCP 80 的端口。同时在节点上屏蔽该地址（例如 AWS 上使用跳数限制为 1 的 IMDSv2，或 GKE Workload Identity）。',
    },
    fixSafety: {
      en: 'May change behaviour: workloads that rely on the node\'s metadata credentials lose them and need their own workload identity.',
      'zh-cn': '可能改变行为：依赖节点元数据凭据的工作负载将无法获取凭据，需要改用自己的工作负载身份。',
    },
    references: [
      'https://kubernetes.io/docs/concepts/services-networking/network-policies/',
      'https://kubernetes.io/docs/concepts/security/security-checklist/#network-security',
      'https://docs.cilium.io/en/stable/security/policy/language/',
    ],
    examples: {
      incorrect:
        'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: internet\nspec:\n  podSelector: {}\n  policyTypes: [Egress]\n  egress:\n    - to:\n        - ipBlock:\n            cidr: 0.0.0.0/0',
      correct:
        'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: internet\nspec:\n  podSelector: {}\n  policyTypes: [Egress]\n  egress:\n    - to:\n        - ipBlock:\n            cidr: 0.0.0.0/0\n            except:\n              - 169.254.169.254/32',
    },
  },
  messages: {
    allDestinations: {
      en: '{{kind}} "{{name}}" egress rule {{rule}} has no destination list, so it admits every address, including the cloud metadata API {{address}}',
      'zh-cn': '{{kind}} "{{name}}" 的第 {{rule}} 条出站规则没有目标列表，因此放行所有地址，包括云元数据 API {{address}}',
    },
    cidr: {
      en: '{{kind}} "{{name}}" egress rule {{rule}} admits {{cidr}}, which holds the cloud metadata API {{address}}, without excepting it',
      'zh-cn': '{{kind}} "{{name}}" 的第 {{rule}} 条出站规则放行 {{cidr}}，其中包含云元数据 API {{address}}，却没有排除它',
    },
    entity: {
      en: '{{kind}} "{{name}}" egress rule {{rule}} admits the "{{entity}}" entity, which includes the cloud metadata API {{address}}',
      'zh-cn': '{{kind}} "{{name}}" 的第 {{rule}} 条出站规则放行 "{{entity}}" 实体，其中包含云元数据 API {{address}}',
    },
  },
  check(context, resource) {
    let hits;
    if (resource.kind === 'NetworkPolicy') {
      if (resource.apiVersion !== 'networking.k8s.io/v1') return;
      hits = networkPolicyMetadataHits(resource.value);
    } else {
      if (!resource.apiVersion.startsWith('cilium.io/')) return;
      hits = ciliumMetadataHits(resource.value);
    }
    for (const hit of hits) {
      const ruleIndex = hit.path[hit.path.indexOf('egress') + 1];
      const base = { kind: resource.kind, name: resource.name ?? '', rule: Number(ruleIndex) + 1, address: hit.address };
      if (hit.kind === 'all') {
        context.report({ messageId: 'allDestinations', data: base, path: hit.path, target: 'key' });
      } else if (hit.kind === 'cidr') {
        // Excepting the single address keeps the rule's intent (reach the rest of the range).
        const except = `${hit.address}${hit.address.includes(':') ? '/128' : '/32'}`;
        const fixes: Fix[] =
          resource.kind === 'NetworkPolicy' && hit.path[hit.path.length - 1] === 'cidr'
            ? [{ tier: 'suggestion', title: { id: 'append', data: { field: 'ipBlock.except', value: except } }, ops: [{ op: 'append', path: [...hit.path.slice(0, -1), 'except'], value: except }] }]
            : [];
        context.report({ messageId: 'cidr', data: { ...base, cidr: hit.cidr }, path: hit.path, fixes });
      } else {
        context.report({ messageId: 'entity', data: { ...base, entity: hit.entity }, path: hit.path });
      }
    }
  },
});
