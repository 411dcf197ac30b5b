/**
 * What the checks of other Kubernetes linters (kube-linter, Checkov, Polaris, Trivy and kube-score)
 * correspond to here: the checklist item each one serves and our rules for it, or why it is not a
 * checklist item, or why we deliberately check it differently. One table, two uses: docs/peers.md
 * (`kube-checklist rules --format peers`) and the alias table that honours those tools' ignore
 * annotations (FOREIGN_ALIASES in foreign-annotations.ts is derived from the `mapped` entries).
 *
 * - `mapped`: a checklist item, and our `rules` check the same thing (perhaps more or less strictly;
 *   the `note` says how). Only these become annotation aliases.
 * - `differs`: a checklist item, but we check it another way or not at all; `rules` (maybe empty)
 *   are what we check instead, and the `note` says why.
 * - `not-a-checklist-item`: a sound check, but of reliability, hygiene or a benchmark outside the
 *   Kubernetes Security Checklist; the `note` says what it is.
 *
 * Titles and notes are ours, written from the tools' public check lists. Trivy's checks are listed
 * but not honoured as annotations: Trivy ignores findings by comments and .trivyignore files, not
 * by object annotations.
 */
import type { Localized } from '../i18n/localized';

export type PeerTool = 'kube-linter' | 'checkov' | 'polaris' | 'trivy' | 'kube-score';

export const PEER_TOOLS: readonly PeerTool[] = ['kube-linter', 'checkov', 'polaris', 'trivy', 'kube-score'];

export type PeerStatus = 'mapped' | 'not-a-checklist-item' | 'differs';

export interface PeerCheck {
  readonly tool: PeerTool;
  /** The tool's own check id (`privileged-container`, `CKV_K8S_16`, `runAsPrivileged`, `KSV-0017`). */
  readonly id: string;
  readonly title: Localized;
  /** The checklist items it serves, or null when it serves none. */
  readonly checklist: readonly string[] | null;
  /** Our rules: the equivalent ones (`mapped`) or what we check instead (`differs`). */
  readonly rules: readonly string[];
  readonly status: PeerStatus;
  readonly note?: Localized;
}

type Entry = Omit<PeerCheck, 'tool' | 'id'>;

const t = (en: string, zh: string): Localized => ({ en, 'zh-cn': zh });

function mapped(title: Localized, checklist: string[], rules: string[], note?: Localized): Entry {
  return { title, checklist, rules, status: 'mapped', ...(note ? { note } : {}) };
}

function differs(title: Localized, checklist: string[], rules: string[], note: Localized): Entry {
  return { title, checklist, rules, status: 'differs', note };
}

function outside(title: Localized, note: Localized): Entry {
  return { title, checklist: null, rules: [], status: 'not-a-checklist-item', note };
}

/** The same topic with other rules (to keep a tool's alias exactly as it was). */
function withRules(entry: Entry, rules: string[]): Entry {
  return { ...entry, rules };
}

function titled(entry: Entry, title: Localized): Entry {
  return { ...entry, title };
}

// Checklist items.
const PSS = 'pod-security/pss-enforced';
const NON_ROOT = 'images/non-root';
const DIGEST = 'images/digest';
const MEMORY = 'pod-security/memory-limits';
const CPU = 'pod-security/cpu-limits';
const SECCOMP_ITEM = 'pod-security/seccomp';
const MAC = 'pod-security/apparmor-selinux';
const RBAC = 'authn-authz/rbac-good-practices';
const WORKLOAD_WRITE = 'pod-security/workload-write-rbac';
const POLICIES = 'network/policies-all-workloads';
const CONTROL_PLANE = 'network/control-plane-not-exposed';
const LB = 'network/restrict-loadbalancer-externalip';
const NO_CM_SECRETS = 'secrets/no-configmap-secrets';
const EXTERNAL_STORE = 'secrets/external-store';
const SA_TOKENS = 'secrets/no-unneeded-sa-tokens';
const BOUND_TOKENS = 'secrets/bound-sa-tokens';
const ENCRYPTION = 'secrets/encryption-at-rest';
const AUDIT = 'logs-auditing/audit-logs-protected';
const PLUGINS = 'admission/plugins';
const MASTERS = 'authn-authz/system-masters';
const CM_SA = 'authn-authz/controller-manager-sa-credentials';
const ROOT_CA = 'authn-authz/root-ca-protected';
const CERT_VALIDITY = 'authn-authz/cert-validity';
const PLACEMENT = 'pod-placement/by-sensitivity';
const ADMISSION_CONFIG = 'admission/secure-config';

// Rule groups (as the alias table has always had them).
const CAPABILITIES = ['pss-capabilities-baseline', 'pss-capabilities-restricted'];
const SECCOMP = ['pss-seccomp-baseline', 'pss-seccomp-restricted', 'seccomp-profile-unset'];
const PROC_MOUNT = ['pss-proc-mount', 'pss-proc-mount-restricted'];

// Shared notes.
const RELIABILITY = t(
  'A reliability or operations check; the Security Checklist has no item for it.',
  '属于可靠性或运维方面的检查；安全检查清单中没有对应条目。',
);
const HYGIENE = t(
  'Manifest hygiene (names, selectors, references); not a security checklist item.',
  '属于清单文件的整洁性检查（名称、选择器、引用）；不是安全检查清单的条目。',
);
const CIS_ONLY = t(
  'A CIS Benchmark setting that the Security Checklist does not ask for.',
  '这是 CIS 基准中的设置，安全检查清单并未要求。',
);
const NOT_COVERED = t(
  'Serves this checklist item, but not covered yet.',
  '属于该检查清单条目，但尚未覆盖。',
);
const PSP_REMOVED = t(
  'PodSecurityPolicy was removed in Kubernetes 1.25; we check the Pods themselves against the Pod Security Standards (the pss-* rules) and the namespaces\' Pod Security Admission labels.',
  'PodSecurityPolicy 已在 Kubernetes 1.25 中移除；我们直接按 Pod 安全标准检查 Pod 本身（pss-* 规则），并检查命名空间的 Pod 安全准入标签。',
);
const REMOVED_FLAG = t(
  'The flag no longer exists in supported Kubernetes versions; the API server refuses to start with it.',
  '该参数在受支持的 Kubernetes 版本中已不存在；API 服务器带着它将无法启动。',
);
const NO_READ_ONLY_ROOT = t(
  'A good hardening step, but the Security Checklist does not list a read-only root filesystem.',
  '这是不错的加固措施，但安全检查清单没有列出只读根文件系统。',
);
const HIGH_UID = t(
  'The checklist asks for an unprivileged user, not for an ID above 10000; we report root (runAsNonRoot, runAsUser: 0) as the Pod Security Standards do.',
  '检查清单要求以非特权用户运行，而不是要求用户 ID 大于 10000；我们与 Pod 安全标准一致，只报告 root（runAsNonRoot、runAsUser: 0）。',
);
const REGISTRY = t(
  'Registry allow-lists are site policy; the checklist asks for digests or verified signatures, which image-without-digest checks.',
  '镜像仓库白名单属于站点自身的策略；检查清单要求使用摘要或已验证的签名，由 image-without-digest 检查。',
);
const DEFAULT_NAMESPACE = t(
  'Using the default namespace is an organisation question; the checklist asks for Pod Security and network policies per namespace, which we check for every namespace, default included.',
  '是否使用 default 命名空间是组织层面的问题；检查清单要求每个命名空间都有 Pod 安全和网络策略，我们对包括 default 在内的每个命名空间都做检查。',
);
const NOT_ESCALATION_PATH = t(
  'Not one of the escalation paths of the RBAC good practices that the checklist links to.',
  '不属于检查清单所引用的 RBAC 良好实践中列出的提权途径。',
);
const EMPTY_CONTEXT = t(
  'An absent securityContext is not a finding by itself; the Pod Security rules report each field that matters, with its allowed values.',
  '缺少 securityContext 本身不算问题；Pod 安全规则会逐个报告真正重要的字段及其允许的取值。',
);

