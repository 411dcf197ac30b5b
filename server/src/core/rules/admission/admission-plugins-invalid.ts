/**
 * Admission plugin flags that stop kube-apiserver from starting: a plugin removed at the version
 * the server runs (PodSecurityPolicy from 1.25, SecurityContextDeny from 1.30 ...), a name upstream
 * kube-apiserver never had (usually a typo), a plugin both enabled and disabled, and the deprecated
 * --admission-control mixed with --enable/--disable-admission-plugins.
 */
import { defineRule } from '../define-rule';
import { componentData, componentsNamed, CONTROL_PLANE_KINDS } from '../../model/control-plane';

import { ADMISSION_REFERENCES, admissionState, APISERVER_POD, closestPlugin, KNOWN_PLUGINS, REMOVED_PLUGINS } from '../shared/admission-plugins';

export default defineRule({
  id: 'admission-plugins-invalid',
  checklist: ['admission/plugins'],
  scope: { kinds: CONTROL_PLANE_KINDS },
  defaultSeverity: 'error',
  docs: {
    title: { en: 'Admission plugin flags the API server rejects', 'zh-cn': 'API 服务器会拒绝的准入插件参数' },
    summary: {
      en: 'Admission plugin flags must name only plugins that exist at the running version, without contradictions.',
      'zh-cn': '准入插件参数只能列出当前版本中存在的插件，且不能相互矛盾。',
    },
    why: {
      en: 'kube-apiserver validates these flags at start-up and exits on an unknown plugin, a plugin listed in both --enable and --disable, or --admission-control used with the newer flags. Upgrades hit this when a removed plugin such as PodSecurityPolicy (1.25) or SecurityContextDeny (1.30) is still listed: the control plane does not come back, and whatever protection the plugin gave was already gone.',
      'zh-cn': 'kube-apiserver 在启动时校验这些参数，遇到未知插件、同时出现在 --enable 和 --disable 中的插件，或 --admission-control 与新参数混用时会直接退出。升级时如果仍列着已移除的插件，例如 PodSecurityPolicy（1.25）或 SecurityContextDeny（1.30），控制平面将无法恢复，而该插件原本提供的保护早已不复存在。',
    },
    remediation: {
      en: 'Remove removed plugins (replace PodSecurityPolicy with PodSecurity and namespace labels), fix misspelled names, list each plugin in one flag only, and use --enable/--disable-admission-plugins instead of --admission-control.',
      'zh-cn': '删除已移除的插件（用 PodSecurity 和命名空间标签取代 PodSecurityPolicy），修正拼错的名称，每个插件只在一个参数中出现，并用 --enable/--disable-admission-plugins 取代 --admission-control。',
    },
    fixSafety: {
      en: 'Safe: the server could not start with these flags; check that the replacement policy is in place.',
      'zh-cn': '安全：带着这些参数服务器本就无法启动；请确认替代的策略已就位。',
    },
    references: ADMISSION_REFERENCES,
    examples: {
      incorrect: [...APISERVER_POD, '        - --enable-admission-plugins=NodeRestriction,PodSecurityPolicy'].join('\n'),
      correct: [...APISERVER_POD, '        - --enable-admission-plugins=NodeRestriction'].join('\n'),
    },
  },
  messages: {
    removed: {
      en: 'Admission plugin {{plugin}} was removed in Kubernetes 1.{{removedIn}}: {{component}} in {{where}} (1.{{minor}}) refuses to start',
      'zh-cn': '准入插件 {{plugin}} 已在 Kubernetes 1.{{removedIn}} 中移除：{{where}} 中的 {{component}}（1.{{minor}}）将无法启动',
    },
    unknown: {
      en: '{{plugin}} is not an admission plugin of kube-apiserver: {{component}} in {{where}} refuses to start',
      'zh-cn': '{{plugin}} 不是 kube-apiserver 的准入插件：{{where}} 中的 {{component}} 将无法启动',
    },
    misspelled: {
      en: '{{plugin}} is not an admission plugin of kube-apiserver (did you mean {{suggestion}}?): {{component}} in {{where}} refuses to start',
      'zh-cn': '{{plugin}} 不是 kube-apiserver 的准入插件（是否应为 {{suggestion}}？）：{{where}} 中的 {{component}} 将无法启动',
    },
    overlap: {
      en: '{{plugin}} is both enabled and disabled: {{component}} in {{where}} refuses to start',
      'zh-cn': '{{plugin}} 同时被启用和禁用：{{where}} 中的 {{component}} 将无法启动',
    },
    legacyMixed: {
      en: '--admission-control cannot be combined with --enable-admission-plugins or --disable-admission-plugins: {{component}} in {{where}} refuses to start',
      'zh-cn': '--admission-control 不能与 --enable-admission-plugins 或 --disable-admission-plugins 同时使用：{{where}} 中的 {{component}} 将无法启动',
    },
  },
  check(context, resource) {
    for (const component of componentsNamed(resource, 'kube-apiserver')) {
      const state = admissionState(component, context.minorVersion);
      if (!state) continue;
      const data = componentData(component);
      const enabled = new Set(state.enableFlag?.items.map((item) => item.value));
      for (const named of state.named) {
        const plugin = named.value;
        const at = { path: named.path, target: named.target };
        const removedIn = REMOVED_PLUGINS[plugin];
        if (removedIn !== undefined && state.minor >= removedIn) {
          context.report({ messageId: 'removed', data: { ...data, plugin, removedIn, minor: state.minor }, ...at });
        } else if (!KNOWN_PLUGINS.has(plugin)) {
          const suggestion = closestPlugin(plugin);
          context.report({ messageId: suggestion ? 'misspelled' : 'unknown', data: { ...data, plugin, suggestion: suggestion ?? '' }, ...at });
        } else if (named.flag === state.disableFlag && enabled.has(plugin)) {
          context.report({ messageId: 'overlap', data: { ...data, plugin }, ...at });
        }
      }
      const legacy = state.legacyFlag;
      if (legacy && !legacy.implicit && ((state.enableFlag && !state.enableFlag.implicit) || state.disableFlag)) {
        context.report({ messageId: 'legacyMixed', data, path: legacy.path, target: legacy.target });
      }
    }
  },
});
