/**
 * Approving certificate signing requests: the `approve` verb on `signers` of certificates.k8s.io
 * (with update on certificatesigningrequests/approval, which usually comes with it). For the
 * built-in signers `kubernetes.io/*` an approval means a client certificate that the API server
 * accepts, for any user and any group but system:masters, and a certificate cannot be revoked. The
 * approval check authorizes the signer name and its `domain/*` form, so resourceNames limited to
 * signers outside kubernetes.io (a custom signer of one's own) are not reported.
 */
import { defineRule } from '../define-rule';
import { ruleGrants } from '../../model/rbac';
import { objectData, specificRulesOf, RBAC_REFERENCES, ROLE_KINDS, verbItemPath } from '../shared/rbac';

const BUILT_IN_SIGNER_DOMAIN = 'kubernetes.io/';

export default defineRule({
  id: 'rbac-approve-csr',
  checklist: ['authn-authz/rbac-good-practices'],
  scope: { kinds: ROLE_KINDS },
  defaultSeverity: 'warning',
  docs: {
    title: { en: 'RBAC permission to approve certificate requests', 'zh-cn': 'RBAC 允许批准证书签名请求' },
    summary: {
      en: 'Roles should not grant approve on the built-in kubernetes.io signers.',
      'zh-cn': '角色不应授予对内置 kubernetes.io 签名者的 approve 权限。',
    },
    why: {
      en: 'Whoever can create and approve a CertificateSigningRequest for kubernetes.io/kube-apiserver-client gets a client certificate for the user and groups of their choice. Kubernetes cannot revoke certificates, so such a credential works until it expires.',
      'zh-cn': '能够创建并批准 kubernetes.io/kube-apiserver-client 的 CertificateSigningRequest 的人，可以为自己选择的用户和组获得客户端证书。Kubernetes 无法吊销证书，因此这种凭据在过期前一直有效。',
    },
    remediation: {
      en: 'Leave approval of built-in signers to the controller manager and to administrators; if a controller approves requests of its own signer, restrict approve to that signer name (resourceNames).',
      'zh-cn': '内置签名者的批准应交给控制器管理器和管理员；如果某个控制器批准自己签名者的请求，把 approve 限制在该签名者名称上（使用 resourceNames）。',
    },
    fixSafety: {
      en: 'Changes behaviour: the role holders can no longer approve requests for the built-in signers.',
      'zh-cn': '会改变行为：角色持有者将无法再批准内置签名者的请求。',
    },
    references: [...RBAC_REFERENCES, 'https://kubernetes.io/docs/reference/access-authn-authz/certificate-signing-requests/'],
    examples: {
      incorrect:
        'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: csr-approver\nrules:\n  - apiGroups: ["certificates.k8s.io"]\n    resources: ["certificatesigningrequests/approval"]\n    verbs: ["update"]\n  - apiGroups: ["certificates.k8s.io"]\n    resources: ["signers"]\n    verbs: ["approve"]',
      correct:
        'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: csr-approver\nrules:\n  - apiGroups: ["certificates.k8s.io"]\n    resources: ["certificatesigningrequests/approval"]\n    verbs: ["update"]\n  - apiGroups: ["certificates.k8s.io"]\n    resources: ["signers"]\n    resourceNames: ["example.com/my-signer"]\n    verbs: ["approve"]',
    },
  },
  messages: {
    approve: {
      en: '{{kind}} "{{name}}" grants approve on {{signers}}: holders can approve certificates that the API server trusts',
      'zh-cn': '{{kind}} "{{name}}" 对 {{signers}} 授予了 approve：持有者可以批准 API 服务器信任的证书',
    },
  },
  check(context, resource) {
    for (const rule of specificRulesOf(resource)) {
      const grant = ruleGrants(rule, { group: 'certificates.k8s.io', resource: 'signers', clusterScoped: true }, ['approve']);
      if (!grant) continue;
      const builtIn = rule.resourceNames.filter((name) => name.startsWith(BUILT_IN_SIGNER_DOMAIN));
      if (grant.narrowed && builtIn.length === 0) continue;
      const signers = grant.narrowed ? builtIn.map((name) => `"${name}"`).join(', ') : `"${grant.resourceItem.value}"`;
      context.report({ messageId: 'approve', data: { ...objectData(resource), signers }, path: verbItemPath(rule, grant) });
    }
  },
});