// Topics shared by several tools.
const PRIVILEGED = mapped(t('Privileged container', '特权容器'), [PSS], ['pss-privileged']);
const HOST_NETWORK = mapped(t('Host network namespace', '共享主机网络命名空间'), [PSS], ['pss-host-namespaces']);
const HOST_PID = mapped(t('Host PID namespace', '共享主机进程命名空间'), [PSS], ['pss-host-namespaces']);
const HOST_IPC = mapped(t('Host IPC namespace', '共享主机 IPC 命名空间'), [PSS], ['pss-host-namespaces']);
const PRIVILEGE_ESCALATION = mapped(t('Privilege escalation allowed', '允许提权'), [PSS], ['pss-allow-privilege-escalation']);
const RUN_AS_NON_ROOT = mapped(t('Container may run as root', '容器可能以 root 运行'), [PSS, NON_ROOT], ['pss-run-as-non-root']);
const RUN_AS_UID_0 = mapped(t('runAsUser: 0', 'runAsUser: 0'), [PSS, NON_ROOT], ['pss-run-as-user', 'run-as-root-user']);
const HIGH_UID_CHECK = differs(t('User or group ID not above 10000', '用户或组 ID 不大于 10000'), [NON_ROOT], ['pss-run-as-non-root', 'pss-run-as-user'], HIGH_UID);
const ROOT_GROUP = differs(
  t('Root group ID (runAsGroup, fsGroup, supplementalGroups)', '使用 root 组 ID（runAsGroup、fsGroup、supplementalGroups）'),
  [NON_ROOT],
  ['pss-run-as-non-root', 'pss-run-as-user'],
  t(
    'The Pod Security Standards do not restrict group 0 and neither does the checklist; we report the root user.',
    'Pod 安全标准和检查清单都不限制 0 号组；我们报告的是 root 用户。',
  ),
);
const NET_RAW = mapped(t('NET_RAW capability not dropped', '未丢弃 NET_RAW 权能'), [PSS], CAPABILITIES, t(
  'PSS baseline forbids adding NET_RAW; restricted requires dropping ALL, which removes it.',
  'PSS baseline 禁止添加 NET_RAW；restricted 要求丢弃 ALL，从而也去掉了它。',
));
const ADDED_CAPABILITIES = mapped(t('Capabilities added', '添加了权能'), [PSS], CAPABILITIES);
const DROP_ALL = mapped(t('Capabilities not dropped (drop ALL)', '未丢弃权能（drop ALL）'), [PSS], CAPABILITIES);
const SYS_ADMIN = mapped(t('SYS_ADMIN capability', 'SYS_ADMIN 权能'), [PSS], CAPABILITIES);
const DANGEROUS_CAPABILITIES = mapped(t('Dangerous or insecure capabilities', '危险或不安全的权能'), [PSS], CAPABILITIES, t(
  'Polaris compares capability names case-insensitively; Kubernetes and Pod Security Admission compare them exactly, and so do we.',
  'Polaris 比较权能名称时不区分大小写；Kubernetes 和 Pod 安全准入按原样比较，我们也一样。',
));
const PROC = mapped(t('Unmasked /proc mount', '未屏蔽的 /proc 挂载'), [PSS], PROC_MOUNT);
const SYSCTLS = mapped(t('Unsafe sysctls', '不安全的 sysctl'), [PSS], ['pss-sysctls']);
const HOST_PATH = mapped(t('hostPath volume', 'hostPath 卷'), [PSS], ['pss-host-path-volumes']);
const SENSITIVE_HOST_MOUNT = mapped(t('Sensitive host directory mounted', '挂载了敏感的主机目录'), [PSS], ['pss-host-path-volumes'], t(
  'We report every hostPath volume, as PSS baseline does, not only a list of sensitive paths.',
  '与 PSS baseline 一致，我们报告所有 hostPath 卷，而不仅限于一组敏感路径。',
));
const RUNTIME_SOCKET = mapped(t('Container runtime socket mounted', '挂载了容器运行时套接字'), [PSS], ['pss-host-path-volumes']);
const HOST_PORT = mapped(t('Host port', '主机端口'), [PSS], ['pss-host-ports']);
const HOST_PROCESS = mapped(t('Windows HostProcess container', 'Windows HostProcess 容器'), [PSS], ['pss-windows-host-process']);
const SECCOMP_PROFILE = mapped(t('Seccomp profile not set', '未设置 seccomp 配置文件'), [PSS, SECCOMP_ITEM], SECCOMP);
const MEMORY_LIMIT = mapped(t('Memory limit not set', '未设置内存限制'), [MEMORY], ['container-memory-limit']);
const MEMORY_REQUEST = differs(t('Memory request not set', '未设置内存请求'), [MEMORY], ['container-memory-limit'], t(
  'We require the limit and a limit no higher than the request; an unset request defaults to the limit, which is what the checklist wants.',
  '我们要求设置内存限制，且限制不高于请求；未设置请求时请求默认等于限制，这正是检查清单的要求。',
));
const CPU_LIMIT = mapped(t('CPU limit not set', '未设置 CPU 限制'), [CPU], ['sensitive-cpu-limit'], t(
  'The checklist asks for CPU limits on sensitive workloads only; sensitive-cpu-limit reports those, not every container.',
  '检查清单只要求敏感工作负载设置 CPU 限制；sensitive-cpu-limit 只报告这些工作负载，而不是所有容器。',
));
const CPU_REQUEST = outside(t('CPU request not set', '未设置 CPU 请求'), RELIABILITY);
const IMAGE_TAG = mapped(t('Image on latest or without a tag', '镜像使用 latest 或未指定标签'), [DIGEST], ['image-latest-tag']);
const IMAGE_DIGEST = mapped(t('Image without a digest', '镜像未使用摘要'), [DIGEST], ['image-without-digest']);
const PULL_POLICY = differs(t('Image pull policy not Always', '镜像拉取策略不是 Always'), [DIGEST], ['image-pull-policy-mutable-tag'], t(
  'An image pinned by digest makes the pull policy irrelevant; we only report cached pulls of a mutable tag.',
  '按摘要固定的镜像与拉取策略无关；我们只报告对可变标签使用缓存拉取的情况。',
));
const READ_ONLY_ROOT = outside(t('Root filesystem not read-only', '根文件系统不是只读'), NO_READ_ONLY_ROOT);
const AUTOMOUNT = mapped(t('Service account token mounted automatically', '自动挂载服务账号令牌'), [SA_TOKENS], ['service-account-token-automount']);
const SECRET_IN_ENV = mapped(t('Secret read into an environment variable', '把 Secret 读入环境变量'), [EXTERNAL_STORE], ['secret-in-env']);
const LITERAL_ENV_CREDENTIAL = mapped(t('Credential written in an environment variable', '环境变量中写入了凭据'), [NO_CM_SECRETS], ['env-literal-credentials']);
const CONFIGMAP_CREDENTIAL = mapped(t('Credentials in a ConfigMap', 'ConfigMap 中含有凭据'), [NO_CM_SECRETS], ['configmap-credentials']);
const WILDCARD = mapped(t('Wildcard in RBAC rules', 'RBAC 规则中使用通配符'), [RBAC], ['rbac-wildcard']);
const READ_SECRETS = mapped(t('RBAC access to Secrets', 'RBAC 可访问 Secret'), [RBAC], ['rbac-read-secrets']);
const CREATE_WORKLOADS = mapped(t('RBAC right to create or change workloads', 'RBAC 可创建或修改工作负载'), [WORKLOAD_WRITE], ['workload-write-rbac']);
const CLUSTER_ADMIN = mapped(t('Binding to cluster-admin', '绑定到 cluster-admin'), [RBAC], ['rbac-cluster-admin-binding']);
const EXEC_ATTACH = mapped(t('RBAC exec or attach into Pods', 'RBAC 可 exec 或 attach 进入 Pod'), [RBAC], ['rbac-pod-exec-attach']);
const BINDING_EXEC_ATTACH = mapped(t('Binding grants exec or attach into Pods', '绑定授予了 exec 或 attach 进入 Pod 的权限'), [RBAC], ['rbac-binding-dangerous-role']);
const ESCALATE_BIND_IMPERSONATE = mapped(t('RBAC escalate, bind or impersonate', 'RBAC escalate、bind 或 impersonate'), [RBAC], ['rbac-escalate-bind-impersonate']);
const MANAGE_RBAC = differs(t('RBAC right to write Roles or bindings', 'RBAC 可写入 Role 或绑定'), [RBAC], ['rbac-escalate-bind-impersonate', 'rbac-binding-dangerous-role'], t(
  'Writing Roles and bindings cannot grant more than the writer holds (RBAC escalation prevention) unless it has escalate or bind, which rbac-escalate-bind-impersonate reports.',
  '写入 Role 和绑定无法授予超出写入者自身拥有的权限（RBAC 的提权防护），除非它拥有 escalate 或 bind，这由 rbac-escalate-bind-impersonate 报告。',
));
const NODES_PROXY = mapped(t('RBAC access to nodes/proxy', 'RBAC 可访问 nodes/proxy'), [RBAC], ['rbac-nodes-proxy']);
const WEBHOOK_WRITE = mapped(t('RBAC write access to admission webhooks', 'RBAC 可写入准入 Webhook 配置'), [RBAC], ['rbac-webhook-config-write']);
const APPROVE_CSR = mapped(t('RBAC right to approve certificate requests', 'RBAC 可批准证书请求'), [RBAC], ['rbac-approve-csr']);
const DEFAULT_SA_BINDING = mapped(t('Binding to the default service account', '绑定到 default 服务账号'), [RBAC], ['rbac-binding-to-default-service-account']);
const NETWORK_POLICY = mapped(t('Pod not selected by a NetworkPolicy', 'Pod 未被任何 NetworkPolicy 选中'), [POLICIES], ['network-policy-workload-coverage'], t(
  'We require ingress and egress coverage, understand matchExpressions and the policyTypes defaults, and accept default-deny policies with empty rule lists.',
  '我们要求入站和出站都被覆盖，理解 matchExpressions 和 policyTypes 的默认值，并接受规则列表为空的默认拒绝策略。',
));
const DANGLING = outside(t('Object that selects or references nothing', '未选中或引用任何对象'), HYGIENE);
const PROBES = outside(t('Liveness or readiness probe missing', '缺少存活或就绪探针'), RELIABILITY);
const REPLICAS = outside(t('Too few replicas', '副本数过少'), RELIABILITY);
const DISRUPTION_BUDGET = outside(t('PodDisruptionBudget missing or blocking', 'PodDisruptionBudget 缺失或阻止驱逐'), RELIABILITY);
const ANTI_AFFINITY = outside(t('No pod anti-affinity across nodes', '未设置跨节点的 Pod 反亲和性'), RELIABILITY);
const USES_DEFAULT_NAMESPACE = outside(t('Object in the default namespace', '对象位于 default 命名空间'), DEFAULT_NAMESPACE);
const DEFAULT_SERVICE_ACCOUNT = mapped(t('Pod runs as the default service account', 'Pod 以 default 服务账号运行'), [RBAC], ['workload-default-service-account']);
const PSP = (title: Localized): Entry => differs(title, [PSS], [], PSP_REMOVED);

