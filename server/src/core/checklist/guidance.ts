/**
 * What a person must verify for each item of the Kubernetes Security Checklist, in English and
 * Simplified Chinese: our own words, after the checklist page (checklist/security-checklist.zh-cn.md)
 * and the evidence of items.yaml. The scorecard shows it where files cannot settle an item: items
 * that are `manual` (by nature, or because no active rule covers them in a run), the human half of
 * `partial` items, and items whose rules found nothing to look at. Every item has an entry (a test
 * keeps it so), since any item can end up `manual` when its rules are turned off. Pure data.
 */
import type { Localized } from '../i18n/localized';

export const CHECKLIST_GUIDANCE: Readonly<Record<string, Localized>> = {
  'authn-authz/system-masters': {
    en: 'Look for RoleBindings and ClusterRoleBindings whose subjects include the group system:masters, and for client certificates (in kubeconfig files, in CertificateSigningRequests) whose organization is system:masters. After bootstrapping, only a break-glass credential kept offline should be in this group; administrators get their rights through RBAC bindings that can be revoked.',
    'zh-cn':
      '查找主体中含有 system:masters 组的 RoleBinding 和 ClusterRoleBinding，以及组织（O）为 system:masters 的客户端证书（kubeconfig 文件中的、CertificateSigningRequest 中的）。集群引导完成后，只应有一份离线保管的应急凭据属于该组；管理员的权限应通过可以撤销的 RBAC 绑定授予。',
  },
  'authn-authz/controller-manager-sa-credentials': {
    en: 'On each control-plane node, check the kube-controller-manager command line (its static Pod manifest, usually /etc/kubernetes/manifests/kube-controller-manager.yaml, or the settings of a managed service) for --use-service-account-credentials=true, so that each controller acts with its own service account and narrow RBAC rights.',
    'zh-cn':
      '在每个控制平面节点上检查 kube-controller-manager 的命令行（其静态 Pod 清单，通常是 /etc/kubernetes/manifests/kube-controller-manager.yaml，或托管服务的设置），确认带有 --use-service-account-credentials=true，使每个控制器以各自的服务账号和最小的 RBAC 权限运行。',
  },
  'authn-authz/root-ca-protected': {
    en: "Find out where the private key of the cluster's root CA is kept. It belongs on an offline machine, or in a managed CA (an HSM, a cloud key service) whose use is logged and open to a few people only. A ca.key copied to every control-plane node, stored in a Secret or a ConfigMap, or mounted from the host into ordinary workloads fails this item.",
    'zh-cn':
      '弄清集群根 CA 的私钥保存在哪里。它应当在一台离线机器上，或在使用有审计记录、只有少数人能访问的托管 CA（HSM、云密钥服务）中。若 ca.key 被复制到每个控制平面节点、存进 Secret 或 ConfigMap，或从宿主机挂载进普通工作负载，则不满足此项。',
  },
  'authn-authz/cert-validity': {
    en: "List the intermediate and leaf certificates the cluster uses (kubeconfig client certificates, serving certificates, webhook and APIService CA bundles, cert-manager Certificates) and check that none is valid for more than 3 years from now; check kube-controller-manager's --cluster-signing-duration too. Renewal should be automated, so that short lifetimes stay practical.",
    'zh-cn':
      '列出集群使用的中间证书和叶子证书（kubeconfig 客户端证书、服务端证书、Webhook 和 APIService 的 CA 包、cert-manager 的 Certificate），确认没有哪个证书从现在起的有效期超过 3 年；同时检查 kube-controller-manager 的 --cluster-signing-duration。证书续期应当自动化，较短的有效期才切实可行。',
  },
  'authn-authz/access-review': {
    en: 'Ask for the access review process and the record of the last review: who holds which cluster roles, bindings and credentials, who approved them, and what was revoked. The last review must be less than 24 months old, and the next one scheduled. Record its day in .kube-checklist.yaml (reviews: {access: YYYY-MM-DD}): the scorecard then passes this item for 24 months from that day and fails it after.',
    'zh-cn':
      '查看访问权限审查的流程以及上一次审查的记录：谁拥有哪些集群角色、绑定和凭据，由谁批准，撤销了哪些。上一次审查距今应不超过 24 个月，并且已经安排了下一次。把审查日期记在 .kube-checklist.yaml 中（reviews: {access: YYYY-MM-DD}）：此后 24 个月内记分卡判定此项通过，超过则判定不通过。',
  },
  'authn-authz/rbac-good-practices': {
    en: 'Read the Roles, ClusterRoles and their bindings against the Kubernetes RBAC good practices: no wildcards in verbs, resources or apiGroups; escalate, bind and impersonate only where needed; reading Secrets, pods/exec, nodes/proxy and creating tokens left to a few subjects; nothing bound to system:anonymous, system:unauthenticated or default service accounts. Compare with the bindings that exist in the cluster (kubectl get clusterrolebindings,rolebindings -A).',
    'zh-cn':
      '对照 Kubernetes RBAC 良好实践审阅 Role、ClusterRole 及其绑定：verbs、resources、apiGroups 中没有通配符；escalate、bind、impersonate 只在必要时授予；读取 Secret、pods/exec、nodes/proxy 和创建令牌只授予少数主体；不向 system:anonymous、system:unauthenticated 或默认服务账号绑定任何权限。还要与集群中实际存在的绑定比对（kubectl get clusterrolebindings,rolebindings -A）。',
  },
  'network/cni-network-policy': {
    en: 'Find out which CNI plugin the cluster runs (its DaemonSet in kube-system, or the managed service settings) and confirm from its documentation that it enforces NetworkPolicy. Some plugins accept NetworkPolicy objects without enforcing them: a deny-all policy in a scratch namespace, and a connection that must then fail, settles it.',
    'zh-cn':
      '查明集群使用的 CNI 插件（kube-system 中它的 DaemonSet，或托管服务的设置），并根据其文档确认它会执行 NetworkPolicy。有些插件接受 NetworkPolicy 对象却并不执行：在临时名字空间中创建一条拒绝全部流量的策略，再确认随后的连接确实失败，即可得出结论。',
  },
  'network/policies-all-workloads': {
    en: 'For each workload, check that some NetworkPolicy in its namespace selects its Pod labels and lists both Ingress and Egress in policyTypes. Policies often live in another repository or come from a platform team: check the cluster too (kubectl get networkpolicy -A).',
    'zh-cn':
      '对每个工作负载，确认其名字空间中有 NetworkPolicy 的 podSelector 选中它的 Pod 标签，并且 policyTypes 同时包含 Ingress 和 Egress。网络策略常常放在别的仓库里或由平台团队提供，因此也要检查集群（kubectl get networkpolicy -A）。',
  },
  'network/default-deny': {
    en: 'Every namespace that runs workloads needs a NetworkPolicy with podSelector: {}, policyTypes Ingress and Egress, and no rules, so that whatever is not explicitly allowed is denied. Check the namespaces of the cluster, not only those in these files.',
    'zh-cn':
      '每个运行工作负载的名字空间都需要一条 podSelector 为 {}、policyTypes 为 Ingress 和 Egress 且不含任何规则的 NetworkPolicy，使未被明确允许的流量都被拒绝。要检查集群中的所有名字空间，而不只是这些文件里出现的。',
  },
  'network/service-mesh-encryption': {
    en: 'Decide whether traffic inside the cluster must be encrypted; when the CNI plugin does not encrypt it, a service mesh can. With a mesh, check that mutual TLS is strict in every namespace (Istio PeerAuthentication STRICT, for example), that no DestinationRule turns TLS off, and that the workloads left outside the mesh are known and accepted.',
    'zh-cn':
      '先判断集群内部流量是否必须加密；若 CNI 插件不提供加密，可以由服务网格来做。使用服务网格时，确认每个名字空间的双向 TLS 都是严格模式（例如 Istio PeerAuthentication 为 STRICT），没有 DestinationRule 关闭 TLS，且留在网格之外的工作负载都是已知并被接受的。',
  },
  'network/control-plane-not-exposed': {
    en: 'From outside the cluster network, confirm that the API server, the kubelet ports (10250, 10255) and etcd (2379, 2380) cannot be reached, or only through a bastion or an allowlist. Check firewall and cloud security-group rules, Services of type LoadBalancer or NodePort that point at these ports, kubelet anonymous authentication and read-only port, and that etcd demands client certificates.',
    'zh-cn':
      '从集群网络之外确认无法访问 API 服务器、kubelet 端口（10250、10255）和 etcd（2379、2380），或只能经由堡垒机或白名单访问。检查防火墙和云安全组规则、指向这些端口的 LoadBalancer 或 NodePort 类型 Service、kubelet 的匿名认证和只读端口，并确认 etcd 要求客户端证书。',
  },
  'network/metadata-api-filtered': {
    en: "On a cloud provider, check that Pods cannot reach 169.254.169.254: egress NetworkPolicies that allow 0.0.0.0/0 must except it, hostNetwork Pods bypass NetworkPolicy altogether, and the provider's own settings (IMDSv2 with a hop limit of 1, metadata concealment, workload identity) add a second layer. Try it from a test Pod.",
    'zh-cn':
      '在云环境中，确认 Pod 无法访问 169.254.169.254：允许 0.0.0.0/0 的出站 NetworkPolicy 必须把它排除在外；使用 hostNetwork 的 Pod 完全绕过 NetworkPolicy；云厂商自身的设置（跳数限制为 1 的 IMDSv2、元数据隐藏、工作负载身份）可以再加一层保护。可以从一个测试 Pod 实际试一试。',
  },
  'network/restrict-loadbalancer-externalip': {
    en: 'List the Services of type LoadBalancer and those with spec.externalIPs, and check that each one is meant to be reachable from outside, with loadBalancerSourceRanges where possible. Check that kube-apiserver enables the DenyServiceExternalIPs admission plugin, or that a policy engine restricts externalIPs (CVE-2020-8554).',
    'zh-cn':
      '列出 LoadBalancer 类型的 Service 以及设置了 spec.externalIPs 的 Service，确认每一个都确实应当对外开放，并尽量设置 loadBalancerSourceRanges。确认 kube-apiserver 启用了 DenyServiceExternalIPs 准入插件，或者有策略引擎限制 externalIPs（CVE-2020-8554）。',
  },
  'pod-security/workload-write-rbac': {
    en: 'Check who may create, update, patch or delete Pods and the controllers that make Pods (Deployments, StatefulSets, DaemonSets, ReplicaSets, Jobs, CronJobs). Creating a Pod can mean running anything on a node: these rights belong to deployment pipelines and the few people who need them.',
    'zh-cn':
      '检查谁有权创建、更新、修补或删除 Pod 以及会创建 Pod 的控制器（Deployment、StatefulSet、DaemonSet、ReplicaSet、Job、CronJob）。能创建 Pod 往往意味着能在节点上运行任意程序：这些权限只应属于部署流水线和少数确实需要的人。',
  },
  'pod-security/pss-enforced': {
    en: 'Check that every namespace of the cluster has the label pod-security.kubernetes.io/enforce set to baseline or restricted (not privileged), with a pinned enforce-version, and that the exemptions of the PodSecurity admission configuration are few and justified. Whether a workload runs is decided by those labels in the cluster, not by these files.',
    'zh-cn':
      '确认集群中每个名字空间都有 pod-security.kubernetes.io/enforce 标签，取值为 baseline 或 restricted（而不是 privileged），并固定了 enforce-version；PodSecurity 准入配置中的豁免应当很少且都有理由。工作负载能否运行，取决于集群中的这些标签，而不是这些文件。',
  },
  'pod-security/memory-limits': {
    en: 'Check that every container, init containers included, sets resources.limits.memory, and that the limit is not above the request. A LimitRange in each namespace can give defaults to the workloads that forget.',
    'zh-cn':
      '确认每个容器（包括 init 容器）都设置了 resources.limits.memory，且限制值不高于请求值。在每个名字空间中设置 LimitRange，可以为遗漏的工作负载提供默认值。',
  },
  'pod-security/cpu-limits': {
    en: 'Decide which workloads are sensitive and check that their containers set resources.limits.cpu. CPU limits throttle, so for the other workloads they are a choice, not a requirement.',
    'zh-cn': '确定哪些工作负载是敏感的，并确认它们的容器设置了 resources.limits.cpu。CPU 限制会带来限流，因此对其他工作负载而言它是一种选择，而不是硬性要求。',
  },
  'pod-security/seccomp': {
    en: 'Check that Pods or their containers set securityContext.seccompProfile to RuntimeDefault or a Localhost profile, never Unconfined, or that the kubelets run with seccompDefault enabled. Seccomp applies to Linux nodes only.',
    'zh-cn':
      '确认 Pod 或其容器把 securityContext.seccompProfile 设为 RuntimeDefault 或某个 Localhost 配置，绝不设为 Unconfined；或者各节点的 kubelet 启用了 seccompDefault。Seccomp 只适用于 Linux 节点。',
  },
  'pod-security/apparmor-selinux': {
    en: 'On nodes with AppArmor, check that containers run with the runtime default or a custom profile (the appArmorProfile field, or the older annotations), never unconfined; on nodes with SELinux, check that seLinuxOptions give an appropriate type. Which one applies depends on the Linux distribution of the nodes.',
    'zh-cn':
      '在启用 AppArmor 的节点上，确认容器使用运行时默认或自定义的配置文件（appArmorProfile 字段或旧的注解），绝不使用 unconfined；在启用 SELinux 的节点上，确认 seLinuxOptions 给出了合适的类型。适用哪一种，取决于节点的 Linux 发行版。',
  },
  'logs-auditing/audit-logs-protected': {
    en: 'If audit logging is on (kube-apiserver --audit-log-path, or an audit webhook), check who can read the log files on the control-plane nodes and wherever they are shipped, and that no ordinary workload mounts their directory from the host.',
    'zh-cn':
      '如果启用了审计日志（kube-apiserver 的 --audit-log-path，或审计 Webhook），检查谁能读取控制平面节点上以及日志转发目的地中的日志文件，并确认没有普通工作负载从宿主机挂载日志所在的目录。',
  },
  'logs-auditing/logs-api-disabled': {
    en: "Check the kube-apiserver command line for --enable-logs-handler=false (in the Kubernetes versions that still have the flag) or, where the endpoint must stay, that /var/log on the API server's host holds the API server's own logs only.",
    'zh-cn':
      '检查 kube-apiserver 的命令行中是否有 --enable-logs-handler=false（在仍有此参数的 Kubernetes 版本中）；若必须保留该端点，则确认 API 服务器所在主机的 /var/log 中只有 API 服务器自己的日志。',
  },
  'pod-placement/by-sensitivity': {
    en: 'Decide the sensitivity levels of the applications and which nodes each level may use. Check that sensitive workloads carry a nodeSelector, node affinity or tolerations that keep them on their dedicated nodes, that those nodes are tainted so other Pods stay away, and that PodNodeSelector or PodTolerationRestriction enforce it per namespace.',
    'zh-cn':
      '确定各应用的敏感级别，以及每个级别可以使用哪些节点。确认敏感工作负载带有 nodeSelector、节点亲和性或容忍度，使其只运行在专用节点上；这些节点设置了污点，使其他 Pod 不会调度上去；并由 PodNodeSelector 或 PodTolerationRestriction 在名字空间级别强制执行。',
  },
  'pod-placement/isolated-or-sandboxed': {
    en: 'For each sensitive application, check that it runs either on nodes kept for it or with a sandboxed runtimeClassName (gVisor, Kata Containers ...), and that the RuntimeClass it names exists on the nodes it is scheduled to.',
    'zh-cn':
      '对每个敏感应用，确认它要么运行在专门为它保留的节点上，要么通过 runtimeClassName 使用沙箱运行时（gVisor、Kata Containers 等），并且所引用的 RuntimeClass 在它被调度到的节点上确实存在。',
  },
  'secrets/no-configmap-secrets': {
    en: 'Read the ConfigMaps and the env values of containers for passwords, tokens, keys and connection strings with credentials; move them into Secrets (or an external store) and reference them. A credential that was ever committed in clear text must be rotated as well.',
    'zh-cn':
      '检查 ConfigMap 以及容器 env 中的值，查找密码、令牌、密钥和带凭据的连接串；把它们移入 Secret（或外部存储）后再引用。曾经以明文提交过的凭据还必须更换。',
  },
  'secrets/encryption-at-rest': {
    en: 'Check that kube-apiserver runs with --encryption-provider-config and that its EncryptionConfiguration covers secrets with a real provider (kms v2, aescbc, aesgcm or secretbox) listed before identity. On a managed service, check that its envelope encryption option is on.',
    'zh-cn':
      '确认 kube-apiserver 以 --encryption-provider-config 运行，且其 EncryptionConfiguration 为 secrets 配置了真正的加密提供者（kms v2、aescbc、aesgcm 或 secretbox），并排在 identity 之前。使用托管服务时，确认其信封加密选项已开启。',
  },
  'secrets/external-store': {
    en: 'Decide whether secrets belong in an external store (a vault, a cloud secret manager). If they do, check that they reach Pods through a mechanism made for it (the Secrets Store CSI driver, an operator that syncs them), preferably as files, rather than by copying values into manifests or by giving Pods broad read access to Secrets.',
    'zh-cn':
      '先判断 Secret 是否应当放在外部存储（Vault、云上的密钥管理服务）中。若是，确认它们经由专门的机制（Secrets Store CSI 驱动、负责同步的 Operator）送达 Pod，最好以文件形式提供，而不是把值复制进清单，或给 Pod 读取 Secret 的宽泛权限。',
  },
  'secrets/no-unneeded-sa-tokens': {
    en: 'Check that Pods which never call the Kubernetes API set automountServiceAccountToken: false, on the Pod or on their ServiceAccount, and that the default ServiceAccount of each namespace does not mount its token.',
    'zh-cn':
      '确认不需要调用 Kubernetes API 的 Pod 在 Pod 或其 ServiceAccount 上设置了 automountServiceAccountToken: false，且各名字空间的 default 服务账号不会自动挂载令牌。',
  },
  'secrets/bound-sa-tokens': {
    en: 'Check that no Secret of type kubernetes.io/service-account-token is created by hand and that projected serviceAccountToken volumes set a short expirationSeconds. In the cluster, list the legacy token Secrets that remain and remove those no longer used.',
    'zh-cn':
      '确认没有手工创建 kubernetes.io/service-account-token 类型的 Secret，且投射的 serviceAccountToken 卷设置了较短的 expirationSeconds。在集群中列出仍然存在的旧式令牌 Secret，删除不再使用的。',
  },
  'images/minimal': {
    en: 'Review how the images are built: a minimal or distroless base, a multi-stage build whose final stage holds only the program and what it needs, and no shell, package manager or debugging tools in production images (debug with ephemeral containers instead).',
    'zh-cn':
      '审查镜像的构建方式：使用精简或 distroless 基础镜像；采用多阶段构建，最终阶段只包含程序及其所需内容；生产镜像中不含 Shell、包管理器或调试工具（排障时改用临时容器）。',
  },
  'images/non-root': {
    en: 'Manifests can only ask for a non-root user (runAsNonRoot, runAsUser). Check that the images themselves set a USER other than root in their final stage and that their files are usable by that user, so that the workload does not depend on running as root.',
    'zh-cn':
      '清单只能要求以非 root 用户运行（runAsNonRoot、runAsUser）。还需确认镜像本身在最终阶段用 USER 指定了非 root 用户，且镜像中的文件对该用户可用，使工作负载不依赖 root 身份运行。',
  },
  'images/digest': {
    en: 'Check that every image is referenced by an @sha256 digest, or that an admission controller (ImagePolicyWebhook, or a signature verifier such as a Sigstore policy controller) verifies image signatures at deploy time. A tag, latest above all, can be moved to another image.',
    'zh-cn':
      '确认每个镜像都以 @sha256 摘要引用，或者有准入控制器（ImagePolicyWebhook，或 Sigstore 策略控制器之类的签名校验工具）在部署时验证镜像签名。标签，尤其是 latest，可以被改为指向另一个镜像。',
  },
  'images/scanning': {
    en: 'Check that the CI/CD pipeline scans every image before it is deployed and stops on vulnerabilities above an agreed severity, that running images are scanned again as new vulnerabilities are published, and that findings lead to rebuilt, patched images.',
    'zh-cn':
      '确认 CI/CD 流水线在部署前扫描每个镜像，遇到超过约定严重程度的漏洞时停止；正在运行的镜像会随着新漏洞的公布再次扫描；扫描结果会促成重新构建、已修补的镜像。',
  },
  'admission/plugins': {
    en: 'Check the kube-apiserver flags --enable-admission-plugins and --disable-admission-plugins: the plugins on by default stay on (PodSecurity, LimitRanger, ResourceQuota, the certificate and webhook plugins), NodeRestriction and DenyServiceExternalIPs are added, and AlwaysPullImages and ImagePolicyWebhook are considered.',
    'zh-cn':
      '检查 kube-apiserver 的 --enable-admission-plugins 和 --disable-admission-plugins 参数：默认启用的插件保持启用（PodSecurity、LimitRanger、ResourceQuota、证书相关插件和 Webhook 插件），加上 NodeRestriction 和 DenyServiceExternalIPs，并考虑 AlwaysPullImages 和 ImagePolicyWebhook。',
  },
  'admission/pod-security': {
    en: 'Check that the PodSecurity admission plugin is not disabled on kube-apiserver and that every namespace carries an enforce label. Where a webhook (Kyverno, Gatekeeper ...) enforces more, check that its policies are deployed in enforcing mode and that it fails closed.',
    'zh-cn':
      '确认 kube-apiserver 没有禁用 PodSecurity 准入插件，且每个名字空间都带有 enforce 标签。若还有 Webhook（Kyverno、Gatekeeper 等）执行更多策略，确认这些策略已部署并处于强制模式，且 Webhook 出错时拒绝请求。',
  },
  'admission/secure-config': {
    en: "Check each ValidatingWebhookConfiguration and MutatingWebhookConfiguration: HTTPS with a caBundle, failurePolicy Fail for security webhooks, no namespaceSelector or objectSelector that lets a workload opt out by setting a label, and rules that cover every resource the policy is about. The webhook's own Deployment needs protecting too.",
    'zh-cn':
      '逐一检查 ValidatingWebhookConfiguration 和 MutatingWebhookConfiguration：使用带 caBundle 的 HTTPS；安全相关 Webhook 的 failurePolicy 为 Fail；没有能让工作负载靠设置标签就绕过的 namespaceSelector 或 objectSelector；rules 覆盖策略所涉及的全部资源。Webhook 自身的 Deployment 也需要保护。',
  },
};

/** The guidance of an item, if it has one. */
export function checklistGuidance(id: string): Localized | undefined {
  return Object.prototype.hasOwnProperty.call(CHECKLIST_GUIDANCE, id) ? CHECKLIST_GUIDANCE[id] : undefined;
}
