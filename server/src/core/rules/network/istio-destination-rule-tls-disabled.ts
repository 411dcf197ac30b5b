/**
 * Istio DestinationRules that turn TLS off (`tls.mode: DISABLE`) for an in-cluster host, in the
 * top-level traffic policy, a port-level setting or a subset. Hosts outside the cluster (ServiceEntry
 * names such as `api.example.com`) are left alone: the item is about traffic inside the cluster.
 */
import { defineRule } from '../define-rule';
import { arrayAt, isRecord, PropertyPath, recordAt, stringAt } from '../../model/values';
import { setFix } from '../../edits/fix-builders';

import { isIstioResource } from '../shared/istio';

/** Short names, `*.svc...` and `*.local` names, and `*` are in-cluster hosts. */
function isClusterHost(host: string): boolean {
  return host === '*' || !host.includes('.') || /\.svc(\.|$)/.test(host) || /\.local$/.test(host);
}

/** Every `tls.mode` a traffic policy sets, with its path. */
function tlsModes(policy: unknown, path: PropertyPath): { mode: string; path: PropertyPath }[] {
  if (!isRecord(policy)) return [];
  const modes: { mode: string; path: PropertyPath }[] = [];
  const mode = recordAt(policy, 'tls')?.mode;
  if (typeof mode === 'string') modes.push({ mode: mode.toUpperCase(), path: [...path, 'tls', 'mode'] });
  arrayAt(policy, 'portLevelSettings').forEach((setting, i) => {
    const portMode = recordAt(setting, 'tls')?.mode;
    if (typeof portMode === 'string') modes.push({ mode: portMode.toUpperCase(), path: [...path, 'portLevelSettings', i, 'tls', 'mode'] });
  });
  return modes;
}

export default defineRule({
  id: 'istio-destination-rule-tls-disabled',
  checklist: ['network/service-mesh-encryption'],
  scope: { kinds: ['DestinationRule'] },
  defaultSeverity: 'warning',
  docs: {
    title: { en: 'Istio DestinationRule without TLS', 'zh-cn': '未启用 TLS 的 Istio DestinationRule' },
    summary: {
      en: 'A DestinationRule for an in-cluster host should not set tls.mode to DISABLE.',
      'zh-cn': '针对集群内主机的 DestinationRule 不应把 tls.mode 设为 DISABLE。',
    },
    why: {
      en: 'tls.mode DISABLE makes the client sidecars send plain text to the host, overriding the automatic mutual TLS of the mesh, so the traffic can be read and altered on the network. External hosts (names outside .svc and .local) are not reported.',
      'zh-cn': 'tls.mode 为 DISABLE 时，客户端边车会向该主机发送明文，覆盖网格的自动双向 TLS，流量在网络上可被读取和篡改。外部主机（不属于 .svc 和 .local 的名称）不会被报告。',
    },
    remediation: {
      en: 'Use ISTIO_MUTUAL (or remove the tls block so that automatic mutual TLS applies); for a server outside the mesh that speaks TLS, use SIMPLE or MUTUAL.',
      'zh-cn': '改用 ISTIO_MUTUAL（或删除 tls 配置，让自动双向 TLS 生效）；对于网格外但支持 TLS 的服务器，使用 SIMPLE 或 MUTUAL。',
    },
    fixSafety: {
      en: 'May change behaviour: a destination without a sidecar that only speaks plain text becomes unreachable.',
      'zh-cn': '可能改变行为：没有边车且只支持明文的目标将无法访问。',
    },
    references: ['https://istio.io/latest/docs/reference/config/networking/destination-rule/#ClientTLSSettings'],
    examples: {
      incorrect: 'apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: reviews\nspec:\n  host: reviews.shop.svc.cluster.local\n  trafficPolicy:\n    tls:\n      mode: DISABLE',
      correct: 'apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: reviews\nspec:\n  host: reviews.shop.svc.cluster.local\n  trafficPolicy:\n    tls:\n      mode: ISTIO_MUTUAL',
    },
  },
  messages: {
    disabled: {
      en: 'DestinationRule "{{name}}" sends plain text to {{host}} (tls.mode DISABLE)',
      'zh-cn': 'DestinationRule "{{name}}" 向 {{host}} 发送明文（tls.mode DISABLE）',
    },
    subset: {
      en: 'DestinationRule "{{name}}" sends plain text to subset "{{subset}}" of {{host}} (tls.mode DISABLE)',
      'zh-cn': 'DestinationRule "{{name}}" 向 {{host}} 的子集 "{{subset}}" 发送明文（tls.mode DISABLE）',
    },
  },
  check(context, resource) {
    if (!isIstioResource(resource, 'networking.istio.io')) return;
    const spec = recordAt(resource.value, 'spec');
    const host = stringAt(spec, 'host');
    if (!spec || !host || !isClusterHost(host)) return;
    const name = resource.name ?? '';
    for (const { mode, path } of tlsModes(spec.trafficPolicy, ['spec', 'trafficPolicy'])) {
      if (mode === 'DISABLE') context.report({ messageId: 'disabled', data: { name, host }, path, fixes: [setFix('suggestion', path, 'ISTIO_MUTUAL')] });
    }
    arrayAt(spec, 'subsets').forEach((subset, i) => {
      const subsetName = stringAt(subset, 'name') ?? `#${i + 1}`;
      for (const { mode, path } of tlsModes(recordAt(subset, 'trafficPolicy'), ['spec', 'subsets', i, 'trafficPolicy'])) {
        if (mode === 'DISABLE') context.report({ messageId: 'subset', data: { name, host, subset: subsetName }, path, fixes: [setFix('suggestion', path, 'ISTIO_MUTUAL')] });
      }
    });
  },
});
