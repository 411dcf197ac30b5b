/**
 * Minting service account tokens: create on `serviceaccounts/token` (the TokenRequest API). The
 * holder gets a token of any service account in scope and with it that account's permissions.
 * A rule narrowed by resourceNames to given service accounts (a component that mints tokens for its
 * own account) is not reported.
 */
import { defineRule } from '../define-rule';
import { ruleGrants } from '../../model/rbac';
import { grantData, specificRulesOf, RBAC_REFERENCES, resourceItemPath, ROLE_KINDS } from '../shared/rbac';

export default defineRule({
  id: 'rbac-create-tokens',
  checklist: ['authn-authz/rbac-good-practices'],
  scope: { kinds: ROLE_KINDS },
  defaultSeverity: 'warning',
  docs: {
    title: { en: 'RBAC permission to create service account tokens', 'zh-cn': 'RBAC 允许创建服务账号令牌' },
    summary: {
      en: 'Roles should not grant create on serviceaccounts/token for every service account.',
      'zh-cn': '角色不应对所有服务账号授予 serviceaccounts/token 的 create 权限。',
    },
    why: {
      en: 'Creating a token for a service account means acting as that account. With the right on all accounts of a namespace (or the cluster), the holder inherits the strongest account there, controllers included.',
      'zh-cn': '为某个服务账号创建令牌就等于以该账号的身份行事。如果对命名空间（或整个集群）内的所有账号都有此权限，持有者就继承了其中权限最大的账号，包括控制器的账号。',
    },
    remediation: {
      en: 'Limit the rule to the service accounts that really need tokens (resourceNames), or let Pods receive projected tokens instead.',
      'zh-cn': '把规则限制在确实需要令牌的服务账号上（使用 resourceNames），或者让 Pod 通过投射卷获得令牌。',
    },
    fixSafety: {
      en: 'Changes behaviour: token requests for accounts not named are denied.',
      'zh-cn': '会改变行为：为未列出的账号申请令牌的请求会被拒绝。',
    },
    references: [...RBAC_REFERENCES, 'https://kubernetes.io/docs/reference/access-authn-authz/service-accounts-admin/'],
    examples: {
      incorrect:
        'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: token-issuer\n  namespace: ci\nrules:\n  - apiGroups: [""]\n    resources: ["serviceaccounts/token"]\n    verbs: ["create"]',
      correct:
        'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: token-issuer\n  namespace: ci\nrules:\n  - apiGroups: [""]\n    resources: ["serviceaccounts/token"]\n    resourceNames: ["deployer"]\n    verbs: ["create"]',
    },
  },
  messages: {
    createTokens: {
      en: '{{kind}} "{{name}}" grants {{verbs}} on serviceaccounts/token (resource "{{item}}"): holders can obtain a token of any service account in scope',
      'zh-cn': '{{kind}} "{{name}}" 对 serviceaccounts/token（资源 "{{item}}"）授予了 {{verbs}}：持有者可以获取范围内任意服务账号的令牌',
    },
  },
  check(context, resource) {
    for (const rule of specificRulesOf(resource)) {
      const grant = ruleGrants(rule, { group: '', resource: 'serviceaccounts', subresource: 'token' }, ['create']);
      if (!grant || grant.narrowed) continue;
      context.report({ messageId: 'createTokens', data: grantData(resource, grant), path: resourceItemPath(rule, grant) });
    }
  },
});
