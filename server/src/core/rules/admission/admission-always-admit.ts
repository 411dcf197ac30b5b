/**
 * The AlwaysAdmit plugin admits everything and is deprecated. Listed in --admission-control it
 * replaces the whole default chain (then admission-security-plugin-disabled reports what is
 * missing); listed in --enable-admission-plugins it adds nothing, but says that someone meant to
 * let every request through.
 */
import { defineRule } from '../define-rule';
import { componentData, componentsNamed, CONTROL_PLANE_KINDS } from '../../model/control-plane';

import { ADMISSION_REFERENCES, admissionState, APISERVER_POD } from '../shared/admission-plugins';

export default defineRule({
  id: 'admission-always-admit',
  checklist: ['admission/plugins'],
  scope: { kinds: CONTROL_PLANE_KINDS },
  defaultSeverity: 'warning',
  docs: {
    title: { en: 'AlwaysAdmit admission plugin', 'zh-cn': 'AlwaysAdmit 准入插件' },
    summary: {
      en: 'kube-apiserver should not enable the deprecated AlwaysAdmit admission plugin.',
      'zh-cn': 'kube-apiserver 不应启用已弃用的 AlwaysAdmit 准入插件。',
    },
    why: {
      en: 'AlwaysAdmit accepts every request: it stands for "no admission control". In a --admission-control list it is often the only plugin, which leaves the API server without any of its protections; among other plugins it is a leftover that hides what the configuration is meant to do.',
      'zh-cn': 'AlwaysAdmit 接受所有请求，相当于“没有准入控制”。在 --admission-control 列表中它常常是唯一的插件，使 API 服务器失去全部保护；与其他插件并列时，它是一个会掩盖配置真实意图的遗留项。',
    },
    remediation: {
      en: 'Remove AlwaysAdmit and rely on the default plugins plus the ones you enable with --enable-admission-plugins.',
      'zh-cn': '删除 AlwaysAdmit，依靠默认插件以及通过 --enable-admission-plugins 启用的插件。',
    },
    fixSafety: {
      en: 'Safe among other plugins; replacing an --admission-control list turns the default plugins on, which may reject requests that used to pass.',
      'zh-cn': '与其他插件并列时删除是安全的；替换 --admission-control 列表会开启默认插件，可能拒绝以前能通过的请求。',
    },
    references: ADMISSION_REFERENCES,
    examples: {
      incorrect: [...APISERVER_POD, '        - --enable-admission-plugins=NodeRestriction,AlwaysAdmit'].join('\n'),
      correct: [...APISERVER_POD, '        - --enable-admission-plugins=NodeRestriction'].join('\n'),
    },
  },
  messages: {
    alwaysAdmit: {
      en: '{{component}} in {{where}} enables the AlwaysAdmit admission plugin, which admits every request',
      'zh-cn': '{{where}} 中的 {{component}} 启用了 AlwaysAdmit 准入插件，它会接受所有请求',
    },
  },
  check(context, resource) {
    for (const component of componentsNamed(resource, 'kube-apiserver')) {
      const state = admissionState(component, context.minorVersion);
      if (!state || !state.isEnabled('AlwaysAdmit')) continue;
      const item = state.named.find((named) => named.value === 'AlwaysAdmit' && named.flag !== state.disableFlag);
      if (item) context.report({ messageId: 'alwaysAdmit', data: componentData(component), path: item.path, target: item.target });
    }
  },
});
