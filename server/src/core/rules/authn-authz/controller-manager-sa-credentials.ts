/**
 * kube-controller-manager must run each controller under its own service account
 * (`--use-service-account-credentials=true`), so that RBAC limits every controller separately.
 */
import { defineRule } from '../define-rule';
import { booleanFlag, componentData, componentsNamed, CONTROL_PLANE_KINDS, flagLocation, flagOf } from '../../model/control-plane';

export default defineRule({
  id: 'controller-manager-sa-credentials',
  checklist: ['authn-authz/controller-manager-sa-credentials'],
  scope: { kinds: CONTROL_PLANE_KINDS },
  defaultSeverity: 'warning',
  docs: {
    title: { en: 'Controller credentials of kube-controller-manager', 'zh-cn': 'kube-controller-manager 的控制器凭据' },
    summary: {
      en: 'kube-controller-manager must run with --use-service-account-credentials=true.',
      'zh-cn': 'kube-controller-manager 必须以 --use-service-account-credentials=true 运行。',
    },
    why: {
      en: 'Without the flag every controller acts with the controller manager\'s own, very broad identity. With it, each controller uses a service account in kube-system whose RBAC role grants only what that controller needs, so a flaw in one controller cannot use the rights of all of them.',
      'zh-cn': '不设置该参数时，所有控制器都以控制器管理器自身那个权限极大的身份行事。设置后，每个控制器使用 kube-system 中各自的服务账号，其 RBAC 角色只授予该控制器所需的权限，单个控制器的缺陷无法动用全部控制器的权限。',
    },
    remediation: {
      en: 'Add `--use-service-account-credentials=true` to the kube-controller-manager command (kubeadm sets it by default; do not override it in controllerManager.extraArgs).',
      'zh-cn': '在 kube-controller-manager 的命令中加入 `--use-service-account-credentials=true`（kubeadm 默认会设置；不要在 controllerManager.extraArgs 中覆盖它）。',
    },
    fixSafety: {
      en: 'Safe on clusters with RBAC: the default roles of the controllers exist. With another authorizer, grant the controller service accounts their rights first.',
      'zh-cn': '在启用 RBAC 的集群上是安全的：控制器的默认角色已存在。若使用其他鉴权方式，需先为控制器服务账号授予权限。',
    },
    references: [
      'https://kubernetes.io/docs/reference/command-line-tools-reference/kube-controller-manager/',
      'https://kubernetes.io/docs/reference/access-authn-authz/rbac/#controller-roles',
      'https://kubernetes.io/docs/concepts/security/security-checklist/#authentication-authorization',
    ],
    examples: {
      incorrect: [
        'apiVersion: v1', 'kind: Pod', 'metadata:', '  name: kube-controller-manager', '  namespace: kube-system', 'spec:', '  containers:',
        '    - name: kube-controller-manager', '      image: registry.k8s.io/kube-controller-manager:v1.31.0', '      command:',
        '        - kube-controller-manager', '        - --kubeconfig=/etc/kubernetes/controller-manager.conf',
      ].join('\n'),
      correct: [
        'apiVersion: v1', 'kind: Pod', 'metadata:', '  name: kube-controller-manager', '  namespace: kube-system', 'spec:', '  containers:',
        '    - name: kube-controller-manager', '      image: registry.k8s.io/kube-controller-manager:v1.31.0', '      command:',
        '        - kube-controller-manager', '        - --kubeconfig=/etc/kubernetes/controller-manager.conf', '        - --use-service-account-credentials=true',
      ].join('\n'),
    },
  },
  messages: {
    missing: {
      en: '{{component}} in {{where}} runs without --use-service-account-credentials=true: every controller shares its broad identity',
      'zh-cn': '{{where}} 中的 {{component}} 未设置 --use-service-account-credentials=true：所有控制器共用其权限极大的身份',
    },
    disabled: {
      en: '{{component}} in {{where}} sets --use-service-account-credentials={{value}}: every controller shares its broad identity',
      'zh-cn': '{{where}} 中的 {{component}} 设置了 --use-service-account-credentials={{value}}：所有控制器共用其权限极大的身份',
    },
  },
  check(context, resource) {
    for (const component of componentsNamed(resource, 'kube-controller-manager')) {
      const flag = flagOf(component, 'use-service-account-credentials');
      if (flag?.unknown || booleanFlag(component, 'use-service-account-credentials') === true) continue;
      context.report({
        messageId: flag ? 'disabled' : 'missing',
        data: { ...componentData(component), value: flag?.value ?? '' },
        ...flagLocation(component, flag),
      });
    }
  },
});