// Control plane.
const API_ANONYMOUS = mapped(t('API server anonymous auth', 'API 服务器匿名认证'), [CONTROL_PLANE], ['apiserver-anonymous-auth']);
const AUTHZ_ALWAYS_ALLOW = mapped(t('API server authorization mode AlwaysAllow', 'API 服务器授权模式为 AlwaysAllow'), [CONTROL_PLANE, RBAC], ['apiserver-authorization-always-allow']);
const AUTHZ_INCLUDES = (title: Localized): Entry =>
  differs(title, [RBAC], ['apiserver-authorization-always-allow'], t(
    'Which authorizers run besides AlwaysAllow is the cluster\'s choice (a webhook may stand in for RBAC); we report AlwaysAllow.',
    '除 AlwaysAllow 之外启用哪些授权器由集群自行决定（Webhook 可以代替 RBAC）；我们报告的是 AlwaysAllow。',
  ));
const TOKEN_AUTH_FILE = mapped(t('API server static token file', 'API 服务器静态令牌文件'), [MASTERS], ['apiserver-token-auth-file']);
const KUBELET_CLIENT_CERT = mapped(t('API server client certificate for kubelets', 'API 服务器访问 kubelet 的客户端证书'), [CONTROL_PLANE], ['apiserver-kubelet-client-tls']);
const KUBELET_CA = mapped(t('API server verifies kubelet serving certificates', 'API 服务器校验 kubelet 服务证书'), [CONTROL_PLANE], ['apiserver-kubelet-client-tls']);
const KUBELET_HTTPS = outside(t('API server uses HTTPS to kubelets', 'API 服务器使用 HTTPS 访问 kubelet'), REMOVED_FLAG);
const BASIC_AUTH = outside(t('API server basic auth file', 'API 服务器基本认证文件'), REMOVED_FLAG);
const HARDENING_PLUGIN = (title: Localized): Entry => mapped(title, [PLUGINS], ['admission-hardening-plugins']);
const SECURITY_PLUGIN = (title: Localized): Entry => mapped(title, [PLUGINS], ['admission-security-plugin-disabled']);
const ALWAYS_ADMIT = mapped(t('AlwaysAdmit admission plugin', 'AlwaysAdmit 准入插件'), [PLUGINS], ['admission-always-admit']);
const NODE_RESTRICTION = mapped(t('NodeRestriction admission plugin', 'NodeRestriction 准入插件'), [PLUGINS], ['admission-node-restriction']);
const SECURITY_CONTEXT_DENY = differs(t('SecurityContextDeny admission plugin', 'SecurityContextDeny 准入插件'), [PLUGINS], ['admission-plugins-invalid'], t(
  'The plugin was removed in Kubernetes 1.30 and Pod Security Admission replaces it; we report enabling it where it no longer exists.',
  '该插件已在 Kubernetes 1.30 中移除，由 Pod 安全准入取代；在它已不存在的版本上启用它时我们会报告。',
));
const PSP_PLUGIN = differs(t('PodSecurityPolicy admission plugin', 'PodSecurityPolicy 准入插件'), [PLUGINS], ['admission-plugins-invalid'], PSP_REMOVED);
const INSECURE_PORT = mapped(t('API server insecure port or bind address', 'API 服务器不安全端口或绑定地址'), [CONTROL_PLANE], ['apiserver-insecure-port']);
const SECURE_PORT = differs(t('API server secure port disabled', 'API 服务器禁用了安全端口'), [CONTROL_PLANE], ['apiserver-insecure-port'], t(
  'Since Kubernetes 1.24 the API server cannot serve without TLS, so --secure-port=0 leaves it unreachable rather than exposed.',
  '自 Kubernetes 1.24 起 API 服务器无法在没有 TLS 的情况下提供服务，因此 --secure-port=0 只会让它无法访问，而不是暴露。',
));
const PROFILING = mapped(t('Profiling endpoint enabled', '启用了性能分析端点'), ['logs-auditing/logs-api-disabled'], ['control-plane-profiling']);
const AUDIT_LOG = mapped(t('API server audit log', 'API 服务器审计日志'), [AUDIT], ['apiserver-audit-logging']);
const AUDIT_RETENTION = mapped(t('Audit log retention (age, backups, size)', '审计日志保留（天数、备份数、大小）'), [AUDIT], ['apiserver-audit-logging']);
const REQUEST_TIMEOUT = outside(t('API server request timeout', 'API 服务器请求超时'), CIS_ONLY);
const SA_LOOKUP = mapped(t('API server service account lookup', 'API 服务器服务账号查验'), [BOUND_TOKENS], ['apiserver-service-account-lookup']);
const SA_KEY_FILE = outside(t('Service account signing key files set', '设置了服务账号签名密钥文件'), t(
  'Required for service account tokens to work at all; installers set it, and the checklist does not name it.',
  '服务账号令牌正常工作所必需；安装工具会设置它，检查清单也未提及。',
));
const ETCD_CLIENT_TLS = mapped(t('API server client certificate and CA for etcd', 'API 服务器访问 etcd 的客户端证书和 CA'), [CONTROL_PLANE], ['apiserver-etcd-client-tls']);
const TLS_CERT = outside(t('Serving certificate files set', '设置了服务证书文件'), t(
  'Without them the component serves a self-signed certificate, still over TLS; a CIS setting the checklist does not name.',
  '不设置时组件会使用自签名证书，仍然走 TLS；这是检查清单未提及的 CIS 设置。',
));
const ENCRYPTION_CONFIG = mapped(t('Encryption at rest configured', '配置了静态加密'), [ENCRYPTION], ['apiserver-encryption-provider-config'], t(
  'We also read the EncryptionConfiguration file itself (encryption-config-secrets-unencrypted, encryption-config-weak-provider).',
  '我们还会读取 EncryptionConfiguration 文件本身（encryption-config-secrets-unencrypted、encryption-config-weak-provider）。',
));
const CM_SA_CREDENTIALS = mapped(t('Controller manager uses service account credentials', '控制器管理器使用服务账号凭据'), [CM_SA], ['controller-manager-sa-credentials']);
const ROOT_CA_FILE = differs(t('Controller manager root CA file', '控制器管理器根 CA 文件'), [ROOT_CA], ['ca-private-key-stored', 'ca-key-host-path'], t(
  'The flag only hands the CA certificate to service accounts; the checklist item is about keeping the CA key out of reach, which ca-private-key-stored and ca-key-host-path check.',
  '该参数只是把 CA 证书分发给服务账号；检查清单条目关注的是不让 CA 私钥被接触到，由 ca-private-key-stored 和 ca-key-host-path 检查。',
));
const CERT_ROTATION = mapped(t('Kubelet certificate rotation', 'kubelet 证书轮换'), [CERT_VALIDITY], ['kubelet-serving-certificate']);
const BIND_ADDRESS = mapped(t('Scheduler or controller manager bound to every address', '调度器或控制器管理器绑定到所有地址'), [CONTROL_PLANE], ['control-plane-bind-all-interfaces']);
const ETCD_TLS = mapped(t('etcd serving certificate', 'etcd 服务证书'), [CONTROL_PLANE], ['etcd-plain-http']);
const ETCD_CLIENT_AUTH = mapped(t('etcd client certificate auth', 'etcd 客户端证书认证'), [CONTROL_PLANE], ['etcd-client-cert-auth']);
const ETCD_AUTO_TLS = mapped(t('etcd automatic self-signed TLS', 'etcd 自动自签名 TLS'), [CONTROL_PLANE], ['etcd-auto-tls']);
const ETCD_PEER = mapped(t('etcd peer certificates and auth', 'etcd 对等节点证书与认证'), [CONTROL_PLANE], ['etcd-peer-cert-auth']);
const KUBELET_ANONYMOUS = mapped(t('Kubelet anonymous auth', 'kubelet 匿名认证'), [CONTROL_PLANE], ['kubelet-anonymous-auth']);
const KUBELET_AUTHZ = mapped(t('Kubelet authorization mode AlwaysAllow', 'kubelet 授权模式为 AlwaysAllow'), [CONTROL_PLANE], ['kubelet-authorization-always-allow']);
const KUBELET_CLIENT_CA = mapped(t('Kubelet client CA file', 'kubelet 客户端 CA 文件'), [CONTROL_PLANE], ['kubelet-client-ca']);
const KUBELET_READ_ONLY = mapped(t('Kubelet read-only port', 'kubelet 只读端口'), [CONTROL_PLANE], ['kubelet-read-only-port']);
const KUBELET_CIS = (title: Localized): Entry => outside(title, CIS_ONLY);

// Trivy's contradictory plugin check.
const DENY_EXTERNAL_IPS_OFF = differs(t('DenyServiceExternalIPs admission plugin not set', '未启用 DenyServiceExternalIPs 准入插件'), [PLUGINS, LB], ['admission-deny-service-external-ips'], t(
  'Trivy follows an old CIS text that wants the plugin off; the checklist asks to restrict external IPs, so we recommend turning it on.',
  'Trivy 沿用旧版 CIS 文本，要求关闭该插件；检查清单要求限制外部 IP，因此我们建议启用它。',
));

type Row = readonly [id: string, entry: Entry];

