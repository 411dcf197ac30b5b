/**
 * Optional admission plugins that harden a shared cluster: AlwaysPullImages (a Pod cannot reuse a
 * private image another tenant pulled onto the node) and EventRateLimit (a client cannot flood the
 * API server with events). Both have costs, so this is advice (info), reported once per API server.
 */
import { defineRule } from '../define-rule';
import { componentData, componentsNamed, CONTROL_PLANE_KINDS } from '../../model/control-plane';

import { ADMISSION_REFERENCES, admissionState, APISERVER_POD } from '../shared/admission-plugins';

const PLUGINS = ['AlwaysPullImages', 'EventRateLimit'];

export default defineRule({
  id: 'admission-hardening-plugins',
  checklist: ['admission/plugins'],
  scope: { kinds: CONTROL_PLANE_KINDS },
  defaultSeverity: 'info',
  docs: {
    title: { en: 'Hardening admission plugins for shared clusters', 'zh-cn': '适用于共享集群的加固准入插件' },
    summary: {
      en: 'Consider enabling AlwaysPullImages and EventRateLimit on clusters shared by several teams.',
      'zh-cn': '在多个团队共享的集群上，可考虑启用 AlwaysPullImages 和 EventRateLimit。',
    },
    why: {
      en: 'Without AlwaysPullImages, a Pod scheduled on a node can start any image already cached there, including private images pulled with another tenant\'s credentials. Without EventRateLimit, a noisy or hostile client can flood the API server and etcd with Events.',
      'zh-cn': '没有 AlwaysPullImages 时，调度到某节点的 Pod 可以启动该节点上已缓存的任何镜像，包括使用其他租户凭据拉取的私有镜像。没有 EventRateLimit 时，行为异常或怀有恶意的客户端可以用大量 Event 压垮 API 服务器和 etcd。',
    },
    remediation: {
      en: 'Add AlwaysPullImages and EventRateLimit to `--enable-admission-plugins`; EventRateLimit also needs its configuration in --admission-control-config-file.',
      'zh-cn': '把 AlwaysPullImages 和 EventRateLimit 加入 `--enable-admission-plugins`；EventRateLimit 还需要在 --admission-control-config-file 中提供配置。',
    },
    fixSafety: {
      en: 'Changes behaviour: every container start contacts the registry (Pods cannot start while it is down), and events above the limits are dropped.',
      'zh-cn': '会改变行为：每次启动容器都要访问镜像仓库（仓库不可用时 Pod 无法启动），超出限额的事件会被丢弃。',
    },
    references: ADMISSION_REFERENCES,
    examples: {
      incorrect: [...APISERVER_POD, '        - --enable-admission-plugins=NodeRestriction'].join('\n'),
      correct: [
        ...APISERVER_POD,
        '        - --enable-admission-plugins=NodeRestriction,AlwaysPullImages,EventRateLimit',
        '        - --admission-control-config-file=/etc/kubernetes/admission.yaml',
      ].join('\n'),
    },
  },
  messages: {
    notEnabled: {
      en: '{{component}} in {{where}} does not enable {{plugins}}: worth considering on a cluster shared by several teams',
      'zh-cn': '{{where}} 中的 {{component}} 未启用 {{plugins}}：在多个团队共享的集群上值得考虑',
    },
  },
  check(context, resource) {
    for (const component of componentsNamed(resource, 'kube-apiserver')) {
      const state = admissionState(component, context.minorVersion);
      if (!state) continue;
      const missing = PLUGINS.filter((plugin) => !state.isEnabled(plugin));
      if (missing.length > 0) context.report({ messageId: 'notEnabled', data: { ...componentData(component), plugins: missing.join(', ') }, ...state.addAt });
    }
  },
});
