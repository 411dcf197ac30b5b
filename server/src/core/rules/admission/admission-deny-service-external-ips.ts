/**
 * kube-apiserver should enable DenyServiceExternalIPs (Kubernetes 1.21+), which rejects new
 * spec.externalIPs on Services: the mitigation of CVE-2020-8554, where any user who may create a
 * Service can intercept traffic to arbitrary IP addresses. (Some scanners still carry an old CIS
 * text that asks for the opposite; the checklist asks to restrict externalIPs.)
 */
import { defineRule } from '../define-rule';
import { componentData, componentsNamed, CONTROL_PLANE_KINDS } from '../../model/control-plane';

import { ADMISSION_REFERENCES, admissionState, APISERVER_POD } from '../shared/admission-plugins';

export default defineRule({
  id: 'admission-deny-service-external-ips',
  checklist: ['admission/plugins', 'network/restrict-loadbalancer-externalip'],
  scope: { kinds: CONTROL_PLANE_KINDS },
  defaultSeverity: 'warning',
  docs: {
    title: { en: 'DenyServiceExternalIPs admission plugin', 'zh-cn': 'DenyServiceExternalIPs 准入插件' },
    summary: {
      en: 'kube-apiserver should enable the DenyServiceExternalIPs admission plugin (Kubernetes 1.21 and later).',
      'zh-cn': 'kube-apiserver 应启用 DenyServiceExternalIPs 准入插件（Kubernetes 1.21 及以后）。',
    },
    why: {
      en: 'A Service with spec.externalIPs makes kube-proxy capture traffic sent to those addresses from inside the cluster. Anyone allowed to create or edit a Service can thus impersonate any IP address, an external database or an API, and read the traffic (CVE-2020-8554). The plugin refuses new external IPs.',
      'zh-cn': '带有 spec.externalIPs 的 Service 会让 kube-proxy 截获集群内发往这些地址的流量。因此任何能创建或修改 Service 的人都能冒充任意 IP 地址（外部数据库或 API）并读取流量（CVE-2020-8554）。该插件会拒绝新的外部 IP。',
    },
    remediation: {
      en: 'Add DenyServiceExternalIPs to `--enable-admission-plugins`; if some Services truly need external IPs, allow them through a policy engine instead.',
      'zh-cn': '把 DenyServiceExternalIPs 加入 `--enable-admission-plugins`；若某些 Service 确实需要外部 IP，请改由策略引擎有选择地放行。',
    },
    fixSafety: {
      en: 'Changes behaviour: creating Services with new externalIPs fails; existing ones keep working and may only drop addresses.',
      'zh-cn': '会改变行为：创建带有新 externalIPs 的 Service 将失败；已有的 Service 仍可工作，且只能删减地址。',
    },
    references: [...ADMISSION_REFERENCES, 'https://github.com/kubernetes/kubernetes/issues/97076'],
    examples: {
      incorrect: [...APISERVER_POD, '        - --enable-admission-plugins=NodeRestriction'].join('\n'),
      correct: [...APISERVER_POD, '        - --enable-admission-plugins=NodeRestriction,DenyServiceExternalIPs'].join('\n'),
    },
  },
  messages: {
    notEnabled: {
      en: '{{component}} in {{where}} does not enable DenyServiceExternalIPs: whoever can create a Service can capture traffic to any external IP (CVE-2020-8554)',
      'zh-cn': '{{where}} 中的 {{component}} 未启用 DenyServiceExternalIPs：能创建 Service 的人就能截获发往任意外部 IP 的流量（CVE-2020-8554）',
    },
  },
  check(context, resource) {
    for (const component of componentsNamed(resource, 'kube-apiserver')) {
      const state = admissionState(component, context.minorVersion);
      if (!state || state.minor < 21 || state.isEnabled('DenyServiceExternalIPs')) continue;
      context.report({ messageId: 'notEnabled', data: componentData(component), ...(state.disabledAt('DenyServiceExternalIPs') ?? state.addAt) });
    }
  },
});
