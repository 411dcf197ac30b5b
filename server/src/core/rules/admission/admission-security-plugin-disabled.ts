/**
 * Default-on admission plugins that enforce security must stay on: PodSecurity (1.23+),
 * ServiceAccount, NamespaceLifecycle, the webhook and ValidatingAdmissionPolicy plugins that
 * policy engines rely on, and the certificate plugins that keep CSRs from minting system:masters.
 * Switched off by --disable-admission-plugins, or left out of a --admission-control list.
 */
import { defineRule } from '../define-rule';
import { componentData, componentsNamed, CONTROL_PLANE_KINDS } from '../../model/control-plane';

import { ADMISSION_REFERENCES, admissionState, APISERVER_POD, SECURITY_DEFAULTS } from '../shared/admission-plugins';

export default defineRule({
  id: 'admission-security-plugin-disabled',
  checklist: ['admission/plugins', 'admission/pod-security'],
  scope: { kinds: CONTROL_PLANE_KINDS },
  defaultSeverity: 'warning',
  docs: {
    title: { en: 'Security admission plugin switched off', 'zh-cn': '安全相关的准入插件被关闭' },
    summary: {
      en: 'kube-apiserver must keep its default security plugins on: PodSecurity, ServiceAccount, NamespaceLifecycle, the admission webhooks and policies, and the certificate plugins.',
      'zh-cn': 'kube-apiserver 必须保持其默认的安全插件开启：PodSecurity、ServiceAccount、NamespaceLifecycle、准入 Webhook 与策略插件，以及证书相关插件。',
    },
    why: {
      en: 'Turning off PodSecurity ignores every pod-security.kubernetes.io label; turning off the webhook or ValidatingAdmissionPolicy plugins silently disables policy engines such as Kyverno or Gatekeeper; without CertificateSubjectRestriction a CSR can ask for the system:masters group; without ServiceAccount or NamespaceLifecycle Pods escape their account and namespace rules.',
      'zh-cn': '关闭 PodSecurity 会使所有 pod-security.kubernetes.io 标签失效；关闭 Webhook 或 ValidatingAdmissionPolicy 插件会悄无声息地让 Kyverno、Gatekeeper 等策略引擎失效；没有 CertificateSubjectRestriction，CSR 就能申请 system:masters 组；没有 ServiceAccount 或 NamespaceLifecycle，Pod 会绕开服务账号和命名空间的规则。',
    },
    remediation: {
      en: 'Remove the plugin from --disable-admission-plugins (or add it back to the --admission-control list, better replaced by --enable-admission-plugins).',
      'zh-cn': '把该插件从 --disable-admission-plugins 中删除（或把它加回 --admission-control 列表，最好改用 --enable-admission-plugins）。',
    },
    fixSafety: {
      en: 'Changes behaviour: requests the plugin rejects (Pods violating namespace labels, webhook denials) start failing.',
      'zh-cn': '会改变行为：该插件拒绝的请求（违反命名空间标签的 Pod、被 Webhook 拒绝的请求）将开始失败。',
    },
    references: ADMISSION_REFERENCES,
    examples: {
      incorrect: [...APISERVER_POD, '        - --disable-admission-plugins=PodSecurity'].join('\n'),
      correct: [...APISERVER_POD, '        - --enable-admission-plugins=NodeRestriction'].join('\n'),
    },
  },
  messages: {
    disabled: {
      en: '{{component}} in {{where}} switches off admission plugins that are on by default: {{plugin}}',
      'zh-cn': '{{where}} 中的 {{component}} 关闭了默认开启的准入插件：{{plugin}}',
    },
    legacyOmits: {
      en: '{{component}} in {{where}} runs only the plugins of --admission-control, which leaves out {{plugin}}',
      'zh-cn': '{{where}} 中的 {{component}} 只运行 --admission-control 中的插件，其中缺少 {{plugin}}',
    },
  },
  check(context, resource) {
    for (const component of componentsNamed(resource, 'kube-apiserver')) {
      const state = admissionState(component, context.minorVersion);
      if (!state) continue;
      // One finding per place: a --admission-control list may leave out several plugins at once.
      const byPlace = new Map<string, { at: NonNullable<ReturnType<typeof state.disabledAt>>; plugins: string[] }>();
      for (const [plugin, since] of Object.entries(SECURITY_DEFAULTS)) {
        if (state.minor < since || state.isEnabled(plugin)) continue;
        const at = state.disabledAt(plugin);
        if (!at) continue;
        const key = JSON.stringify(at.path);
        const group = byPlace.get(key) ?? { at, plugins: [] };
        group.plugins.push(plugin);
        byPlace.set(key, group);
      }
      for (const { at, plugins } of byPlace.values()) {
        context.report({ messageId: state.legacyFlag ? 'legacyOmits' : 'disabled', data: { ...componentData(component), plugin: plugins.join(', ') }, ...at });
      }
    }
  },
});
