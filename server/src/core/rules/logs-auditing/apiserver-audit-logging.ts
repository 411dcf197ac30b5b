/**
 * kube-apiserver must record audit events: without --audit-policy-file it records none at all,
 * and without a backend (--audit-log-path or --audit-webhook-config-file) they go nowhere. A log
 * file also needs its retention set (--audit-log-maxage ≥ 30 days, --audit-log-maxbackup ≥ 10,
 * --audit-log-maxsize ≥ 100 MB): unset, one file grows until the disk is full, and the history
 * an investigation needs is lost or never rotated. `--audit-log-path=-` (standard output) has none.
 */
import { defineRule } from '../define-rule';
import { componentData, componentsNamed, CONTROL_PLANE_KINDS, hasFlag } from '../../model/control-plane';

/** Retention as the peers' control-plane checks ask for it: 30 days, 10 files, 100 MB per file. */
const RETENTION: readonly [string, number][] = [['audit-log-maxage', 30], ['audit-log-maxbackup', 10], ['audit-log-maxsize', 100]];

const POD = [
  'apiVersion: v1', 'kind: Pod', 'metadata:', '  name: kube-apiserver', '  namespace: kube-system', 'spec:', '  containers:',
  '    - name: kube-apiserver', '      image: registry.k8s.io/kube-apiserver:v1.31.0', '      command:', '        - kube-apiserver',
  '        - --authorization-mode=Node,RBAC',
];

export default defineRule({
  id: 'apiserver-audit-logging',
  checklist: ['logs-auditing/audit-logs-protected'],
  scope: { kinds: CONTROL_PLANE_KINDS },
  defaultSeverity: 'warning',
  docs: {
    title: { en: 'API server audit logging', 'zh-cn': 'API 服务器审计日志' },
    summary: {
      en: 'kube-apiserver must run with an audit policy (--audit-policy-file) and a backend (--audit-log-path or --audit-webhook-config-file).',
      'zh-cn': 'kube-apiserver 必须配置审计策略（--audit-policy-file）和审计后端（--audit-log-path 或 --audit-webhook-config-file）。',
    },
    why: {
      en: 'Audit logs are the only record of who read which Secret, who exec\'d into which Pod and who changed RBAC. Without a policy file the API server writes no audit event at all, and without a backend events have nowhere to go; an incident can then be neither detected nor investigated. A log file without retention settings either fills the disk or, rotated too eagerly, loses the weeks of history an investigation needs: keep at least 30 days, 10 files of 100 MB.',
      'zh-cn': '审计日志是唯一能记录谁读取了哪个 Secret、谁在哪个 Pod 中执行了命令、谁修改了 RBAC 的地方。没有策略文件时 API 服务器不会写入任何审计事件，没有后端时事件无处可去；一旦发生安全事件，既无法发现也无法调查。没有保留设置的日志文件要么写满磁盘，要么因轮转过于频繁而丢失调查所需的数周历史：至少保留 30 天、10 个 100 MB 的文件。',
    },
    remediation: {
      en: 'Write an audit Policy, pass it with `--audit-policy-file`, and add `--audit-log-path` (with --audit-log-maxage/maxbackup/maxsize) or `--audit-webhook-config-file`. Mount the policy and the log directory into the static Pod, and keep the log readable only by administrators.',
      'zh-cn': '编写审计 Policy，通过 `--audit-policy-file` 传入，并添加 `--audit-log-path`（以及 --audit-log-maxage/maxbackup/maxsize）或 `--audit-webhook-config-file`。把策略文件和日志目录挂载进静态 Pod，并确保日志只有管理员可读。',
    },
    fixSafety: {
      en: 'Safe, but logs take disk space and a broad policy at RequestResponse level costs API server performance.',
      'zh-cn': '安全，但日志会占用磁盘空间，且以 RequestResponse 级别记录的宽泛策略会影响 API 服务器性能。',
    },
    references: [
      'https://kubernetes.io/docs/tasks/debug/debug-cluster/audit/',
      'https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/',
      'https://kubernetes.io/docs/concepts/security/security-checklist/#logs-and-auditing',
    ],
    examples: {
      incorrect: POD.join('\n'),
      correct: [...POD, '        - --audit-policy-file=/etc/kubernetes/audit-policy.yaml', '        - --audit-log-path=/var/log/kubernetes/audit/audit.log', '        - --audit-log-maxage=30', '        - --audit-log-maxbackup=10', '        - --audit-log-maxsize=100'].join('\n'),
    },
  },
  messages: {
    noPolicy: {
      en: '{{component}} in {{where}} runs without --audit-policy-file: it records no audit events',
      'zh-cn': '{{where}} 中的 {{component}} 未设置 --audit-policy-file：不会记录任何审计事件',
    },
    retention: {
      en: '{{component}} in {{where}} writes an audit log without enough retention ({{flags}}): the file grows unbounded or history is lost too soon',
      'zh-cn': '{{where}} 中的 {{component}} 写入审计日志，但保留设置不足（{{flags}}）：文件会无限增长，或历史记录过早丢失',
    },
    noBackend: {
      en: '{{component}} in {{where}} has an audit policy but neither --audit-log-path nor --audit-webhook-config-file: audit events go nowhere',
      'zh-cn': '{{where}} 中的 {{component}} 配置了审计策略，但既没有 --audit-log-path 也没有 --audit-webhook-config-file：审计事件无处可去',
    },
  },
  check(context, resource) {
    for (const component of componentsNamed(resource, 'kube-apiserver')) {
      const has = (name: string) => hasFlag(component, name);
      const path = component.flags.get('audit-log-path');
      if (path && !path.unknown && path.value.trim() !== '' && path.value.trim() !== '-') {
        const short = RETENTION.filter(([name, minimum]) => {
          const flag = component.flags.get(name);
          return !flag?.unknown && !(flag && /^\d+$/.test(flag.value.trim()) && Number(flag.value.trim()) >= minimum);
        });
        if (short.length > 0) {
          context.report({ messageId: 'retention', data: { ...componentData(component), flags: short.map(([name, minimum]) => `--${name}≥${minimum}`).join(', ') }, path: path.path, target: path.target });
        }
      }
      if (!has('audit-policy-file')) {
        context.report({ messageId: 'noPolicy', data: componentData(component), ...component.anchor });
      } else if (!has('audit-log-path') && !has('audit-webhook-config-file')) {
        const policy = component.flags.get('audit-policy-file')!;
        context.report({ messageId: 'noBackend', data: componentData(component), path: policy.path, target: policy.target });
      }
    }
  },
});
