/**
 * The Kubernetes Security Checklist as data: every item of checklist/items.yaml (in the page's
 * order, with its stable id, its section and how far a tool that reads files can verify it) and
 * every section, with short summaries in English (from items.yaml) and Simplified Chinese (our own
 * words, after the zh-cn edition of the page). Rules name these ids in their `checklist`
 * metadata; reports and the scorecard list them. Pure data: a test keeps it equal to items.yaml.
 */
import type { Locale, Localized } from '../i18n/localized';

/** How far a tool that reads files can verify an item (see items.yaml). */
export type ChecklistCheck = 'manifest' | 'cluster-config' | 'workspace' | 'partial' | 'manual';

export interface ChecklistSection {
  readonly id: string;
  /** The heading anchor on the Kubernetes documentation page. */
  readonly anchor: string;
  readonly title: Localized;
}

export interface ChecklistItem {
  readonly id: string;
  readonly section: string;
  readonly check: ChecklistCheck;
  readonly summary: Localized;
}

/** The English page; the Chinese one is the same path under /zh-cn. */
export const CHECKLIST_URL = 'https://kubernetes.io/docs/concepts/security/security-checklist/';

export const CHECKLIST_SECTIONS: readonly ChecklistSection[] = [
  { id: 'authn-authz', anchor: 'authentication-authorization', title: { en: 'Authentication & Authorization', 'zh-cn': '认证和鉴权' } },
  { id: 'network', anchor: 'network-security', title: { en: 'Network security', 'zh-cn': '网络安全' } },
  { id: 'pod-security', anchor: 'pod-security', title: { en: 'Pod security', 'zh-cn': 'Pod 安全' } },
  { id: 'logs-auditing', anchor: 'logs-and-auditing', title: { en: 'Logs and auditing', 'zh-cn': '日志和审计' } },
  { id: 'pod-placement', anchor: 'pod-placement', title: { en: 'Pod placement', 'zh-cn': 'Pod 布局' } },
  { id: 'secrets', anchor: 'secrets', title: { en: 'Secrets', 'zh-cn': 'Secret' } },
  { id: 'images', anchor: 'images', title: { en: 'Images', 'zh-cn': '镜像' } },
  { id: 'admission', anchor: 'admission-controllers', title: { en: 'Admission controllers', 'zh-cn': '准入控制器' } },
];

