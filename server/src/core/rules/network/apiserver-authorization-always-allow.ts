/**
 * kube-apiserver must not authorize everything: `--authorization-mode` defaults to AlwaysAllow when
 * unset, and AlwaysAllow anywhere in the list allows whatever the modes before it do not decide.
 * The structured AuthorizationConfiguration (`--authorization-config`) is checked the same way.
 */
import { defineRule } from '../define-rule';
import { componentData, componentsNamed, CONTROL_PLANE_KINDS, flagOf, isConfigKind } from '../../model/control-plane';
import { arrayAt, stringAt } from '../../model/values';

const POD = [
  'apiVersion: v1', 'kind: Pod', 'metadata:', '  name: kube-apiserver', '  namespace: kube-system', 'spec:', '  containers:',
  '    - name: kube-apiserver', '      image: registry.k8s.io/kube-apiserver:v1.31.0', '      command:', '        - kube-apiserver',
];

export default defineRule({
  id: 'apiserver-authorization-always-allow',
  checklist: ['network/control-plane-not-exposed', 'authn-authz/rbac-good-practices'],
  scope: { kinds: [...CONTROL_PLANE_KINDS, 'AuthorizationConfiguration'] },
  defaultSeverity: 'error',
  docs: {
    title: { en: 'API server authorizes every request', 'zh-cn': 'API 服务器放行所有请求' },
    summary: {
      en: 'kube-apiserver must set --authorization-mode (e.g. Node,RBAC) without AlwaysAllow.',
      'zh-cn': 'kube-apiserver 必须设置不含 AlwaysAllow 的 --authorization-mode（例如 Node,RBAC）。',
    },
    why: {
      en: 'AlwaysAllow grants every authenticated (and, with anonymous auth, every anonymous) request everything: reading Secrets, creating privileged Pods, changing RBAC. An unset --authorization-mode means AlwaysAllow, and AlwaysAllow after other modes still allows whatever they leave undecided.',
      'zh-cn': 'AlwaysAllow 会允许所有已认证的请求（若启用匿名认证，则包括所有匿名请求）做任何事：读取 Secret、创建特权 Pod、修改 RBAC。未设置 --authorization-mode 即等于 AlwaysAllow；排在其他模式之后的 AlwaysAllow 仍会放行它们未作决定的请求。',
    },
    remediation: {
      en: 'Set `--authorization-mode=Node,RBAC` (add Webhook if you use one) and remove AlwaysAllow; in an AuthorizationConfiguration, remove authorizers of type AlwaysAllow.',
      'zh-cn': '设置 `--authorization-mode=Node,RBAC`（如使用 Webhook 则加上），并删除 AlwaysAllow；在 AuthorizationConfiguration 中删除类型为 AlwaysAllow 的鉴权器。',
    },
    fixSafety: {
      en: 'Changes behaviour: clients without RBAC grants lose access; create the Roles and bindings they need first.',
      'zh-cn': '会改变行为：没有 RBAC 授权的客户端将失去访问权限；请先创建它们所需的 Role 和绑定。',
    },
    references: [
      'https://kubernetes.io/docs/reference/access-authn-authz/authorization/',
      'https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/',
      'https://kubernetes.io/docs/concepts/security/security-checklist/#network-security',
    ],
    examples: { incorrect: POD.join('\n'), correct: [...POD, '        - --authorization-mode=Node,RBAC'].join('\n') },
  },
  messages: {
    missing: {
      en: '{{component}} in {{where}} authorizes every request: --authorization-mode is unset and defaults to AlwaysAllow',
      'zh-cn': '{{where}} 中的 {{component}} 放行所有请求：未设置 --authorization-mode，默认即为 AlwaysAllow',
    },
    alwaysAllow: {
      en: '{{component}} in {{where}} authorizes every request: --authorization-mode includes AlwaysAllow',
      'zh-cn': '{{where}} 中的 {{component}} 放行所有请求：--authorization-mode 包含 AlwaysAllow',
    },
    configAlwaysAllow: {
      en: 'AuthorizationConfiguration authorizer "{{name}}" is of type AlwaysAllow: it authorizes every request that reaches it',
      'zh-cn': 'AuthorizationConfiguration 的鉴权器 "{{name}}" 类型为 AlwaysAllow：它会放行所有到达它的请求',
    },
  },
  check(context, resource) {
    if (isConfigKind(resource, 'apiserver.config.k8s.io', 'AuthorizationConfiguration')) {
      arrayAt(resource.value, 'authorizers').forEach((authorizer, index) => {
        if (stringAt(authorizer, 'type') !== 'AlwaysAllow') return;
        context.report({ messageId: 'configAlwaysAllow', data: { name: stringAt(authorizer, 'name') ?? `#${index + 1}` }, path: ['authorizers', index, 'type'], target: 'value' });
      });
      return;
    }
    for (const component of componentsNamed(resource, 'kube-apiserver')) {
      const flag = flagOf(component, 'authorization-mode');
      if (!flag) {
        if (!component.flags.has('authorization-config')) context.report({ messageId: 'missing', data: componentData(component), ...component.anchor });
        continue;
      }
      const offending = flag.items.find((item) => item.value === 'AlwaysAllow');
      if (!offending) continue;
      const location = flag.implicit ? component.anchor : { path: offending.path, target: offending.target };
      context.report({ messageId: 'alwaysAllow', data: componentData(component), ...location });
    }
  },
});