const KUBE_LINTER: readonly Row[] = [
  ['access-to-create-pods', withRules(CREATE_WORKLOADS, ['workload-write-rbac'])],
  ['access-to-secrets', READ_SECRETS],
  ['aggregate-to-admin-escalation', differs(t('ClusterRole aggregated into admin or edit', '聚合到 admin 或 edit 的 ClusterRole'), [RBAC], ['rbac-binding-dangerous-role'], NOT_COVERED)],
  ['approve-signers-without-resource-names', titled(APPROVE_CSR, t('Approval of any certificate signer', '可批准任意证书签名者'))],
  ['automount-service-account-token', AUTOMOUNT],
  ['bind-verb-in-role', titled(ESCALATE_BIND_IMPERSONATE, t('RBAC bind verb', 'RBAC bind 动词'))],
  ['cluster-admin-role-binding', CLUSTER_ADMIN],
  ['cluster-wide-secrets-access', titled(READ_SECRETS, t('Cluster-wide access to Secrets', '集群范围访问 Secret'))],
  ['configmap-with-credentials', CONFIGMAP_CREDENTIAL],
  ['container-runtime-sock', RUNTIME_SOCKET],
  ['dangling-horizontalpodautoscaler', DANGLING],
  ['dangling-ingress', DANGLING],
  ['dangling-networkpolicy', titled(DANGLING, t('NetworkPolicy that selects no Pod', '未选中任何 Pod 的 NetworkPolicy'))],
  ['dangling-networkpolicypeer-podselector', titled(DANGLING, t('NetworkPolicy peer that selects no Pod', '未选中任何 Pod 的 NetworkPolicy 对端'))],
  ['dangling-service', titled(DANGLING, t('Service that selects no Pod', '未选中任何 Pod 的 Service'))],
  ['dangling-servicemonitor', DANGLING],
  ['default-service-account', DEFAULT_SERVICE_ACCOUNT],
  ['deletecollection-verb-in-role', outside(t('RBAC deletecollection verb', 'RBAC deletecollection 动词'), NOT_ESCALATION_PATH)],
  ['deprecated-service-account-field', outside(t('Deprecated serviceAccount field', '已弃用的 serviceAccount 字段'), HYGIENE)],
  ['dnsconfig-options', outside(t('dnsConfig options not set', '未设置 dnsConfig 选项'), RELIABILITY)],
  ['docker-sock', RUNTIME_SOCKET],
  ['drop-net-raw-capability', NET_RAW],
  ['duplicate-env-var', outside(t('Duplicate environment variable', '重复的环境变量'), HYGIENE)],
  ['env-var-secret', LITERAL_ENV_CREDENTIAL],
  ['escalate-verb-in-role', titled(ESCALATE_BIND_IMPERSONATE, t('RBAC escalate verb', 'RBAC escalate 动词'))],
  ['exposed-services', differs(t('NodePort or LoadBalancer Service', 'NodePort 或 LoadBalancer 类型的 Service'), [LB], ['service-load-balancer-source-ranges', 'service-external-ips', 'service-exposes-control-plane'], t(
    'The checklist asks to restrict LoadBalancer and external IPs, not to forbid them; we report public load balancers without source ranges, external IPs and exposed control-plane ports.',
    '检查清单要求限制 LoadBalancer 和外部 IP，而不是禁止它们；我们报告没有来源地址范围的公网负载均衡器、外部 IP 以及暴露的控制平面端口。',
  ))],
  ['host-ipc', HOST_IPC],
  ['host-network', HOST_NETWORK],
  ['host-pid', HOST_PID],
  ['hpa-minimum-three-replicas', REPLICAS],
  ['image-not-pinned-by-digest', IMAGE_DIGEST],
  ['impersonate-without-resource-names', titled(ESCALATE_BIND_IMPERSONATE, t('RBAC impersonate without resource names', 'RBAC impersonate 未限定资源名'))],
  ['insecure-route-termination', outside(t('OpenShift Route without secure TLS termination', 'OpenShift Route 未安全终止 TLS'), t('Edge TLS for incoming traffic; the checklist\'s encryption item is about traffic inside the cluster.', '属于入站流量的边缘 TLS；检查清单的加密条目针对的是集群内部流量。'))],
  ['invalid-target-ports', outside(t('Invalid port name', '无效的端口名称'), HYGIENE)],
  ['job-ttl-seconds-after-finished', outside(t('Job without ttlSecondsAfterFinished', 'Job 未设置 ttlSecondsAfterFinished'), RELIABILITY)],
  ['latest-tag', IMAGE_TAG],
  ['liveness-port', PROBES],
  ['minimum-three-replicas', REPLICAS],
  ['mismatching-selector', outside(t('Selector does not match the Pod template', '选择器与 Pod 模板不匹配'), HYGIENE)],
  ['no-anti-affinity', ANTI_AFFINITY],
  ['no-extensions-v1beta', outside(t('Removed extensions/v1beta API', '已移除的 extensions/v1beta API'), HYGIENE)],
  ['no-liveness-probe', PROBES],
  ['no-node-affinity', differs(t('No node affinity', '未设置节点亲和性'), [PLACEMENT], ['sensitive-node-placement'], t(
    'The checklist asks to place Pods by sensitivity; we check placement for workloads marked sensitive, not node affinity on every workload.',
    '检查清单要求按敏感程度放置 Pod；我们检查标记为敏感的工作负载的调度位置，而不是要求每个工作负载都设置节点亲和性。',
  ))],
  ['no-read-only-root-fs', READ_ONLY_ROOT],
  ['no-readiness-probe', PROBES],
  ['no-rolling-update-strategy', outside(t('No rolling update strategy', '未使用滚动更新策略'), RELIABILITY)],
  ['no-startup-probe', PROBES],
  ['non-existent-service-account', outside(t('Service account not found', '找不到服务账号'), HYGIENE)],
  ['non-isolated-pod', NETWORK_POLICY],
  ['pdb-max-unavailable', DISRUPTION_BUDGET],
  ['pdb-min-available', DISRUPTION_BUDGET],
  ['pdb-unhealthy-pod-eviction-policy', DISRUPTION_BUDGET],
  ['privilege-escalation-container', PRIVILEGE_ESCALATION],
  ['privileged-container', PRIVILEGED],
  ['privileged-ports', outside(t('Container port below 1024', '容器端口小于 1024'), t(
    'Low ports need NET_BIND_SERVICE, which the Pod Security Standards allow; not a checklist item.',
    '低端口需要 NET_BIND_SERVICE 权能，而 Pod 安全标准允许它；不是检查清单条目。',
  ))],
  ['read-secret-from-env-var', SECRET_IN_ENV],
  ['projected-token-long-expiration', mapped(t('Long-lived projected service account token', '长期有效的投射服务账号令牌'), [BOUND_TOKENS], ['projected-token-long-expiration'])],
  ['readiness-port', PROBES],
  ['required-annotation-email', outside(t('Owner email annotation missing', '缺少负责人邮箱注解'), HYGIENE)],
  ['required-label-owner', outside(t('Owner label missing', '缺少负责人标签'), HYGIENE)],
  ['restart-policy', outside(t('Restart policy', '重启策略'), RELIABILITY)],
  ['run-as-non-root', withRules(RUN_AS_NON_ROOT, ['pss-run-as-non-root', 'run-as-root-user'])],
  ['scc-deny-privileged-container', differs(t('OpenShift SCC allows privileged containers', 'OpenShift SCC 允许特权容器'), [PSS], ['pss-privileged'], t(
    'We do not read SecurityContextConstraints; we check the Pods themselves against the Pod Security Standards.',
    '我们不读取 SecurityContextConstraints；我们直接按 Pod 安全标准检查 Pod 本身。',
  ))],
  ['sensitive-host-mounts', SENSITIVE_HOST_MOUNT],
  ['ssh-port', outside(t('Port 22 exposed', '暴露了 22 端口'), t('What a workload listens on is its own business; not a checklist item.', '工作负载监听哪些端口是它自己的事；不是检查清单条目。'))],
  ['startup-port', PROBES],
  ['unsafe-proc-mount', PROC],
  ['unsafe-sysctls', mapped(SYSCTLS.title, [PSS], ['pss-sysctls'], t(
    'kube-linter uses a fixed prefix deny-list; we use the allow-list of the Pod Security Standards for the Kubernetes version in use.',
    'kube-linter 使用固定的前缀黑名单；我们使用所用 Kubernetes 版本的 Pod 安全标准白名单。',
  ))],
  ['unset-cpu-requirements', CPU_LIMIT],
  ['unset-memory-requirements', MEMORY_LIMIT],
  ['use-namespace', USES_DEFAULT_NAMESPACE],
  ['wildcard-in-rules', WILDCARD],
  ['webhook-failure-policy-ignore', mapped(t('Admission webhook that fails open', '失败时放行的准入 Webhook'), [ADMISSION_CONFIG], ['webhook-failure-policy-ignore'])],
  ['wildcard-resource-verb-combo', titled(WILDCARD, t('RBAC wildcard verbs on sensitive resources', 'RBAC 对敏感资源使用通配动词'))],
  ['writable-host-mount', titled(HOST_PATH, t('Writable hostPath mount', '可写的 hostPath 挂载'))],
];

