/**
 * Credentials written into a container's `command` or `args`: credential flags and shell
 * assignments with a literal value, the password options of well-known clients, `Authorization`
 * headers, and private keys, known tokens and URLs with a password anywhere in the command line.
 * Detection lives in model/command-line-credentials.ts; messages name the flag or format, never the value.
 */
import { defineRule } from '../define-rule';
import { findCommandLineCredentials } from '../../model/command-line-credentials';
import { containersOf, POD_TEMPLATE_KINDS, podTemplateOf } from '../shared/workloads';

export default defineRule({
  id: 'command-line-credentials',
  checklist: ['secrets/no-configmap-secrets'],
  scope: { kinds: POD_TEMPLATE_KINDS },
  defaultSeverity: 'warning',
  docs: {
    title: { en: 'Credential on a container command line', 'zh-cn': '容器命令行中的凭据' },
    summary: {
      en: 'A container `command` or `args` should not carry a literal password, token or key; pass it in a mounted Secret file instead.',
      'zh-cn': '容器的 `command` 或 `args` 不应直接带有密码、令牌或密钥；应改为通过挂载的 Secret 文件传入。',
    },
    why: {
      en: 'The command line is stored in the workload object, where everyone who can read Deployments or Pods sees it, and at run time it is visible to every process on the node (`ps`, `/proc/*/cmdline`) and in crash reports. Reported: a flag whose name ends with a credential word and that is given a literal value (`--password=x`, `--token x`, `-client-secret=x`), a shell assignment such as `PGPASSWORD=x`, `mysql -px`, `sshpass -p x`, `redis-cli -a x`, `redis-server --requirepass x`, `keytool -storepass x`, `curl -u user:x`, an `Authorization: Bearer` header, and private keys, known token formats and URLs with a password anywhere in it. Not reported: values that the shell or the kubelet expands (`$(VAR)`, `$VAR`, `${VAR}`, `$(cat /run/secrets/x)`), flags that name a file, path or URL (`--password-file`, `--token-url`), paths, numbers, booleans, empty values and placeholders (`changeme`, `<token>`, `xxx`, `REPLACE_ME`, `dummy`, values containing `EXAMPLE`, kubeadm\'s documented `abcdef.0123456789abcdef`).',
      'zh-cn': '命令行保存在工作负载对象里，任何能读取 Deployment 或 Pod 的人都能看到它；运行时，节点上的所有进程（`ps`、`/proc/*/cmdline`）和崩溃报告也都能看到。会报告：名称以凭据类词语结尾且被赋予字面量值的参数（`--password=x`、`--token x`、`-client-secret=x`）、`PGPASSWORD=x` 这样的 shell 赋值、`mysql -px`、`sshpass -p x`、`redis-cli -a x`、`redis-server --requirepass x`、`keytool -storepass x`、`curl -u user:x`、`Authorization: Bearer` 请求头，以及命令行中任何位置出现的私钥、已知令牌格式和带密码的 URL。不会报告：由 shell 或 kubelet 展开的值（`$(VAR)`、`$VAR`、`${VAR}`、`$(cat /run/secrets/x)`）、指向文件、路径或 URL 的参数（`--password-file`、`--token-url`），以及路径、数字、布尔值、空值和占位符（`changeme`、`<token>`、`xxx`、`REPLACE_ME`、`dummy`、含有 `EXAMPLE` 的值、kubeadm 文档中的示例令牌 `abcdef.0123456789abcdef`）。',
    },
    remediation: {
      en: 'Mount the credential from a Secret volume and point the program at the file (`--password-file=/var/run/secrets/db/password`); where a program reads only its arguments, use `$(VAR)` with a variable from `secretKeyRef`. Rotate the credential, since it has been exposed.',
      'zh-cn': '从 Secret 卷挂载凭据，并让程序读取该文件（`--password-file=/var/run/secrets/db/password`）；如果程序只能从参数读取，就使用 `$(VAR)`，变量值来自 `secretKeyRef`。由于凭据已经暴露，应当轮换它。',
    },
    fixSafety: {
      en: 'Changes behaviour: the program must get the value from its new place.',
      'zh-cn': '会改变行为：程序必须从新的位置获取该值。',
    },
    references: [
      'https://kubernetes.io/docs/concepts/security/secrets-good-practices/',
      'https://kubernetes.io/docs/tasks/inject-data-application/define-interdependent-environment-variables/',
      'https://kubernetes.io/docs/concepts/security/security-checklist/#secrets',
    ],
    examples: {
      incorrect: 'containers:\n  - name: backup\n    image: registry.example.com/backup:1.0\n    args: ["mysqldump", "-u", "root", "-phunter2", "app"]',
      correct:
        'containers:\n  - name: backup\n    image: registry.example.com/backup:1.0\n    env:\n      - name: MYSQL_PWD\n        valueFrom:\n          secretKeyRef: {name: db, key: password}\n    args: ["mysqldump", "-u", "root", "app"]',
    },
  },
  messages: {
    flag: {
      en: 'Container "{{container}}" {{field}}[{{index}}]: "{{flag}}" is given a literal credential (value redacted)',
      'zh-cn': '容器 "{{container}}" 的 {{field}}[{{index}}]："{{flag}}" 被赋予了字面量凭据（值已隐去）',
    },
    privateKey: {
      en: 'Container "{{container}}" {{field}}[{{index}}] holds a private key (value redacted)',
      'zh-cn': '容器 "{{container}}" 的 {{field}}[{{index}}] 含有私钥（值已隐去）',
    },
    urlPassword: {
      en: 'Container "{{container}}" {{field}}[{{index}}] holds a URL with a password (value redacted)',
      'zh-cn': '容器 "{{container}}" 的 {{field}}[{{index}}] 含有带密码的 URL（值已隐去）',
    },
    token: {
      en: 'Container "{{container}}" {{field}}[{{index}}] holds a credential in {{format}} format (value redacted)',
      'zh-cn': '容器 "{{container}}" 的 {{field}}[{{index}}] 含有 {{format}} 格式的凭据（值已隐去）',
    },
  },
  check(context, resource) {
    const template = podTemplateOf(resource);
    if (!template) return;
    for (const view of containersOf(template)) {
      const { command, args } = view.container as { command?: unknown; args?: unknown };
      const commandItems = Array.isArray(command) ? (command as unknown[]) : [];
      const argItems = Array.isArray(args) ? (args as unknown[]) : [];
      for (const hit of findCommandLineCredentials([...commandItems, ...argItems])) {
        const field = hit.index < commandItems.length ? 'command' : 'args';
        const index = field === 'command' ? hit.index : hit.index - commandItems.length;
        const item = (field === 'command' ? commandItems : argItems)[index];
        // A script in a block scalar spans lines: the finding sits on its list's key instead.
        const multiLine = typeof item === 'string' && item.trim().includes('\n');
        const path = multiLine ? [...view.path, field] : [...view.path, field, index];
        const target = multiLine ? ('key' as const) : undefined;
        const data = { container: view.name, field, index };
        if (hit.kind === 'token') context.report({ messageId: 'token', data: { ...data, format: hit.format ?? '' }, path, target });
        else if (hit.kind === 'private-key') context.report({ messageId: 'privateKey', data, path, target });
        else if (hit.kind === 'url-password') context.report({ messageId: 'urlPassword', data, path, target });
        else context.report({ messageId: 'flag', data: { ...data, flag: hit.flag ?? '' }, path, target });
      }
    }
  },
});
