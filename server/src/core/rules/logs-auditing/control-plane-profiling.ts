/**
 * The profiling handlers (/debug/pprof) of kube-apiserver, kube-controller-manager and
 * kube-scheduler are on unless --profiling=false: like the /logs handler, a debugging endpoint that
 * production does not need (checklist logs-auditing/logs-api-disabled, the same family of CIS
 * recommendations). Information only: the handlers sit behind authentication and authorization.
 */
import { defineRule } from '../define-rule';
import { booleanFlag, COMPONENT_NAMES, componentData, ComponentName, controlPlaneComponents, CONTROL_PLANE_KINDS, flagLocation } from '../../model/control-plane';
import { APISERVER_POD, APISERVER_REFERENCES } from '../shared/apiserver-pod';

const JUDGED: readonly ComponentName[] = COMPONENT_NAMES.filter((name) => name === 'kube-apiserver' || name === 'kube-controller-manager' || name === 'kube-scheduler');

export default defineRule({
  id: 'control-plane-profiling',
  checklist: ['logs-auditing/logs-api-disabled'],
  scope: { kinds: CONTROL_PLANE_KINDS },
  defaultSeverity: 'info',
  docs: {
    title: { en: 'Control plane profiling handlers', 'zh-cn': '控制平面的性能分析接口' },
    summary: {
      en: 'kube-apiserver, kube-controller-manager and kube-scheduler should run with --profiling=false.',
      'zh-cn': 'kube-apiserver、kube-controller-manager 和 kube-scheduler 应以 --profiling=false 运行。',
    },
    why: {
      en: 'The profiling handlers are on by default. Like the /logs handler they serve debugging data (heap dumps, goroutine stacks, timings of the process) that production does not need, that reveals internals to anyone with access to the path, and whose CPU profiles can slow the component down.',
      'zh-cn': '性能分析接口默认开启。与 /logs 接口一样，它们提供生产环境并不需要的调试数据（堆转储、goroutine 栈、进程的耗时信息），会把内部细节暴露给有权访问该路径的人，其 CPU 分析还可能拖慢组件。',
    },
    remediation: {
      en: 'Add --profiling=false to each component (kubeadm: extraArgs profiling: "false"); turn it on briefly when you need to debug.',
      'zh-cn': '为每个组件加上 --profiling=false（kubeadm：在 extraArgs 中设置 profiling: "false"）；需要调试时再临时开启。',
    },
    fixSafety: {
      en: 'Safe: only /debug/pprof goes away.',
      'zh-cn': '安全：只会移除 /debug/pprof。',
    },
    references: [...APISERVER_REFERENCES, 'https://kubernetes.io/docs/reference/command-line-tools-reference/kube-scheduler/'],
    examples: { incorrect: APISERVER_POD.join('\n'), correct: [...APISERVER_POD, '        - --profiling=false'].join('\n') },
  },
  messages: {
    profiling: {
      en: '{{component}} in {{where}} serves profiling data (/debug/pprof): --profiling is {{value}}',
      'zh-cn': '{{where}} 中的 {{component}} 提供性能分析数据（/debug/pprof）：--profiling 为 {{value}}',
    },
  },
  check(context, resource) {
    for (const component of controlPlaneComponents(resource)) {
      if (!JUDGED.includes(component.name)) continue;
      const flag = component.flags.get('profiling');
      if (flag?.unknown || booleanFlag(component, 'profiling') === false) continue;
      context.report({ messageId: 'profiling', data: { ...componentData(component), value: flag?.value ?? 'true (default)' }, ...flagLocation(component, flag) });
    }
  },
});