export const CHECKLIST_ITEMS: readonly ChecklistItem[] = [
  {
    id: 'authn-authz/system-masters',
    section: 'authn-authz',
    check: 'manifest',
    summary: {
      en: 'The system:masters group is not used to authenticate users or components after bootstrapping.',
      'zh-cn': '集群完成引导之后，不再用 system:masters 组为用户或组件做身份认证。',
    },
  },
  {
    id: 'authn-authz/controller-manager-sa-credentials',
    section: 'authn-authz',
    check: 'cluster-config',
    summary: {
      en: 'kube-controller-manager runs with --use-service-account-credentials enabled.',
      'zh-cn': 'kube-controller-manager 以 --use-service-account-credentials 参数运行。',
    },
  },
  {
    id: 'authn-authz/root-ca-protected',
    section: 'authn-authz',
    check: 'partial',
    summary: {
      en: 'The root certificate is protected (offline CA, or a managed online CA with effective access control).',
      'zh-cn': '根证书受到保护：使用离线 CA，或访问控制切实有效的托管在线 CA。',
    },
  },
  {
    id: 'authn-authz/cert-validity',
    section: 'authn-authz',
    check: 'manifest',
    summary: {
      en: 'Intermediate and leaf certificates expire no more than 3 years in the future.',
      'zh-cn': '中间证书和叶子证书的到期时间距今不超过 3 年。',
    },
  },
  {
    id: 'authn-authz/access-review',
    section: 'authn-authz',
    check: 'manual',
    summary: {
      en: 'A periodic access review process exists, with reviews no more than 24 months apart.',
      'zh-cn': '有定期审查访问权限的流程，两次审查相隔不超过 24 个月。',
    },
  },
  {
    id: 'authn-authz/rbac-good-practices',
    section: 'authn-authz',
    check: 'manifest',
    summary: {
      en: 'RBAC follows the Kubernetes RBAC good practices.',
      'zh-cn': 'RBAC 配置遵循 Kubernetes 的 RBAC 良好实践。',
    },
  },
  {
    id: 'network/cni-network-policy',
    section: 'network',
    check: 'manual',
    summary: {
      en: 'The CNI plugin in use supports network policies.',
      'zh-cn': '集群所用的 CNI 插件支持网络策略。',
    },
  },
  {
    id: 'network/policies-all-workloads',
    section: 'network',
    check: 'workspace',
    summary: {
      en: 'Ingress and egress network policies are applied to all workloads in the cluster.',
      'zh-cn': '集群中的每个工作负载都有入站和出站网络策略。',
    },
  },
  {
    id: 'network/default-deny',
    section: 'network',
    check: 'workspace',
    summary: {
      en: 'Every namespace has a default network policy that selects all Pods and denies everything.',
      'zh-cn': '每个名字空间都有一条选中全部 Pod、拒绝一切流量的默认网络策略。',
    },
  },
  {
    id: 'network/service-mesh-encryption',
    section: 'network',
    check: 'partial',
    summary: {
      en: 'If appropriate, a service mesh encrypts all communication inside the cluster.',
      'zh-cn': '在合适的场合，由服务网格加密集群内部的全部通信。',
    },
  },
  {
    id: 'network/control-plane-not-exposed',
    section: 'network',
    check: 'cluster-config',
    summary: {
      en: 'The Kubernetes API, the kubelet API and etcd are not exposed publicly on the Internet.',
      'zh-cn': 'Kubernetes API、kubelet API 和 etcd 都不对公网开放。',
    },
  },
  {
    id: 'network/metadata-api-filtered',
    section: 'network',
    check: 'workspace',
    summary: {
      en: 'Workload access to the cloud metadata API (169.254.169.254) is filtered.',
      'zh-cn': '工作负载访问云元数据 API（169.254.169.254）时会被过滤。',
    },
  },
  {
    id: 'network/restrict-loadbalancer-externalip',
    section: 'network',
    check: 'manifest',
    summary: {
      en: 'The use of LoadBalancer and ExternalIP is restricted.',
      'zh-cn': 'LoadBalancer 和 ExternalIP 的使用受到限制。',
    },
  },
  {
    id: 'pod-security/workload-write-rbac',
    section: 'pod-security',
    check: 'manifest',
    summary: {
      en: 'RBAC rights to create, update, patch and delete workloads are granted only when necessary.',
      'zh-cn': '只在确有必要时，才授予创建、更新、修补和删除工作负载的 RBAC 权限。',
    },
  },
  {
    id: 'pod-security/pss-enforced',
    section: 'pod-security',
    check: 'manifest',
    summary: {
      en: 'An appropriate Pod Security Standards policy is applied and enforced for all namespaces.',
      'zh-cn': '所有名字空间都应用并强制执行合适的 Pod 安全标准策略。',
    },
  },
  {
    id: 'pod-security/memory-limits',
    section: 'pod-security',
    check: 'manifest',
    summary: {
      en: 'Memory limits are set for workloads, with the limit equal to or not higher than the request.',
      'zh-cn': '工作负载设置了内存限制，且限制值等于或不高于请求值。',
    },
  },
  {
    id: 'pod-security/cpu-limits',
    section: 'pod-security',
    check: 'manifest',
    summary: {
      en: 'CPU limits can be set on sensitive workloads.',
      'zh-cn': '敏感的工作负载可以设置 CPU 限制。',
    },
  },
  {
    id: 'pod-security/seccomp',
    section: 'pod-security',
    check: 'manifest',
    summary: {
      en: 'Nodes that support seccomp enable an appropriate syscall profile for programs.',
      'zh-cn': '在支持 seccomp 的节点上，为程序启用合适的系统调用配置文件。',
    },
  },
  {
    id: 'pod-security/apparmor-selinux',
    section: 'pod-security',
    check: 'manifest',
    summary: {
      en: 'Systems that support AppArmor or SELinux enable an appropriate profile for programs.',
      'zh-cn': '在支持 AppArmor 或 SELinux 的系统上，为程序启用合适的安全配置文件。',
    },
  },
  {
    id: 'logs-auditing/audit-logs-protected',
    section: 'logs-auditing',
    check: 'cluster-config',
    summary: {
      en: 'Audit logs, if enabled, are protected from general access.',
      'zh-cn': '审计日志（如已启用）受到保护，普通用户无法访问。',
    },
  },
  {
    id: 'logs-auditing/logs-api-disabled',
    section: 'logs-auditing',
    check: 'cluster-config',
    summary: {
      en: 'The /logs API is disabled (kube-apiserver runs with --enable-logs-handler=false).',
      'zh-cn': '/logs API 已关闭（kube-apiserver 以 --enable-logs-handler=false 运行）。',
    },
  },
  {
    id: 'pod-placement/by-sensitivity',
    section: 'pod-placement',
    check: 'partial',
    summary: {
      en: 'Pods are placed according to the sensitivity level of the application.',
      'zh-cn': '按照应用的敏感程度决定 Pod 调度到哪些节点。',
    },
  },
  {
    id: 'pod-placement/isolated-or-sandboxed',
    section: 'pod-placement',
    check: 'partial',
    summary: {
      en: 'Sensitive applications run isolated on nodes or with a specific sandboxed runtime.',
      'zh-cn': '敏感应用运行在隔离的节点上，或使用专门的沙箱运行时。',
    },
  },
  {
    id: 'secrets/no-configmap-secrets',
    section: 'secrets',
    check: 'manifest',
    summary: {
      en: 'ConfigMaps are not used to hold confidential data.',
      'zh-cn': '机密数据不放在 ConfigMap 里。',
    },
  },
  {
    id: 'secrets/encryption-at-rest',
    section: 'secrets',
    check: 'cluster-config',
    summary: {
      en: 'Encryption at rest is configured for the Secret API.',
      'zh-cn': '为 Secret API 配置了静态加密。',
    },
  },
  {
    id: 'secrets/external-store',
    section: 'secrets',
    check: 'partial',
    summary: {
      en: 'If appropriate, secrets stored in third-party storage are injected by a mechanism made for it.',
      'zh-cn': '在合适的场合，保存在第三方存储中的 Secret 由专门的机制注入。',
    },
  },
  {
    id: 'secrets/no-unneeded-sa-tokens',
    section: 'secrets',
    check: 'manifest',
    summary: {
      en: 'Service account tokens are not mounted in Pods that don\'t need them.',
      'zh-cn': '不需要服务账号令牌的 Pod 不挂载令牌。',
    },
  },
  {
    id: 'secrets/bound-sa-tokens',
    section: 'secrets',
    check: 'manifest',
    summary: {
      en: 'Bound, time-limited service account tokens are used instead of non-expiring tokens.',
      'zh-cn': '使用有时限的绑定服务账号令牌，而不是永不过期的令牌。',
    },
  },
  {
    id: 'images/minimal',
    section: 'images',
    check: 'manual',
    summary: {
      en: 'Unnecessary content in container images is minimized.',
      'zh-cn': '容器镜像里尽量不含多余的内容。',
    },
  },
  {
    id: 'images/non-root',
    section: 'images',
    check: 'partial',
    summary: {
      en: 'Container images are configured to run as an unprivileged user.',
      'zh-cn': '容器镜像配置为以非特权用户运行。',
    },
  },
  {
    id: 'images/digest',
    section: 'images',
    check: 'manifest',
    summary: {
      en: 'Images are referenced by sha256 digest rather than tags, or their signatures are verified by an admission controller at deploy time.',
      'zh-cn': '镜像按 sha256 摘要引用而不是按标签引用，或者在部署时由准入控制器验证镜像签名。',
    },
  },
  {
    id: 'images/scanning',
    section: 'images',
    check: 'manual',
    summary: {
      en: 'Images are scanned regularly during build and deployment, and known-vulnerable software is patched.',
      'zh-cn': '在构建和部署过程中定期扫描镜像，并修补含已知漏洞的软件。',
    },
  },
  {
    id: 'admission/plugins',
    section: 'admission',
    check: 'cluster-config',
    summary: {
      en: 'An appropriate selection of admission controllers is enabled.',
      'zh-cn': '启用了一组合适的准入控制器。',
    },
  },
  {
    id: 'admission/pod-security',
    section: 'admission',
    check: 'partial',
    summary: {
      en: 'Pod security policy is enforced by Pod Security Admission, and/or a webhook admission controller.',
      'zh-cn': '由 Pod 安全准入和/或 Webhook 准入控制器强制执行 Pod 安全策略。',
    },
  },
  {
    id: 'admission/secure-config',
    section: 'admission',
    check: 'manifest',
    summary: {
      en: 'Admission chain plugins and webhooks are securely configured.',
      'zh-cn': '准入链中的插件和 Webhook 都经过安全配置。',
    },
  },
];

const ITEMS_BY_ID = new Map(CHECKLIST_ITEMS.map((item) => [item.id, item]));
const SECTIONS_BY_ID = new Map(CHECKLIST_SECTIONS.map((section) => [section.id, section]));

export function checklistItemById(id: string): ChecklistItem | undefined {
  return ITEMS_BY_ID.get(id);
}

export function checklistSectionById(id: string): ChecklistSection | undefined {
  return SECTIONS_BY_ID.get(id);
}

/** The address of an item's section on the Kubernetes documentation page, in a locale. */
export function checklistItemUrl(id: string, locale: Locale = 'en'): string {
  const anchor = checklistSectionById(id.split('/')[0])?.anchor ?? '';
  const base = locale === 'zh-cn' ? CHECKLIST_URL.replace('/docs/', '/zh-cn/docs/') : CHECKLIST_URL;
  return anchor ? `${base}#${anchor}` : base;
}