const CHECKOV: readonly Row[] = [
  ['CKV_K8S_1', PSP(t('PodSecurityPolicy allows host PID', 'PodSecurityPolicy 允许共享主机 PID'))],
  ['CKV_K8S_2', PSP(t('PodSecurityPolicy allows privileged containers', 'PodSecurityPolicy 允许特权容器'))],
  ['CKV_K8S_3', PSP(t('PodSecurityPolicy allows host IPC', 'PodSecurityPolicy 允许共享主机 IPC'))],
  ['CKV_K8S_4', PSP(t('PodSecurityPolicy allows host network', 'PodSecurityPolicy 允许共享主机网络'))],
  ['CKV_K8S_5', PSP(t('PodSecurityPolicy allows privilege escalation', 'PodSecurityPolicy 允许提权'))],
  ['CKV_K8S_6', PSP(t('PodSecurityPolicy allows root containers', 'PodSecurityPolicy 允许 root 容器'))],
  ['CKV_K8S_7', PSP(t('PodSecurityPolicy allows NET_RAW', 'PodSecurityPolicy 允许 NET_RAW'))],
  ['CKV_K8S_8', PROBES],
  ['CKV_K8S_9', PROBES],
  ['CKV_K8S_10', CPU_REQUEST],
  ['CKV_K8S_11', CPU_LIMIT],
  ['CKV_K8S_12', MEMORY_REQUEST],
  ['CKV_K8S_13', MEMORY_LIMIT],
  ['CKV_K8S_14', IMAGE_TAG],
  ['CKV_K8S_15', PULL_POLICY],
  ['CKV_K8S_16', PRIVILEGED],
  ['CKV_K8S_17', HOST_PID],
  ['CKV_K8S_18', HOST_IPC],
  ['CKV_K8S_19', HOST_NETWORK],
  ['CKV_K8S_20', PRIVILEGE_ESCALATION],
  ['CKV_K8S_21', USES_DEFAULT_NAMESPACE],
  ['CKV_K8S_22', READ_ONLY_ROOT],
  ['CKV_K8S_23', RUN_AS_NON_ROOT],
  ['CKV_K8S_24', PSP(t('PodSecurityPolicy allows added capabilities', 'PodSecurityPolicy 允许添加权能'))],
  ['CKV_K8S_25', ADDED_CAPABILITIES],
  ['CKV_K8S_26', HOST_PORT],
  ['CKV_K8S_27', RUNTIME_SOCKET],
  ['CKV_K8S_28', NET_RAW],
  ['CKV_K8S_29', differs(t('Pod securityContext missing', '缺少 Pod 级 securityContext'), [PSS], [], EMPTY_CONTEXT)],
  ['CKV_K8S_30', differs(t('Container securityContext missing', '缺少容器级 securityContext'), [PSS], [], EMPTY_CONTEXT)],
  ['CKV_K8S_31', SECCOMP_PROFILE],
  ['CKV_K8S_32', PSP(t('PodSecurityPolicy without a seccomp profile', 'PodSecurityPolicy 未设置 seccomp 配置文件'))],
  ['CKV_K8S_33', outside(t('Kubernetes Dashboard deployed', '部署了 Kubernetes Dashboard'), t('An inventory question; the checklist has no item for the dashboard.', '属于资产清点问题；检查清单中没有关于 Dashboard 的条目。'))],
  ['CKV_K8S_34', outside(t('Helm v2 Tiller deployed', '部署了 Helm v2 Tiller'), t('Tiller belongs to Helm v2, which is long unsupported; not a checklist item.', 'Tiller 属于早已停止支持的 Helm v2；不是检查清单条目。'))],
  ['CKV_K8S_35', SECRET_IN_ENV],
  ['CKV_K8S_36', PSP(t('PodSecurityPolicy does not minimise capabilities', 'PodSecurityPolicy 未最小化权能'))],
  ['CKV_K8S_37', DROP_ALL],
  ['CKV_K8S_38', AUTOMOUNT],
  ['CKV_K8S_39', SYS_ADMIN],
  ['CKV_K8S_40', HIGH_UID_CHECK],
  ['CKV_K8S_41', mapped(t('Default service account mounts its token', 'default 服务账号自动挂载令牌'), [SA_TOKENS], ['service-account-token-automount'], t(
    'Checkov looks at the ServiceAccount; we report the Pods that would mount the token, taking their ServiceAccount\'s setting into account.',
    'Checkov 检查的是 ServiceAccount；我们报告会挂载该令牌的 Pod，并会考虑其 ServiceAccount 上的设置。',
  ))],
  ['CKV_K8S_42', DEFAULT_SA_BINDING],
  ['CKV_K8S_43', IMAGE_DIGEST],
  ['CKV_K8S_44', outside(t('Helm v2 Tiller Service present', '存在 Helm v2 Tiller Service'), t('Tiller belongs to Helm v2, which is long unsupported; not a checklist item.', 'Tiller 属于早已停止支持的 Helm v2；不是检查清单条目。'))],
  ['CKV_K8S_45', outside(t('Helm v2 Tiller reachable in the cluster', '集群内可访问 Helm v2 Tiller'), t('Tiller belongs to Helm v2, which is long unsupported; not a checklist item.', 'Tiller 属于早已停止支持的 Helm v2；不是检查清单条目。'))],
  ['CKV_K8S_49', mapped(WILDCARD.title, [RBAC], ['rbac-wildcard'], t('Checkov looks at the first rule of a Role only; we look at every rule.', 'Checkov 只检查 Role 的第一条规则；我们检查每一条规则。'))],
  ['CKV_K8S_68', API_ANONYMOUS],
  ['CKV_K8S_69', BASIC_AUTH],
  ['CKV_K8S_70', TOKEN_AUTH_FILE],
  ['CKV_K8S_71', KUBELET_HTTPS],
  ['CKV_K8S_72', KUBELET_CLIENT_CERT],
  ['CKV_K8S_73', KUBELET_CA],
  ['CKV_K8S_74', AUTHZ_ALWAYS_ALLOW],
  ['CKV_K8S_75', AUTHZ_INCLUDES(t('API server authorization includes Node', 'API 服务器授权模式包含 Node'))],
  ['CKV_K8S_77', AUTHZ_INCLUDES(t('API server authorization includes RBAC', 'API 服务器授权模式包含 RBAC'))],
  ['CKV_K8S_78', HARDENING_PLUGIN(t('EventRateLimit admission plugin', 'EventRateLimit 准入插件'))],
  ['CKV_K8S_79', ALWAYS_ADMIT],
  ['CKV_K8S_80', HARDENING_PLUGIN(t('AlwaysPullImages admission plugin', 'AlwaysPullImages 准入插件'))],
  ['CKV_K8S_81', SECURITY_CONTEXT_DENY],
  ['CKV_K8S_82', SECURITY_PLUGIN(t('ServiceAccount admission plugin', 'ServiceAccount 准入插件'))],
  ['CKV_K8S_83', SECURITY_PLUGIN(t('NamespaceLifecycle admission plugin', 'NamespaceLifecycle 准入插件'))],
  ['CKV_K8S_84', PSP_PLUGIN],
  ['CKV_K8S_85', NODE_RESTRICTION],
  ['CKV_K8S_86', INSECURE_PORT],
  ['CKV_K8S_88', INSECURE_PORT],
  ['CKV_K8S_89', SECURE_PORT],
  ['CKV_K8S_90', PROFILING],
  ['CKV_K8S_91', AUDIT_LOG],
  ['CKV_K8S_92', AUDIT_RETENTION],
  ['CKV_K8S_93', AUDIT_RETENTION],
  ['CKV_K8S_94', AUDIT_RETENTION],
  ['CKV_K8S_95', REQUEST_TIMEOUT],
  ['CKV_K8S_96', SA_LOOKUP],
  ['CKV_K8S_97', SA_KEY_FILE],
  ['CKV_K8S_99', ETCD_CLIENT_TLS],
  ['CKV_K8S_100', TLS_CERT],
  ['CKV_K8S_101', outside(t('API server client CA file', 'API 服务器客户端 CA 文件'), CIS_ONLY)],
  ['CKV_K8S_102', ETCD_CLIENT_TLS],
  ['CKV_K8S_104', ENCRYPTION_CONFIG],
  ['CKV_K8S_106', outside(t('Terminated Pod garbage collection threshold', '已终止 Pod 的垃圾回收阈值'), CIS_ONLY)],
  ['CKV_K8S_107', PROFILING],
  ['CKV_K8S_108', CM_SA_CREDENTIALS],
  ['CKV_K8S_110', SA_KEY_FILE],
  ['CKV_K8S_111', ROOT_CA_FILE],
  ['CKV_K8S_112', CERT_ROTATION],
  ['CKV_K8S_113', BIND_ADDRESS],
  ['CKV_K8S_114', PROFILING],
  ['CKV_K8S_115', BIND_ADDRESS],
  ['CKV_K8S_116', ETCD_TLS],
  ['CKV_K8S_117', ETCD_CLIENT_AUTH],
  ['CKV_K8S_118', ETCD_AUTO_TLS],
  ['CKV_K8S_119', ETCD_PEER],
  ['CKV_K8S_121', ETCD_PEER],
  ['CKV_K8S_122', titled(ETCD_AUTO_TLS, t('etcd automatic TLS between peers', 'etcd 对等节点之间的自动 TLS'))],
  ['CKV_K8S_138', KUBELET_ANONYMOUS],
  ['CKV_K8S_139', KUBELET_AUTHZ],
  ['CKV_K8S_140', KUBELET_CLIENT_CA],
  ['CKV_K8S_141', KUBELET_READ_ONLY],
  ['CKV_K8S_143', KUBELET_CIS(t('Kubelet streaming idle timeout disabled', 'kubelet 流式连接空闲超时被禁用'))],
  ['CKV_K8S_144', KUBELET_CIS(t('Kubelet does not protect kernel defaults', 'kubelet 未保护内核默认参数'))],
  ['CKV_K8S_145', KUBELET_CIS(t('Kubelet does not manage iptables chains', 'kubelet 不管理 iptables 链'))],
  ['CKV_K8S_146', KUBELET_CIS(t('Kubelet hostname override', 'kubelet 覆盖主机名'))],
  ['CKV_K8S_147', KUBELET_CIS(t('Kubelet event rate', 'kubelet 事件速率'))],
  ['CKV_K8S_148', TLS_CERT],
  ['CKV_K8S_149', CERT_ROTATION],
  ['CKV_K8S_150', CERT_ROTATION],
  ['CKV_K8S_151', KUBELET_CIS(t('Kubelet TLS cipher suites', 'kubelet TLS 密码套件'))],
  ['CKV_K8S_152', outside(t('NGINX Ingress snippets with Lua code (CVE-2021-25742)', '含 Lua 代码的 NGINX Ingress 片段（CVE-2021-25742）'), t('A vulnerability of one ingress controller; not a checklist item.', '属于某个 Ingress 控制器的漏洞；不是检查清单条目。'))],
  ['CKV_K8S_153', outside(t('NGINX Ingress snippet annotations (CVE-2021-25742)', 'NGINX Ingress 片段注解（CVE-2021-25742）'), t('A vulnerability of one ingress controller; not a checklist item.', '属于某个 Ingress 控制器的漏洞；不是检查清单条目。'))],
  ['CKV_K8S_154', outside(t('NGINX Ingress snippets with alias statements (CVE-2021-25742)', '含 alias 语句的 NGINX Ingress 片段（CVE-2021-25742）'), t('A vulnerability of one ingress controller; not a checklist item.', '属于某个 Ingress 控制器的漏洞；不是检查清单条目。'))],
  ['CKV_K8S_155', WEBHOOK_WRITE],
  ['CKV_K8S_156', APPROVE_CSR],
  ['CKV_K8S_157', titled(ESCALATE_BIND_IMPERSONATE, t('RBAC bind verb', 'RBAC bind 动词'))],
  ['CKV_K8S_158', titled(ESCALATE_BIND_IMPERSONATE, t('RBAC escalate verb', 'RBAC escalate 动词'))],
  ['CKV_K8S_159', outside(t('git-sync options that allow code injection', '可导致代码注入的 git-sync 选项'), t('A risk of one sidecar\'s configuration; not a checklist item.', '属于某个边车容器配置的风险；不是检查清单条目。'))],
  ['CKV2_K8S_1', titled(BINDING_EXEC_ATTACH, t('Binding grants privilege escalation', '绑定授予了提权能力'))],
  ['CKV2_K8S_2', mapped(t('RBAC create on nodes/proxy or pods/exec', 'RBAC 可在 nodes/proxy 或 pods/exec 上 create'), [RBAC], ['rbac-nodes-proxy', 'rbac-pod-exec-attach'])],
  ['CKV2_K8S_3', titled(ESCALATE_BIND_IMPERSONATE, t('RBAC impersonate', 'RBAC impersonate'))],
  ['CKV2_K8S_4', mapped(t('RBAC write to services/status (load balancer IP spoofing)', 'RBAC 可写 services/status（伪造负载均衡器 IP）'), [LB], ['rbac-service-status-write'])],
  ['CKV2_K8S_5', READ_SECRETS],
  ['CKV2_K8S_6', NETWORK_POLICY],
];

