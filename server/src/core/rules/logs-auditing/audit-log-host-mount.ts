/**
 * Workloads other than kube-apiserver that mount the API server's audit logs from the host can read
 * (and, unless read-only, rewrite or delete) the audit trail. The audit log locations come from the
 * kube-apiserver --audit-log-path of the resources analyzed together (the file; the workspace in an
 * audit), else from the usual places: /var/log/kubernetes/audit, /var/log/audit, the k3s and RKE2
 * log directories, /var/log/kube-apiserver-audit.log. A mount of the file, of a dedicated audit
 * directory or anything inside it, or of a parent of the log (not `/` or `/var`, and for the usual
 * places only parents three levels deep such as /var/log/kubernetes) is reported.
 */
import { defineRule } from '../define-rule';
import { componentsNamed } from '../../model/control-plane';
import { POD_TEMPLATE_KINDS, podTemplateOf } from '../../model/pod-spec';
import type { Resource } from '../../model/resource';
import { isRecord, recordAt, stringAt } from '../../model/values';

interface AuditPlace {
  readonly path: string;
  /** Dedicated directory: anything below it holds audit data. */
  readonly directory: boolean;
  /** Shallowest parent depth that still counts as exposing it. */
  readonly minParentDepth: number;
}

const USUAL_PLACES: readonly AuditPlace[] = [
  ...['/var/log/kubernetes/audit', '/var/log/audit', '/var/lib/rancher/k3s/server/logs', '/var/lib/rancher/rke2/server/logs'].map((path) => ({ path, directory: true, minParentDepth: 3 })),
  { path: '/var/log/kube-apiserver-audit.log', directory: false, minParentDepth: 3 },
];

function normalize(path: string): string {
  const collapsed = path.trim().replace(/\/+/g, '/').replace(/\/$/, '');
  return collapsed === '' ? '/' : collapsed;
}

const depth = (path: string) => (path === '/' ? 0 : path.split('/').length - 1);
const within = (inner: string, outer: string) => inner === outer || inner.startsWith(outer === '/' ? '/' : `${outer}/`);

function exposes(hostPath: string, place: AuditPlace): boolean {
  if (place.directory && within(hostPath, place.path)) return true;
  if (hostPath === place.path) return true;
  return within(place.path, hostPath) && depth(hostPath) >= place.minParentDepth;
}

/** The places of a set of related resources, computed once per set (a workspace audit shares one). */
const PLACES = new WeakMap<readonly Resource[], readonly AuditPlace[]>();

function auditPlaces(related: readonly Resource[]): readonly AuditPlace[] {
  let places = PLACES.get(related);
  if (!places) {
    const found: AuditPlace[] = [...USUAL_PLACES];
    for (const other of related) {
      for (const apiserver of componentsNamed(other, 'kube-apiserver')) {
        const flag = apiserver.flags.get('audit-log-path');
        const file = flag && !flag.unknown ? normalize(flag.value) : undefined;
        if (file && file !== '-' && file.startsWith('/')) found.push({ path: file, directory: false, minParentDepth: 2 });
      }
    }
    PLACES.set(related, (places = found));
  }
  return places;
}

export default defineRule({
  id: 'audit-log-host-mount',
  checklist: ['logs-auditing/audit-logs-protected'],
  scope: { kinds: POD_TEMPLATE_KINDS },
  defaultSeverity: 'info',
  docs: {
    title: { en: 'Workload mounts the audit logs', 'zh-cn': '工作负载挂载了审计日志' },
    summary: {
      en: 'Only the API server and a dedicated log shipper should mount the audit logs from the host.',
      'zh-cn': '只有 API 服务器和专门的日志采集器才应从宿主机挂载审计日志。',
    },
    why: {
      en: 'Audit logs record every request with user names and often request bodies. A workload that mounts them can read that history, and with a writable mount it can remove the traces of an attack. Each such workload should be a known, locked-down log shipper.',
      'zh-cn': '审计日志记录了每个请求及其用户名，常常还包括请求内容。挂载它们的工作负载可以读取这些历史记录；若挂载可写，还能抹去攻击痕迹。每个这样的工作负载都应当是已知且受严格限制的日志采集器。',
    },
    remediation: {
      en: 'Remove the hostPath volume, or, for the log shipper, mount only the audit directory with `readOnly: true`, in a namespace only administrators control.',
      'zh-cn': '删除该 hostPath 卷；若是日志采集器，则只以 `readOnly: true` 挂载审计目录，并放在只有管理员可控制的命名空间中。',
    },
    fixSafety: {
      en: 'Changes behaviour for the workload that reads the logs.',
      'zh-cn': '会影响读取这些日志的工作负载。',
    },
    references: [
      'https://kubernetes.io/docs/tasks/debug/debug-cluster/audit/#log-backend',
      'https://kubernetes.io/docs/concepts/storage/volumes/#hostpath',
      'https://kubernetes.io/docs/concepts/security/security-checklist/#logs-and-auditing',
    ],
    examples: {
      incorrect: 'volumes:\n  - name: audit\n    hostPath:\n      path: /var/log/kubernetes/audit',
      correct: 'volumes:\n  - name: logs\n    emptyDir: {}',
    },
  },
  messages: {
    mountsAudit: {
      en: 'Volume "{{volume}}" mounts {{hostPath}} from the host, which holds API server audit logs ({{auditPath}})',
      'zh-cn': '卷 "{{volume}}" 从宿主机挂载了 {{hostPath}}，其中包含 API 服务器审计日志（{{auditPath}}）',
    },
  },
  check(context, resource) {
    if (componentsNamed(resource, 'kube-apiserver').length > 0) return;
    const template = podTemplateOf(resource);
    if (!template) return;
    const places = auditPlaces(context.related);
    const volumes = (template.spec as unknown as Record<string, unknown>).volumes;
    if (!Array.isArray(volumes)) return;
    volumes.forEach((volume, index) => {
      const raw = stringAt(recordAt(volume, 'hostPath'), 'path');
      if (!isRecord(volume) || !raw || !raw.startsWith('/')) return;
      const hostPath = normalize(raw);
      const place = places.find((candidate) => exposes(hostPath, candidate));
      if (!place) return;
      context.report({
        messageId: 'mountsAudit',
        data: { volume: stringAt(volume, 'name') ?? `#${index + 1}`, hostPath, auditPath: place.path },
        path: [...template.specPath, 'volumes', index, 'hostPath', 'path'],
        target: 'value',
      });
    });
  },
});
