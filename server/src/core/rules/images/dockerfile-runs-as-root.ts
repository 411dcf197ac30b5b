/**
 * The image a Dockerfile builds runs as root (checklist images/non-root): its final stage (with the
 * stages it builds on, `FROM build`) sets no `USER`, or its last `USER` is `root` or UID 0. A named
 * user passes here, but only a numeric UID lets the kubelet enforce `runAsNonRoot` (it cannot look
 * names up). A base whose tag says `nonroot` (distroless) already runs as a user; a `USER` made of
 * build variables is not judged.
 */
import { defineRule } from '../define-rule';
import { finalStage, lastInChain, rootStage } from '../../dockerfile/dockerfile-model';

export default defineRule({
  id: 'dockerfile-runs-as-root',
  checklist: ['images/non-root'],
  scope: 'dockerfile',
  defaultSeverity: 'warning',
  docs: {
    title: { en: 'Dockerfile image runs as root', 'zh-cn': 'Dockerfile 构建的镜像以 root 运行' },
    summary: {
      en: 'The final stage of a Dockerfile should end with `USER <non-root UID>`, so that the image does not run as root by default.',
      'zh-cn': 'Dockerfile 的最终阶段应以 `USER <非 root 的 UID>` 结束，使镜像默认不以 root 运行。',
    },
    why: {
      en: 'Without `USER`, a container runs as UID 0 unless its Pod says otherwise; a process escaping the container, or writing to a mounted host path, then does so as root. Use a numeric UID (`USER 10001`): with a name (`USER app`) the image is non-root too, but the kubelet cannot verify `runAsNonRoot: true` against a name and refuses to start the Pod. A `USER` in an earlier stage the final stage builds on (`FROM base`) counts; a base image tagged `nonroot` (distroless) counts as non-root.',
      'zh-cn': '没有 `USER` 时，除非 Pod 另有设置，容器以 UID 0 运行；逃出容器的进程或写入挂载的主机路径的进程因此具有 root 身份。请使用数字 UID（`USER 10001`）：使用名称（`USER app`）时镜像同样不是 root，但 kubelet 无法根据名称校验 `runAsNonRoot: true`，会拒绝启动 Pod。最终阶段所基于的之前阶段（`FROM base`）中的 `USER` 同样有效；标签为 `nonroot` 的基础镜像（distroless）视为非 root。',
    },
    remediation: {
      en: 'Create the user in the image if needed and switch to it last: `RUN useradd --uid 10001 app` … `USER 10001:10001`; give files the user must write to that UID with `COPY --chown=10001:10001`.',
      'zh-cn': '需要时在镜像中创建用户，并在最后切换到它：`RUN useradd --uid 10001 app` … `USER 10001:10001`；用 `COPY --chown=10001:10001` 把用户需要写入的文件交给该 UID。',
    },
    fixSafety: {
      en: 'Can break the image: files the process writes, ports below 1024 and package installs at start-up need root; test the image as the new user.',
      'zh-cn': '可能破坏镜像：进程要写入的文件、1024 以下的端口以及启动时安装软件包都需要 root；请以新用户测试镜像。',
    },
    references: [
      'https://docs.docker.com/reference/dockerfile/#user',
      'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/',
      'https://kubernetes.io/docs/concepts/security/security-checklist/#images',
    ],
    examples: {
      incorrect: 'FROM python:3.12-slim\nCOPY app.py /app.py\nCMD ["python", "/app.py"]',
      correct: 'FROM python:3.12-slim\nCOPY app.py /app.py\nUSER 10001:10001\nCMD ["python", "/app.py"]',
    },
  },
  messages: {
    noUser: {
      en: 'The final stage sets no USER, so the image runs as root: add USER with a numeric non-root UID (for example USER 10001)',
      'zh-cn': '最终阶段没有设置 USER，镜像因此以 root 运行：请添加使用非 root 数字 UID 的 USER（例如 USER 10001）',
    },
    rootUser: {
      en: 'USER {{user}} makes the image run as root: switch to a numeric non-root UID last',
      'zh-cn': 'USER {{user}} 使镜像以 root 运行：请在最后切换到非 root 的数字 UID',
    },
  },
  check(context, dockerfile) {
    const last = finalStage(dockerfile);
    if (!last) return;
    const user = lastInChain(last, 'USER');
    if (!user) {
      const base = rootStage(last);
      if (base.image !== undefined && !/nonroot/i.test(base.image)) context.report({ messageId: 'noUser', node: last.from });
      return;
    }
    const argument = user.getArguments()[0];
    const value = argument?.getValue() ?? '';
    if (!argument || value.includes('$')) return;
    const name = value.split(':')[0];
    if (name === 'root' || /^0+$/.test(name)) context.report({ messageId: 'rootUser', data: { user: value }, node: argument });
  },
});