const POLARIS: readonly Row[] = [
  ['automountServiceAccountToken', AUTOMOUNT],
  ['clusterrolePodExecAttach', EXEC_ATTACH],
  ['clusterrolebindingClusterAdmin', CLUSTER_ADMIN],
  ['clusterrolebindingPodExecAttach', BINDING_EXEC_ATTACH],
  ['cpuLimitsMissing', CPU_LIMIT],
  ['cpuRequestsMissing', CPU_REQUEST],
  ['dangerousCapabilities', DANGEROUS_CAPABILITIES],
  ['deploymentMissingReplicas', REPLICAS],
  ['gatewayAllowedRoutesAll', outside(t('Gateway accepts routes from every namespace', 'Gateway 接受所有命名空间的路由'), t('Gateway API routing; the checklist has no item for it.', '属于 Gateway API 路由；检查清单中没有对应条目。'))],
  ['gatewayCrossNamespaceCertificateRef', outside(t('Gateway certificate from another namespace', 'Gateway 引用其他命名空间的证书'), t('Gateway API routing; the checklist has no item for it.', '属于 Gateway API 路由；检查清单中没有对应条目。'))],
  ['gatewayInsecureFrontendValidation', outside(t('Gateway frontend TLS validation', 'Gateway 前端 TLS 校验'), t('Edge TLS for incoming traffic; the checklist\'s encryption item is about traffic inside the cluster.', '属于入站流量的边缘 TLS；检查清单的加密条目针对的是集群内部流量。'))],
  ['gatewayTLSMissing', outside(t('Gateway listener without TLS', 'Gateway 监听器未启用 TLS'), t('Edge TLS for incoming traffic; the checklist\'s encryption item is about traffic inside the cluster.', '属于入站流量的边缘 TLS；检查清单的加密条目针对的是集群内部流量。'))],
  ['hostIPCSet', HOST_IPC],
  ['hostNetworkSet', HOST_NETWORK],
  ['hostPIDSet', HOST_PID],
  ['hostPathSet', HOST_PATH],
  ['hostPortSet', HOST_PORT],
  ['hostProcess', HOST_PROCESS],
  ['hpaMaxAvailability', REPLICAS],
  ['hpaMinAvailability', REPLICAS],
  ['httpRouteBackendTLSMissing', outside(t('HTTPRoute backend without TLS', 'HTTPRoute 后端未启用 TLS'), t('Gateway API routing; the checklist has no item for it.', '属于 Gateway API 路由；检查清单中没有对应条目。'))],
  ['httpRouteCrossNamespaceBackendRef', outside(t('HTTPRoute backend in another namespace', 'HTTPRoute 后端位于其他命名空间'), t('Gateway API routing; the checklist has no item for it.', '属于 Gateway API 路由；检查清单中没有对应条目。'))],
  ['httpRouteInsecureListener', outside(t('HTTPRoute on a plain HTTP listener', 'HTTPRoute 使用明文 HTTP 监听器'), t('Edge TLS for incoming traffic; the checklist\'s encryption item is about traffic inside the cluster.', '属于入站流量的边缘 TLS；检查清单的加密条目针对的是集群内部流量。'))],
  ['httpRouteWildcardOrEmptyHost', outside(t('HTTPRoute with a wildcard or empty host', 'HTTPRoute 使用通配或空主机名'), t('Gateway API routing; the checklist has no item for it.', '属于 Gateway API 路由；检查清单中没有对应条目。'))],
  ['insecureCapabilities', DANGEROUS_CAPABILITIES],
  ['kgatewayBackendTLSVerificationDisabled', outside(t('kgateway backend TLS verification disabled', 'kgateway 后端 TLS 校验被禁用'), t('Gateway API routing; the checklist has no item for it.', '属于 Gateway API 路由；检查清单中没有对应条目。'))],
  ['linuxHardening', mapped(t('No Linux hardening (seccomp, SELinux, AppArmor or dropped capabilities)', '未做 Linux 加固（seccomp、SELinux、AppArmor 或丢弃权能）'), [SECCOMP_ITEM, MAC], ['seccomp-profile-unset', 'apparmor-selinux-unset'], t(
    'Polaris is satisfied by any one of them; the checklist names seccomp and AppArmor/SELinux separately, and so do our rules.',
    'Polaris 只要满足其中一项即可；检查清单把 seccomp 与 AppArmor/SELinux 分开列出，我们的规则也是分开的。',
  ))],
  ['livenessProbeMissing', PROBES],
  ['memoryLimitsMissing', MEMORY_LIMIT],
  ['memoryRequestsMissing', MEMORY_REQUEST],
  ['metadataAndInstanceMismatched', outside(t('Name label does not match the instance label', 'name 标签与 instance 标签不一致'), HYGIENE)],
  ['missingNetworkPolicy', NETWORK_POLICY],
  ['missingPodDisruptionBudget', DISRUPTION_BUDGET],
  ['notReadOnlyRootFilesystem', READ_ONLY_ROOT],
  ['pdbDisruptionsIsZero', DISRUPTION_BUDGET],
  ['pdbMinAvailableEqualToHPAMinReplicas', DISRUPTION_BUDGET],
  ['pdbMinAvailableGreaterThanHPAMaxReplicas', DISRUPTION_BUDGET],
  ['pdbMinAvailableGreaterThanHPAMinReplicas', DISRUPTION_BUDGET],
  ['priorityClassNotSet', outside(t('No priority class', '未设置优先级类'), RELIABILITY)],
  ['privilegeEscalationAllowed', PRIVILEGE_ESCALATION],
  ['procMount', PROC],
  ['pullPolicyNotAlways', PULL_POLICY],
  ['readinessProbeMissing', PROBES],
  ['rolePodExecAttach', EXEC_ATTACH],
  ['rolebindingClusterAdminClusterRole', CLUSTER_ADMIN],
  ['rolebindingClusterAdminRole', differs(t('RoleBinding to a Role named cluster-admin', '绑定到名为 cluster-admin 的 Role'), [RBAC], ['rbac-binding-dangerous-role'], t(
    'A namespaced Role grants only what it lists, whatever its name; rbac-binding-dangerous-role judges what the bound Role grants.',
    '命名空间级的 Role 无论叫什么名字，都只授予它所列出的权限；rbac-binding-dangerous-role 根据所绑定 Role 实际授予的权限来判断。',
  ))],
  ['rolebindingClusterRolePodExecAttach', BINDING_EXEC_ATTACH],
  ['rolebindingRolePodExecAttach', BINDING_EXEC_ATTACH],
  ['runAsPrivileged', PRIVILEGED],
  ['runAsRootAllowed', RUN_AS_NON_ROOT],
  ['sensitiveConfigmapContent', CONFIGMAP_CREDENTIAL],
  ['sensitiveContainerEnvVar', LITERAL_ENV_CREDENTIAL],
  ['tagNotSpecified', IMAGE_TAG],
  ['tlsSettingsMissing', outside(t('Ingress without TLS', 'Ingress 未启用 TLS'), t('Edge TLS for incoming traffic; the checklist\'s encryption item is about traffic inside the cluster.', '属于入站流量的边缘 TLS；检查清单的加密条目针对的是集群内部流量。'))],
  ['topologySpreadConstraint', outside(t('No topology spread constraint', '未设置拓扑分布约束'), RELIABILITY)],
];

