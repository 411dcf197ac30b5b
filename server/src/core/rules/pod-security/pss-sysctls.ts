/**
 * PSS baseline `sysctls`: only namespaced, isolated sysctls may be set. The allowed set grows with
 * the Kubernetes version (1.27, 1.29, 1.32, 1.37).
 */
import { defineRule } from '../define-rule';
import { removeItemFix } from '../../edits/fix-builders';
import { isRecord } from '../../model/values';
import type { RuleContext } from '../types';
import { POD_TEMPLATE_KINDS, podSecurityContextOf, podTemplateOf, PSS_REFERENCES } from '../shared/pss';

const ALLOWED_BY_VERSION: readonly (readonly [number, readonly string[]])[] = [
  [0, ['kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.ip_unprivileged_port_start', 'net.ipv4.tcp_syncookies', 'net.ipv4.ping_group_range']],
  [27, ['net.ipv4.ip_local_reserved_ports']],
  [29, ['net.ipv4.tcp_keepalive_time', 'net.ipv4.tcp_fin_timeout', 'net.ipv4.tcp_keepalive_intvl', 'net.ipv4.tcp_keepalive_probes']],
  [32, ['net.ipv4.tcp_rmem', 'net.ipv4.tcp_wmem']],
  [37, ['net.ipv4.tcp_slow_start_after_idle', 'net.ipv4.tcp_notsent_lowat']],

];

function allowedSysctls(context: RuleContext): Set<string> {
  const allowed = new Set<string>();
  for (const [since, names] of ALLOWED_BY_VERSION) {
    if (context.minorVersion >= since) names.forEach((name) => allowed.add(name));
  }
  return allowed;
}

export default defineRule({
  id: 'pss-sysctls',
  checklist: ['pod-security/pss-enforced'],
  scope: { kinds: POD_TEMPLATE_KINDS },
  defaultSeverity: 'error',
  pss: { level: 'baseline', checkId: 'sysctls', since: 0 },
  docs: {
    title: { en: 'Unsafe sysctls', 'zh-cn': '不安全的 sysctl' },
    summary: {
      en: 'Pods may set only the sysctls that are isolated per Pod.',
      'zh-cn': 'Pod 只能设置在 Pod 之间相互隔离的 sysctl。',
    },
    why: {
      en: 'Other sysctls change kernel settings shared by every Pod of the node, or let one Pod starve the others.',
      'zh-cn': '其他 sysctl 会修改节点上所有 Pod 共用的内核参数，或让一个 Pod 挤占其他 Pod 的资源。',
    },
    remediation: {
      en: 'Remove the sysctl from spec.securityContext.sysctls, or set it on the node by its administrators.',
      'zh-cn': '从 spec.securityContext.sysctls 中删除该项，或由管理员在节点上设置。',
    },
    fixSafety: {
      en: 'May change behaviour: the kernel keeps its default value for the setting.',
      'zh-cn': '可能改变行为：内核将使用该参数的默认值。',
    },
    references: [...PSS_REFERENCES, 'https://kubernetes.io/docs/tasks/administer-cluster/sysctl-cluster/'],
    examples: {
      incorrect: 'securityContext:\n  sysctls:\n    - name: kernel.msgmax\n      value: "65536"',
      correct: 'securityContext:\n  sysctls:\n    - name: net.ipv4.ip_local_port_range\n      value: "1024 65535"',
    },
  },
  messages: {
    forbiddenSysctl: {
      en: 'forbidden sysctl: the Pod must not set sysctl "{{name}}"',
      'zh-cn': 'forbidden sysctl（禁止的 sysctl）：Pod 不得设置 sysctl "{{name}}"',
    },
  },
  check(context, resource) {
    const template = podTemplateOf(resource);
    if (!template) return;
    const sysctls = podSecurityContextOf(template.spec)?.sysctls;
    if (!Array.isArray(sysctls)) return;
    const allowed = allowedSysctls(context);
    sysctls.forEach((sysctl, index) => {
      const name = isRecord(sysctl) ? sysctl.name : undefined;
      if (typeof name === 'string' && allowed.has(name)) return;
      const itemPath = [...template.specPath, 'securityContext', 'sysctls', index];
      context.report({
        messageId: 'forbiddenSysctl',
        data: { name: String(name ?? '') },
        path: [...itemPath, 'name'],
        target: 'value',
        // The kernel parameter is gone: a suggestion, since the workload may rely on it.
        fixes: typeof name === 'string' ? [removeItemFix('suggestion', itemPath, name)] : [],
      });
    });
  },
});
