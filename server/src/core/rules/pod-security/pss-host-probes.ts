/**
 * PSS baseline `hostProbesAndHostLifecycle` (v1.34+): probes and lifecycle hooks must not target
 * another host, which would let the kubelet make requests on the Pod's behalf to any address.
 */
import { defineRule } from '../define-rule';
import { isRecord } from '../../model/values';
import { containersOf, POD_TEMPLATE_KINDS, podTemplateOf, PSS_REFERENCES } from '../shared/pss';
import { removeFix } from '../../edits/fix-builders';

const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;
const HOOKS = ['postStart', 'preStop'] as const;
const HANDLERS = ['httpGet', 'tcpSocket'] as const;

export default defineRule({
  id: 'pss-host-probes',
  checklist: ['pod-security/pss-enforced'],
  scope: { kinds: POD_TEMPLATE_KINDS },
  defaultSeverity: 'error',
  pss: { level: 'baseline', checkId: 'hostProbesAndHostLifecycle', since: 34 },
  docs: {
    title: { en: 'Probe or lifecycle host', 'zh-cn': '探针或生命周期钩子的 host' },
    summary: {
      en: 'Probes and lifecycle hooks must not set httpGet.host or tcpSocket.host.',
      'zh-cn': '探针和生命周期钩子不得设置 httpGet.host 或 tcpSocket.host。',
    },
    why: {
      en: 'The kubelet runs probes and hooks from the node. A custom host turns it into a proxy that reaches addresses the Pod itself could not (server-side request forgery).',
      'zh-cn': '探针和钩子由节点上的 kubelet 执行。自定义 host 会让 kubelet 变成代理，访问 Pod 自己访问不到的地址（服务端请求伪造）。',
    },
    remediation: {
      en: "Remove the host field so that the probe targets the Pod's own IP.",
      'zh-cn': '删除 host 字段，让探针访问 Pod 自己的 IP。',
    },
    fixSafety: {
      en: "Changes behaviour when the probe really checked another address; usually it should check the Pod's own.",
      'zh-cn': '如果探针原本确实在检查其他地址，行为会改变；通常探针本就应该检查 Pod 自身。',
    },
    references: PSS_REFERENCES,
    examples: {
      incorrect: 'livenessProbe:\n  httpGet:\n    host: 169.254.169.254\n    port: 80',
      correct: 'livenessProbe:\n  httpGet:\n    port: 8080',
    },
  },
  messages: {
    probeHost: {
      en: 'probe or lifecycle host: container "{{container}}" must not set {{field}}.{{handler}}.host ("{{value}}")',
      'zh-cn': 'probe or lifecycle host（探针/钩子 host）：容器 "{{container}}" 不得设置 {{field}}.{{handler}}.host（"{{value}}"）',
    },
  },
  check(context, resource) {
    const template = podTemplateOf(resource);
    if (!template) return;
    for (const view of containersOf(template)) {
      const container = view.container as unknown as Record<string, unknown>;
      const places: [string, unknown, (string | number)[]][] = PROBES.map((probe) => [probe, container[probe], [probe]]);
      const lifecycle = container.lifecycle;
      for (const hook of HOOKS) {
        places.push([`lifecycle.${hook}`, isRecord(lifecycle) ? lifecycle[hook] : undefined, ['lifecycle', hook]]);
      }
      for (const [field, handlerOwner, relative] of places) {
        if (!isRecord(handlerOwner)) continue;
        for (const handler of HANDLERS) {
          const action = handlerOwner[handler];
          if (!isRecord(action) || action.host === undefined || action.host === null || action.host === '') continue;
          context.report({
            messageId: 'probeHost',
            data: { container: view.name, field, handler, value: String(action.host) },
            path: [...view.path, ...relative, handler, 'host'],
            target: 'value',
            fixes: [removeFix('suggestion', [...view.path, ...relative, handler, 'host'])],
          });
        }
      }
    }
  },
});