const TRIVY: readonly Row[] = [
  ['KSV-0001', PRIVILEGE_ESCALATION],
  ['KSV-0002', mapped(t('AppArmor profile not the runtime default', 'AppArmor 配置文件不是运行时默认值'), [PSS, MAC], ['pss-apparmor-profile'])],
  ['KSV-0003', DROP_ALL],
  ['KSV-0004', titled(DROP_ALL, t('Unused capabilities not dropped', '未丢弃不需要的权能'))],
  ['KSV-0005', SYS_ADMIN],
  ['KSV-0006', RUNTIME_SOCKET],
  ['KSV-0007', outside(t('hostAliases set', '设置了 hostAliases'), t('Editing /etc/hosts inside the Pod is not a checklist item.', '在 Pod 内修改 /etc/hosts 不是检查清单条目。'))],
  ['KSV-0008', HOST_IPC],
  ['KSV-0009', HOST_NETWORK],
  ['KSV-0010', HOST_PID],
  ['KSV-0011', CPU_LIMIT],
  ['KSV-0012', RUN_AS_NON_ROOT],
  ['KSV-0013', IMAGE_TAG],
  ['KSV-0014', READ_ONLY_ROOT],
  ['KSV-0015', CPU_REQUEST],
  ['KSV-0016', MEMORY_REQUEST],
  ['KSV-0017', PRIVILEGED],
  ['KSV-0018', MEMORY_LIMIT],
  ['KSV-0020', HIGH_UID_CHECK],
  ['KSV-0021', HIGH_UID_CHECK],
  ['KSV-0022', ADDED_CAPABILITIES],
  ['KSV-0023', HOST_PATH],
  ['KSV-0024', HOST_PORT],
  ['KSV-0025', mapped(t('Custom SELinux options', '自定义 SELinux 选项'), [PSS, MAC], ['pss-selinux-options'])],
  ['KSV-0026', SYSCTLS],
  ['KSV-0027', PROC],
  ['KSV-0028', mapped(t('Volume type outside the restricted list', '卷类型不在 restricted 允许列表内'), [PSS], ['pss-restricted-volumes'])],
  ['KSV-0030', SECCOMP_PROFILE],
  ['KSV-0032', outside(t('Image not from Azure Container Registry', '镜像不是来自 Azure 容器镜像仓库'), REGISTRY)],
  ['KSV-0033', outside(t('Image not from Google Container Registry', '镜像不是来自 Google 容器镜像仓库'), REGISTRY)],
  ['KSV-0034', outside(t('Image from a public registry', '镜像来自公共镜像仓库'), REGISTRY)],
  ['KSV-0035', outside(t('Image not from Amazon ECR', '镜像不是来自 Amazon ECR'), REGISTRY)],
  ['KSV-0036', mapped(AUTOMOUNT.title, [SA_TOKENS], ['service-account-token-automount'], t(
    'Trivy passes when automountServiceAccountToken is unset, which mounts the token; we report the unset default too.',
    '当 automountServiceAccountToken 未设置时 Trivy 判为通过，而此时令牌会被挂载；我们对未设置的默认情况同样报告。',
  ))],
  ['KSV-0037', outside(t('User workload in kube-system', 'kube-system 中的用户工作负载'), DEFAULT_NAMESPACE)],
  ['KSV-0038', differs(t('NetworkPolicy without a Pod selector', 'NetworkPolicy 没有 Pod 选择器'), [POLICIES], ['network-policy-workload-coverage', 'network-policy-default-deny'], t(
    'A selector alone says little; we check that every workload is covered in both directions and that each namespace denies by default.',
    '仅有选择器说明不了什么；我们检查每个工作负载在两个方向上都被覆盖，且每个命名空间都默认拒绝。',
  ))],
  ['KSV-0039', differs(t('Namespace without a LimitRange', '命名空间没有 LimitRange'), [MEMORY], ['container-memory-limit'], t(
    'We check each container\'s memory limit where it is written, rather than the presence of a LimitRange.',
    '我们在容器定义处直接检查每个容器的内存限制，而不是检查是否存在 LimitRange。',
  ))],
  ['KSV-0040', outside(t('Namespace without a ResourceQuota', '命名空间没有 ResourceQuota'), RELIABILITY)],
  ['KSV-0041', READ_SECRETS],
  ['KSV-0042', outside(t('RBAC right to delete Pod logs', 'RBAC 可删除 Pod 日志'), NOT_ESCALATION_PATH)],
  ['KSV-0043', titled(ESCALATE_BIND_IMPERSONATE, t('RBAC impersonation of privileged groups', 'RBAC 可模拟特权组'))],
  ['KSV-0044', titled(WILDCARD, t('RBAC wildcard verbs on wildcard resources', 'RBAC 对通配资源使用通配动词'))],
  ['KSV-0045', titled(WILDCARD, t('RBAC wildcard verbs', 'RBAC 通配动词'))],
  ['KSV-0046', titled(WILDCARD, t('RBAC rights on all resources', 'RBAC 对所有资源拥有权限'))],
  ['KSV-0047', NODES_PROXY],
  ['KSV-0048', CREATE_WORKLOADS],
  ['KSV-0049', outside(t('RBAC right to manage ConfigMaps', 'RBAC 可管理 ConfigMap'), NOT_ESCALATION_PATH)],
  ['KSV-0050', MANAGE_RBAC],
  ['KSV-0051', titled(MANAGE_RBAC, t('RBAC right to bind a privileged Role', 'RBAC 可绑定特权 Role'))],
  ['KSV-0052', titled(MANAGE_RBAC, t('RBAC right to bind a privileged ClusterRole', 'RBAC 可绑定特权 ClusterRole'))],
  ['KSV-0053', titled(EXEC_ATTACH, t('RBAC exec into Pods', 'RBAC 可 exec 进入 Pod'))],
  ['KSV-0054', titled(EXEC_ATTACH, t('RBAC attach to Pods', 'RBAC 可 attach 到 Pod'))],
  ['KSV-0055', titled(READ_SECRETS, t('RBAC view of all Secrets', 'RBAC 可查看所有 Secret'))],
  ['KSV-0056', outside(t('RBAC right to manage networking resources', 'RBAC 可管理网络资源'), NOT_ESCALATION_PATH)],
  ['KSV-0102', outside(t('Helm v2 Tiller deployed', '部署了 Helm v2 Tiller'), t('Tiller belongs to Helm v2, which is long unsupported; not a checklist item.', 'Tiller 属于早已停止支持的 Helm v2；不是检查清单条目。'))],
  ['KSV-0103', HOST_PROCESS],
  ['KSV-0104', mapped(t('Seccomp Unconfined', 'seccomp 设为 Unconfined'), [PSS, SECCOMP_ITEM], ['pss-seccomp-baseline'])],
  ['KSV-0105', RUN_AS_UID_0],
  ['KSV-0106', titled(DROP_ALL, t('Capabilities other than drop ALL and NET_BIND_SERVICE', '除 drop ALL 和 NET_BIND_SERVICE 之外的权能'))],
  ['KSV-0108', mapped(t('Service with external IPs', '带外部 IP 的 Service'), [LB], ['service-external-ips'])],
  ['KSV-0109', titled(CONFIGMAP_CREDENTIAL, t('Secret values in a ConfigMap', 'ConfigMap 中的机密值'))],
  ['KSV-0110', USES_DEFAULT_NAMESPACE],
  ['KSV-0111', CLUSTER_ADMIN],
  ['KSV-0112', titled(WILDCARD, t('RBAC rights on all resources of a namespace', 'RBAC 对命名空间内所有资源拥有权限'))],
  ['KSV-0113', titled(READ_SECRETS, t('RBAC management of Secrets in a namespace', 'RBAC 可管理命名空间内的 Secret'))],
  ['KSV-0114', WEBHOOK_WRITE],
  ['KSV-0116', ROOT_GROUP],
  ['KSV-0118', differs(t('Default (empty) security context', '默认（空）安全上下文'), [PSS], [], EMPTY_CONTEXT)],
  ['KSV-0119', NET_RAW],
  ['KSV-0120', titled(ADDED_CAPABILITIES, t('SYS_MODULE capability', 'SYS_MODULE 权能'))],
  ['KSV-0121', SENSITIVE_HOST_MOUNT],
  ['KSV-0122', mapped(t('Binding to system:anonymous', '绑定到 system:anonymous'), [RBAC], ['rbac-binding-to-anonymous'])],
  ['KSV-0123', mapped(t('Binding to the system:masters group', '绑定到 system:masters 组'), [MASTERS], ['system-masters-group-binding'])],
  ['KSV-0125', outside(t('Image not from a trusted registry', '镜像不是来自受信任的镜像仓库'), REGISTRY)],
  ['KSV-01010', titled(CONFIGMAP_CREDENTIAL, t('Sensitive key names in a ConfigMap', 'ConfigMap 中的敏感键名'))],
  ['KSV-01011', mapped(t('Binding to system:authenticated', '绑定到 system:authenticated'), [RBAC], ['rbac-binding-to-anonymous'])],
  ['KCV-0001', API_ANONYMOUS],
  ['KCV-0002', TOKEN_AUTH_FILE],
  ['KCV-0003', DENY_EXTERNAL_IPS_OFF],
  ['KCV-0004', KUBELET_HTTPS],
  ['KCV-0005', KUBELET_CLIENT_CERT],
  ['KCV-0006', KUBELET_CA],
  ['KCV-0007', AUTHZ_ALWAYS_ALLOW],
  ['KCV-0008', AUTHZ_INCLUDES(t('API server authorization includes Node', 'API 服务器授权模式包含 Node'))],
  ['KCV-0009', AUTHZ_INCLUDES(t('API server authorization includes RBAC', 'API 服务器授权模式包含 RBAC'))],
  ['KCV-0010', HARDENING_PLUGIN(t('EventRateLimit admission plugin', 'EventRateLimit 准入插件'))],
  ['KCV-0011', ALWAYS_ADMIT],
  ['KCV-0012', HARDENING_PLUGIN(t('AlwaysPullImages admission plugin', 'AlwaysPullImages 准入插件'))],
  ['KCV-0013', SECURITY_CONTEXT_DENY],
  ['KCV-0014', SECURITY_PLUGIN(t('ServiceAccount admission plugin', 'ServiceAccount 准入插件'))],
  ['KCV-0015', SECURITY_PLUGIN(t('NamespaceLifecycle admission plugin', 'NamespaceLifecycle 准入插件'))],
  ['KCV-0016', NODE_RESTRICTION],
  ['KCV-0017', SECURE_PORT],
  ['KCV-0018', PROFILING],
  ['KCV-0019', AUDIT_LOG],
  ['KCV-0020', AUDIT_RETENTION],
  ['KCV-0021', AUDIT_RETENTION],
  ['KCV-0022', AUDIT_RETENTION],
  ['KCV-0024', SA_LOOKUP],
  ['KCV-0026', ETCD_CLIENT_TLS],
  ['KCV-0029', ETCD_CLIENT_TLS],
  ['KCV-0030', ENCRYPTION_CONFIG],
  ['KCV-0035', CM_SA_CREDENTIALS],
  ['KCV-0037', ROOT_CA_FILE],
  ['KCV-0039', BIND_ADDRESS],
  ['KCV-0041', BIND_ADDRESS],
  ['KCV-0042', ETCD_TLS],
  ['KCV-0043', ETCD_CLIENT_AUTH],
  ['KCV-0044', ETCD_AUTO_TLS],
  ['KCV-0045', ETCD_PEER],
  ['KCV-0046', ETCD_PEER],
  ['KCV-0047', titled(ETCD_AUTO_TLS, t('etcd automatic TLS between peers', 'etcd 对等节点之间的自动 TLS'))],
  ['KCV-0066', outside(t('PKI directory ownership on the node', '节点上 PKI 目录的属主'), t('File ownership and permissions live on the node, not in manifests; ca-key-host-path reports CA keys mounted into workloads.', '文件属主和权限位于节点上，而不在清单文件中；ca-key-host-path 会报告挂载进工作负载的 CA 私钥。'))],
  ['KCV-0067', outside(t('PKI certificate file permissions on the node', '节点上 PKI 证书文件的权限'), t('File ownership and permissions live on the node, not in manifests; ca-key-host-path reports CA keys mounted into workloads.', '文件属主和权限位于节点上，而不在清单文件中；ca-key-host-path 会报告挂载进工作负载的 CA 私钥。'))],
  ['KCV-0068', outside(t('PKI key file permissions on the node', '节点上 PKI 私钥文件的权限'), t('File ownership and permissions live on the node, not in manifests; ca-key-host-path reports CA keys mounted into workloads.', '文件属主和权限位于节点上，而不在清单文件中；ca-key-host-path 会报告挂载进工作负载的 CA 私钥。'))],
  ['KCV-0079', KUBELET_ANONYMOUS],
  ['KCV-0080', KUBELET_AUTHZ],
  ['KCV-0081', KUBELET_CLIENT_CA],
  ['KCV-0082', KUBELET_READ_ONLY],
  ['KCV-0084', KUBELET_CIS(t('Kubelet does not manage iptables chains', 'kubelet 不管理 iptables 链'))],
  ['KCV-0088', TLS_CERT],
  ['KCV-0090', CERT_ROTATION],
];

