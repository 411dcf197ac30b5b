/**
 * Short explanations of security-relevant fields for hover where no rule fires: what the field
 * does and what the safe value is, in both languages. Matched on the field's name, with the parent
 * key where the name alone is ambiguous.
 */
import type { Localized } from '../i18n/localized';
import type { PropertyPath } from '../model/values';

const FIELDS: Readonly<Record<string, Localized>> = {
  privileged: {
    en: 'Runs the container with every device and capability of the node. Safe value: `false` (or leave it out).',
    'zh-cn': '以节点的全部设备和权限运行容器。安全的值：`false`（或不设置）。',
  },
  allowPrivilegeEscalation: {
    en: 'Whether a process may gain more privileges than its parent (setuid, file capabilities). Safe value: `false`, set explicitly.',
    'zh-cn': '进程能否获得比父进程更多的权限（setuid、文件 capabilities）。安全的值：显式设为 `false`。',
  },
  hostNetwork: {
    en: "Shares the node's network namespace: the Pod sees every interface of the node and reaches node-local services. Safe value: `false`.",
    'zh-cn': '共享节点的网络命名空间：Pod 能看到节点的所有网卡，并能访问节点本地服务。安全的值：`false`。',
  },
  hostPID: {
    en: "Shares the node's process namespace: the Pod sees and can signal every process of the node. Safe value: `false`.",
    'zh-cn': '共享节点的进程命名空间：Pod 能看到并向节点上的所有进程发送信号。安全的值：`false`。',
  },
  hostIPC: {
    en: "Shares the node's IPC namespace (shared memory, semaphores). Safe value: `false`.",
    'zh-cn': '共享节点的 IPC 命名空间（共享内存、信号量）。安全的值：`false`。',
  },
  hostPort: {
    en: "Binds the port on the node's own address, outside Services and NetworkPolicies. Safe value: leave it out.",
    'zh-cn': '在节点自己的地址上绑定端口，不受 Service 和 NetworkPolicy 管控。安全的做法：不设置。',
  },
  hostUsers: {
    en: 'When `false`, the Pod runs in its own user namespace: root inside is an unprivileged user on the node.',
    'zh-cn': '设为 `false` 时 Pod 运行在独立的用户命名空间中：容器里的 root 在节点上只是普通用户。',
  },
  capabilities: {
    en: 'Linux capabilities added to or dropped from the runtime defaults. Safe value: `drop: ["ALL"]`, adding back at most `NET_BIND_SERVICE`.',
    'zh-cn': '在运行时默认集合上增加或去掉的 Linux capabilities。安全的值：`drop: ["ALL"]`，最多加回 `NET_BIND_SERVICE`。',
  },
  runAsUser: {
    en: 'The UID the container process runs as, overriding the image. `0` is root; use a non-zero UID.',
    'zh-cn': '容器进程运行所用的 UID，会覆盖镜像中的设置。`0` 即 root；请使用非 0 的 UID。',
  },
  runAsNonRoot: {
    en: 'When `true`, the kubelet refuses to start a container that would run as UID 0. Safe value: `true`.',
    'zh-cn': '设为 `true` 时，kubelet 会拒绝启动将以 UID 0 运行的容器。安全的值：`true`。',
  },
  runAsGroup: {
    en: 'The primary GID of the container process. Avoid `0` (the root group).',
    'zh-cn': '容器进程的主 GID。避免使用 `0`（root 组）。',
  },
  seccompProfile: {
    en: 'The seccomp filter on system calls. Safe value: `type: RuntimeDefault` (or `Localhost` with a reviewed profile); never `Unconfined`.',
    'zh-cn': '系统调用的 seccomp 过滤。安全的值：`type: RuntimeDefault`（或经过审查的 `Localhost` 配置）；不要用 `Unconfined`。',
  },
  appArmorProfile: {
    en: 'The AppArmor profile on nodes that support it. Safe value: `type: RuntimeDefault` or `Localhost`; never `Unconfined`.',
    'zh-cn': '在支持 AppArmor 的节点上使用的配置。安全的值：`type: RuntimeDefault` 或 `Localhost`；不要用 `Unconfined`。',
  },
  seLinuxOptions: {
    en: 'SELinux labels. Keep the container types (`container_t` …) and leave `user` and `role` unset.',
    'zh-cn': 'SELinux 标签。使用容器类型（`container_t` 等），不要设置 `user` 和 `role`。',
  },
  readOnlyRootFilesystem: {
    en: "Mounts the image's file system read-only, so an intruder cannot change binaries. Safe value: `true`, with emptyDir volumes for paths that need writes.",
    'zh-cn': '以只读方式挂载镜像的文件系统，入侵者无法篡改程序文件。安全的值：`true`，需要写入的路径使用 emptyDir 卷。',
  },
  procMount: {
    en: 'How /proc is mounted. Safe value: `Default` (masked paths stay masked).',
    'zh-cn': '/proc 的挂载方式。安全的值：`Default`（保持敏感路径被屏蔽）。',
  },
  sysctls: {
    en: 'Kernel parameters for the Pod. Only sysctls isolated per Pod are safe; others change the whole node.',
    'zh-cn': 'Pod 的内核参数。只有在 Pod 之间隔离的 sysctl 是安全的；其他的会影响整个节点。',
  },
  automountServiceAccountToken: {
    en: "Whether the ServiceAccount token is mounted into the Pod. Set `false` unless the program calls the Kubernetes API.",
    'zh-cn': '是否把 ServiceAccount 令牌挂载进 Pod。除非程序需要调用 Kubernetes API，否则设为 `false`。',
  },
  image: {
    en: 'The container image. Pin it by digest (`@sha256:…`) so what runs is what was reviewed; avoid `latest`.',
    'zh-cn': '容器镜像。用摘要（`@sha256:…`）固定版本，确保运行的就是审查过的镜像；避免使用 `latest`。',
  },
  imagePullPolicy: {
    en: 'When the kubelet pulls the image. With a mutable tag, `Always` keeps nodes from running stale or swapped images.',
    'zh-cn': 'kubelet 何时拉取镜像。使用可变标签时，`Always` 可避免节点运行过期或被替换的镜像。',
  },
  hostPath: {
    en: "Mounts a path of the node's file system into the Pod. Avoid it: use emptyDir, ConfigMap, Secret or a PersistentVolumeClaim.",
    'zh-cn': '把节点文件系统中的路径挂载进 Pod。请避免使用：改用 emptyDir、ConfigMap、Secret 或 PersistentVolumeClaim。',
  },
  windowsOptions: {
    en: 'Windows-specific settings. `hostProcess: true` runs the container as a process of the node.',
    'zh-cn': 'Windows 专用设置。`hostProcess: true` 会让容器作为节点上的进程运行。',
  },
};

/** Explanation of the field at the path, if it is one we explain. */
export function fieldExplanation(path: PropertyPath): { field: string; text: Localized } | undefined {
  const names = path.filter((segment): segment is string => typeof segment === 'string');
  const field = names[names.length - 1];
  if (field && FIELDS[field]) return { field, text: FIELDS[field] };
  // On a value inside a known map (e.g. `type: Unconfined` under seccompProfile) explain the map.
  const parent = names[names.length - 2];
  if (parent && FIELDS[parent] && ['type', 'add', 'drop', 'hostProcess'].includes(field ?? '')) return { field: parent, text: FIELDS[parent] };
  return undefined;
}
