/**
 * URL webhooks without a caBundle: the API server then trusts its own system roots, so any
 * certificate from a public CA for that host name is accepted. Advice (info): it can be intended
 * for a webhook behind a public endpoint. Configurations whose CA is injected by cert-manager or
 * OpenShift (annotations) are skipped.
 */
import { defineRule } from '../define-rule';
import { recordAt, stringAt } from '../../model/values';

import { WEBHOOK_KINDS, webhooksOf } from '../shared/webhooks';

const CA_INJECTION_ANNOTATIONS = [
  'cert-manager.io/inject-ca-from',
  'cert-manager.io/inject-ca-from-secret',
  'cert-manager.io/inject-apiserver-ca',
  'service.beta.openshift.io/inject-cabundle',
];

export default defineRule({
  id: 'webhook-url-without-ca-bundle',
  checklist: ['admission/secure-config'],
  scope: { kinds: WEBHOOK_KINDS },
  defaultSeverity: 'info',
  docs: {
    title: { en: 'URL webhook without a CA bundle', 'zh-cn': '未配置 CA 证书包的 URL Webhook' },
    summary: {
      en: 'An admission webhook reached by URL should pin the CA that signs its certificate in clientConfig.caBundle.',
      'zh-cn': '通过 URL 访问的准入 Webhook 应在 clientConfig.caBundle 中固定为其证书签名的 CA。',
    },
    why: {
      en: 'Without caBundle the API server verifies the webhook against the system trust roots of its host, so a certificate for that name from any public CA, or from a CA added to the host, is accepted. Pinning the CA limits who can impersonate the webhook. Configurations whose CA is injected by cert-manager or OpenShift annotations are not reported.',
      'zh-cn': '没有 caBundle 时，API 服务器用其所在主机的系统信任根校验 Webhook，因此任何公共 CA（或被加入主机的 CA）为该域名签发的证书都会被接受。固定 CA 可以限制谁能冒充该 Webhook。通过 cert-manager 或 OpenShift 注解注入 CA 的配置不会被报告。',
    },
    remediation: {
      en: 'Set clientConfig.caBundle to the base64 PEM of the CA that signs the webhook\'s serving certificate, or let cert-manager inject it (cert-manager.io/inject-ca-from).',
      'zh-cn': '把 clientConfig.caBundle 设为签发 Webhook 服务证书的 CA 的 base64 PEM，或让 cert-manager 注入（cert-manager.io/inject-ca-from）。',
    },
    fixSafety: {
      en: 'Safe when the bundle holds the CA that actually signs the serving certificate; otherwise calls fail (and the failure policy applies).',
      'zh-cn': '只要证书包中是实际签发服务证书的 CA 就是安全的；否则调用会失败（并按失败策略处理）。',
    },
    references: [
      'https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/#contacting-the-webhook',
    ],
    examples: {
      incorrect:
        'apiVersion: admissionregistration.k8s.io/v1\nkind: MutatingWebhookConfiguration\nmetadata:\n  name: defaults\nwebhooks:\n  - name: defaults.example.com\n    clientConfig:\n      url: https://defaults.example.com/mutate\n    rules:\n      - apiGroups: [""]\n        apiVersions: [v1]\n        operations: [CREATE]\n        resources: [pods]\n    sideEffects: None\n    admissionReviewVersions: [v1]',
      correct:
        'apiVersion: admissionregistration.k8s.io/v1\nkind: MutatingWebhookConfiguration\nmetadata:\n  name: defaults\nwebhooks:\n  - name: defaults.example.com\n    clientConfig:\n      url: https://defaults.example.com/mutate\n      caBundle: LS0tLS1CRUdJTi4uLg==\n    rules:\n      - apiGroups: [""]\n        apiVersions: [v1]\n        operations: [CREATE]\n        resources: [pods]\n    sideEffects: None\n    admissionReviewVersions: [v1]',
    },
  },
  messages: {
    missing: {
      en: 'Webhook "{{webhook}}" of {{kind}} "{{name}}" is called by URL without a caBundle: any certificate trusted by the API server\'s host is accepted',
      'zh-cn': '{{kind}} "{{name}}" 的 Webhook "{{webhook}}" 通过 URL 调用却没有 caBundle：API 服务器所在主机信任的任何证书都会被接受',
    },
  },
  check(context, resource) {
    const annotations = recordAt(recordAt(resource.value, 'metadata'), 'annotations') ?? {};
    if (CA_INJECTION_ANNOTATIONS.some((key) => key in annotations)) return;
    for (const view of webhooksOf(resource)) {
      const clientConfig = recordAt(view.webhook, 'clientConfig');
      const url = stringAt(clientConfig, 'url');
      if (!url || !/^\s*https:\/\//i.test(url)) continue;
      const bundle = clientConfig?.caBundle;
      if (typeof bundle === 'string' && bundle.trim() !== '') continue;
      context.report({
        messageId: 'missing',
        data: { webhook: view.name, kind: view.kind, name: view.configuration },
        path: [...view.path, 'clientConfig', 'caBundle'],
      });
    }
  },
});