const KUBE_SCORE: readonly Row[] = [
  ['container-cpu-requests-equal-limits', outside(t('CPU request equal to the limit', 'CPU 请求等于限制'), RELIABILITY)],
  ['container-ephemeral-storage-request-and-limit', outside(t('Ephemeral storage request and limit', '临时存储的请求与限制'), RELIABILITY)],
  ['container-image-pull-policy', PULL_POLICY],
  ['container-image-tag', IMAGE_TAG],
  ['container-memory-requests-equal-limits', mapped(t('Memory request equal to the limit', '内存请求等于限制'), [MEMORY], ['container-memory-limit'], t(
    'The checklist accepts a limit equal to or lower than the request; we compare quantities, not strings (1Gi equals 1024Mi).',
    '检查清单接受限制等于或低于请求；我们比较的是数量而不是字符串（1Gi 等于 1024Mi）。',
  ))],
  ['container-resource-requests-equal-limits', outside(t('Every request equal to its limit', '所有请求都等于对应的限制'), t(
    'Beyond memory (which container-memory-limit checks) this is a scheduling choice, not a checklist item.',
    '除内存外（由 container-memory-limit 检查），这属于调度方面的选择，不是检查清单条目。',
  ))],
  ['container-resources', mapped(t('Container resources set', '容器设置了资源'), [MEMORY], ['container-memory-limit'], t(
    'kube-score also wants requests and a CPU limit; of these the checklist asks for the memory limit (and CPU limits on sensitive workloads).',
    'kube-score 还要求设置请求和 CPU 限制；其中检查清单只要求内存限制（以及敏感工作负载的 CPU 限制）。',
  ))],
  ['container-security-context-privileged', PRIVILEGED],
  ['container-security-context-readonlyrootfilesystem', READ_ONLY_ROOT],
  ['container-security-context-user-group-id', HIGH_UID_CHECK],
  ['container-seccomp-profile', SECCOMP_PROFILE],
  ['cronjob-has-deadline', outside(t('CronJob without a deadline', 'CronJob 未设置截止时间'), RELIABILITY)],
  ['deployment-has-host-podantiaffinity', ANTI_AFFINITY],
  ['deployment-has-poddisruptionbudget', DISRUPTION_BUDGET],
  ['deployment-replicas', REPLICAS],
  ['deployment-strategy', outside(t('Deployment update strategy', 'Deployment 更新策略'), RELIABILITY)],
  ['environment-variable-key-duplication', outside(t('Duplicate environment variable', '重复的环境变量'), HYGIENE)],
  ['horizontalpodautoscaler-has-target', DANGLING],
  ['ingress-targets-service', DANGLING],
  ['label-values', outside(t('Invalid label values', '无效的标签值'), HYGIENE)],
  ['networkpolicy-targets-pod', titled(DANGLING, t('NetworkPolicy that selects no Pod', '未选中任何 Pod 的 NetworkPolicy'))],
  ['pod-networkpolicy', NETWORK_POLICY],
  ['pod-probes', PROBES],
  ['service-targets-pod', titled(DANGLING, t('Service that selects no Pod', '未选中任何 Pod 的 Service'))],
  ['service-type', differs(t('NodePort Service', 'NodePort 类型的 Service'), [LB], ['service-exposes-control-plane', 'service-load-balancer-source-ranges'], t(
    'The checklist names LoadBalancer and external IPs, not NodePort; we report NodePorts that publish control-plane ports.',
    '检查清单点名的是 LoadBalancer 和外部 IP，而不是 NodePort；我们报告发布控制平面端口的 NodePort。',
  ))],
  ['stable-version', outside(t('Deprecated API version', '已弃用的 API 版本'), HYGIENE)],
  ['statefulset-has-host-podantiaffinity', ANTI_AFFINITY],
  ['statefulset-has-poddisruptionbudget', DISRUPTION_BUDGET],
];

const TABLES: Readonly<Record<PeerTool, readonly Row[]>> = {
  'kube-linter': KUBE_LINTER,
  checkov: CHECKOV,
  polaris: POLARIS,
  trivy: TRIVY,
  'kube-score': KUBE_SCORE,
};

/** Every peer check we know of, per tool in the table's order. */
export const PEER_CHECKS: readonly PeerCheck[] = PEER_TOOLS.flatMap((tool) => TABLES[tool].map(([id, entry]) => ({ tool, id, ...entry })));

/** The tools whose ignore annotations we honour (Trivy ignores by comments and files instead). */
export type AnnotationTool = Exclude<PeerTool, 'trivy'>;

export const ANNOTATION_TOOLS: readonly AnnotationTool[] = ['kube-linter', 'checkov', 'polaris', 'kube-score'];

/** Each annotation tool's check name → our rules that check the same thing: its `mapped` checks. */
export function peerAliases(checks: readonly PeerCheck[] = PEER_CHECKS): Record<AnnotationTool, Record<string, readonly string[]>> {
  const aliases = Object.fromEntries(ANNOTATION_TOOLS.map((tool) => [tool, {} as Record<string, readonly string[]>])) as Record<AnnotationTool, Record<string, readonly string[]>>;
  for (const check of checks) {
    if (check.tool === 'trivy' || check.status !== 'mapped' || check.rules.length === 0) continue;
    aliases[check.tool][check.id] = check.rules;
  }
  return aliases;
}
