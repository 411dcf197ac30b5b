/**
 * kube-apiserver --service-account-lookup=false: the API server accepts a legacy service account
 * token without checking that its Secret (or its ServiceAccount) still exists, so deleting the
 * Secret no longer revokes the token. The default is true; only an explicit false is reported.
 */
import { defineRule } from '../define-rule';
import { booleanFlag, componentData, componentsNamed, CONTROL_PLANE_KINDS } from '../../model/control-plane';
import { APISERVER_POD, APISERVER_REFERENCES } from '../shared/apiserver-pod';

export default defineRule({
  id: 'apiserver-service-account-lookup',
  checklist: ['secrets/bound-sa-tokens'],
  scope: { kinds: CONTROL_PLANE_KINDS },
  defaultSeverity: 'warning',
  docs: {
    title: { en: 'API server skips the service account lookup', 'zh-cn': 'API 服务器跳过服务账号查询' },
    summary: {
      en: 'kube-apiserver must not run with --service-account-lookup=false.',
      'zh-cn': 'kube-apiserver 不得以 --service-account-lookup=false 运行。',
    },
    why: {
      en: 'With the lookup off, the API server trusts the signature of a service account token alone: a token whose Secret or ServiceAccount was deleted to revoke it keeps working until it expires, and legacy Secret tokens never expire.',
      'zh-cn': '关闭查询后，API 服务器只凭签名信任服务账号令牌：为吊销而删除了其 Secret 或 ServiceAccount 的令牌在过期之前仍然有效，而旧式 Secret 令牌永不过期。',
    },
    remediation: {
      en: 'Remove --service-account-lookup=false (the default is true).',
      'zh-cn': '删除 --service-account-lookup=false（默认值为 true）。',
    },
    fixSafety: {
      en: 'Safe: only tokens of deleted accounts or Secrets stop working, which is the point.',
      'zh-cn': '安全：只有所属账号或 Secret 已被删除的令牌会失效，这正是目的所在。',
    },
    references: [...APISERVER_REFERENCES, 'https://kubernetes.io/docs/reference/access-authn-authz/service-accounts-admin/'],
    examples: { incorrect: [...APISERVER_POD, '        - --service-account-lookup=false'].join('\n'), correct: APISERVER_POD.join('\n') },
  },
  messages: {
    lookupOff: {
      en: '{{component}} in {{where}} sets --service-account-lookup={{value}}: tokens of deleted service accounts and Secrets keep working',
      'zh-cn': '{{where}} 中的 {{component}} 设置了 --service-account-lookup={{value}}：已删除的服务账号和 Secret 的令牌仍然有效',
    },
  },
  check(context, resource) {
    for (const component of componentsNamed(resource, 'kube-apiserver')) {
      const flag = component.flags.get('service-account-lookup');
      if (flag && booleanFlag(component, 'service-account-lookup') === false) {
        context.report({ messageId: 'lookupOff', data: { ...componentData(component), value: flag.value }, path: flag.path, target: flag.target });
      }
    }
  },
});
