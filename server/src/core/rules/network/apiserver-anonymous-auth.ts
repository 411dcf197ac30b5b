/**
 * kube-apiserver must not serve anonymous requests on every path: `--anonymous-auth` is true unless
 * set to false. With `--authentication-config`, the AuthenticationConfiguration file decides, and
 * there anonymous access is fine only when `conditions` restrict it to chosen paths.
 */
import { defineRule } from '../define-rule';
import { booleanFlag, componentData, componentsNamed, CONTROL_PLANE_KINDS, flagLocation, flagOf, isConfigKind } from '../../model/control-plane';
import { arrayAt, booleanAt, recordAt } from '../../model/values';

const POD = [
  'apiVersion: v1', 'kind: Pod', 'metadata:', '  name: kube-apiserver', '  namespace: kube-system', 'spec:', '  containers:',
  '    - name: kube-apiserver', '      image: registry.k8s.io/kube-apiserver:v1.31.0', '      command:', '        - kube-apiserver',
  '        - --authorization-mode=Node,RBAC',
];

export default defineRule({
  id: 'apiserver-anonymous-auth',
  checklist: ['network/control-plane-not-exposed'],
  scope: { kinds: [...CONTROL_PLANE_KINDS, 'AuthenticationConfiguration'] },
  defaultSeverity: 'warning',
  docs: {
    title: { en: 'Anonymous requests to the API server', 'zh-cn': 'API 服务器的匿名请求' },
    summary: {
      en: 'kube-apiserver must run with --anonymous-auth=false, or limit anonymous access to chosen paths in its AuthenticationConfiguration.',
      'zh-cn': 'kube-apiserver 必须以 --anonymous-auth=false 运行，或在 AuthenticationConfiguration 中把匿名访问限制在指定路径。',
    },
    why: {
      en: 'The flag defaults to true: a request without credentials becomes the user system:anonymous and reaches the authorizers. Default RBAC lets it read health, version and discovery data, and a single binding to system:anonymous or system:unauthenticated opens much more to anyone who can reach the port.',
      'zh-cn': '该参数默认为 true：不带凭据的请求会成为用户 system:anonymous 并交给鉴权模块。默认 RBAC 允许它读取健康、版本和发现信息，而一条绑定到 system:anonymous 或 system:unauthenticated 的授权就会向所有能访问该端口的人开放更多内容。',
    },
    remediation: {
      en: 'Set `--anonymous-auth=false`; or, from Kubernetes 1.32, use `--authentication-config` with `anonymous.enabled: true` and `conditions` listing only the health paths (/livez, /readyz, /healthz).',
      'zh-cn': '设置 `--anonymous-auth=false`；或者从 Kubernetes 1.32 起使用 `--authentication-config`，在 `anonymous.enabled: true` 的同时用 `conditions` 只列出健康检查路径（/livez、/readyz、/healthz）。',
    },
    fixSafety: {
      en: 'Changes behaviour: probes and load balancers that call /livez or /readyz without credentials (kubeadm\'s probes do) start failing unless those paths stay open through conditions.',
      'zh-cn': '会改变行为：不带凭据调用 /livez 或 /readyz 的探针和负载均衡器（kubeadm 的探针就是如此）会开始失败，除非通过 conditions 保留这些路径的匿名访问。',
    },
    references: [
      'https://kubernetes.io/docs/reference/access-authn-authz/authentication/#anonymous-requests',
      'https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/',
      'https://kubernetes.io/docs/concepts/security/security-checklist/#network-security',
    ],
    examples: { incorrect: POD.join('\n'), correct: [...POD, '        - --anonymous-auth=false'].join('\n') },
  },
  messages: {
    missing: {
      en: '{{component}} in {{where}} accepts anonymous requests: --anonymous-auth defaults to true',
      'zh-cn': '{{where}} 中的 {{component}} 接受匿名请求：--anonymous-auth 默认为 true',
    },
    enabled: {
      en: '{{component}} in {{where}} accepts anonymous requests: --anonymous-auth={{value}}',
      'zh-cn': '{{where}} 中的 {{component}} 接受匿名请求：--anonymous-auth={{value}}',
    },
    configAnonymous: {
      en: 'AuthenticationConfiguration enables anonymous requests on every path: add conditions that list only the paths that need them',
      'zh-cn': 'AuthenticationConfiguration 在所有路径上启用了匿名请求：请添加 conditions，只列出需要匿名访问的路径',
    },
  },
  check(context, resource) {
    if (isConfigKind(resource, 'apiserver.config.k8s.io', 'AuthenticationConfiguration')) {
      const anonymous = recordAt(resource.value, 'anonymous');
      if (booleanAt(anonymous, 'enabled') === true && arrayAt(anonymous, 'conditions').length === 0) {
        context.report({ messageId: 'configAnonymous', path: ['anonymous', 'enabled'], target: 'value' });
      }
      return;
    }
    for (const component of componentsNamed(resource, 'kube-apiserver')) {
      const flag = flagOf(component, 'anonymous-auth');
      if (flag?.unknown) continue;
      // The AuthenticationConfiguration file then holds the setting; it is checked on its own.
      if (!flag && component.flags.has('authentication-config')) continue;
      if (flag && booleanFlag(component, 'anonymous-auth') !== true) continue;
      context.report({ messageId: flag ? 'enabled' : 'missing', data: { ...componentData(component), value: flag?.value ?? '' }, ...flagLocation(component, flag) });
    }
  },
});
