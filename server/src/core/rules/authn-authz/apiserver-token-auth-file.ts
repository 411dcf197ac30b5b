/**
 * kube-apiserver --token-auth-file: a CSV of static bearer tokens, each with a user and groups
 * (bootstrap setups often put an admin in system:masters). The tokens never expire and are revoked
 * only by editing the file and restarting the API server, so they outlive the bootstrap they were
 * made for. `--basic-auth-file` (static passwords, removed in v1.19) is the same, and worse.
 */
import { defineRule } from '../define-rule';
import { componentData, componentsNamed, CONTROL_PLANE_KINDS, hasFlag } from '../../model/control-plane';
import { APISERVER_POD, APISERVER_REFERENCES } from '../shared/apiserver-pod';

export default defineRule({
  id: 'apiserver-token-auth-file',
  checklist: ['authn-authz/system-masters'],
  scope: { kinds: CONTROL_PLANE_KINDS },
  defaultSeverity: 'warning',
  docs: {
    title: { en: 'API server static token file', 'zh-cn': 'API 服务器的静态令牌文件' },
    summary: {
      en: 'kube-apiserver should not authenticate anyone with a static token file (--token-auth-file) or password file (--basic-auth-file).',
      'zh-cn': 'kube-apiserver 不应通过静态令牌文件（--token-auth-file）或密码文件（--basic-auth-file）认证任何人。',
    },
    why: {
      en: 'Static tokens never expire, cannot be revoked without editing the file and restarting the API server, and are kept in plain text on every control-plane node. Bootstrap setups often give such a token to an admin in system:masters, which no RBAC change can take away afterwards.',
      'zh-cn': '静态令牌永不过期，不修改文件并重启 API 服务器就无法吊销，并且以明文保存在每个控制平面节点上。引导阶段常把这样的令牌发给属于 system:masters 的管理员，之后任何 RBAC 修改都无法收回其权限。',
    },
    remediation: {
      en: 'Remove --token-auth-file and --basic-auth-file; authenticate people through OIDC or client certificates and components through service account tokens or bootstrap tokens.',
      'zh-cn': '删除 --token-auth-file 和 --basic-auth-file；人员通过 OIDC 或客户端证书认证，组件通过服务账号令牌或引导令牌认证。',
    },
    fixSafety: {
      en: 'Changes behaviour: clients that still use a static token are refused.',
      'zh-cn': '会改变行为：仍在使用静态令牌的客户端会被拒绝。',
    },
    references: [...APISERVER_REFERENCES, 'https://kubernetes.io/docs/reference/access-authn-authz/authentication/#static-token-file'],
    examples: { incorrect: [...APISERVER_POD, '        - --token-auth-file=/etc/kubernetes/tokens.csv'].join('\n'), correct: APISERVER_POD.join('\n') },
  },
  messages: {
    passwordFile: {
      en: '{{component}} in {{where}} accepts the static passwords of --basic-auth-file: they never expire, and the flag is gone since v1.19',
      'zh-cn': '{{where}} 中的 {{component}} 接受 --basic-auth-file 中的静态密码：它们永不过期，而且该参数自 v1.19 起已被移除',
    },
    tokenFile: {
      en: '{{component}} in {{where}} accepts the static tokens of --token-auth-file: they never expire and are revoked only by a restart',
      'zh-cn': '{{where}} 中的 {{component}} 接受 --token-auth-file 中的静态令牌：它们永不过期，只能通过重启来吊销',
    },
  },
  check(context, resource) {
    for (const component of componentsNamed(resource, 'kube-apiserver')) {
      for (const [name, messageId] of [['token-auth-file', 'tokenFile'], ['basic-auth-file', 'passwordFile']] as const) {
        const flag = component.flags.get(name);
        if (flag && hasFlag(component, name)) context.report({ messageId, data: componentData(component), path: flag.path, target: flag.target });
      }
    }
  },
});
