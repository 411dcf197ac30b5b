/**
 * Admission webhooks called at a plain `http://` URL: the API server would send every admission
 * request (whole objects, Secrets included) unencrypted and could not authenticate the webhook.
 * The API server refuses such a configuration, so it also never takes effect.
 */
import { defineRule } from '../define-rule';
import { stringAt, recordAt } from '../../model/values';

import { WEBHOOK_KINDS, webhooksOf } from '../shared/webhooks';

export default defineRule({
  id: 'webhook-http-url',
  checklist: ['admission/secure-config'],
  scope: { kinds: WEBHOOK_KINDS },
  defaultSeverity: 'error',
  docs: {
    title: { en: 'Admission webhook over plain HTTP', 'zh-cn': '通过明文 HTTP 调用的准入 Webhook' },
    summary: {
      en: 'clientConfig.url of an admission webhook must use https://.',
      'zh-cn': '准入 Webhook 的 clientConfig.url 必须使用 https://。',
    },
    why: {
      en: 'Admission requests carry the full objects being created or changed, including Secrets, and the webhook\'s answer decides what the cluster accepts. Over plain HTTP anyone on the path can read the requests and forge the answers. The API server rejects a webhook configuration whose URL is not https, so such a manifest also fails to apply.',
      'zh-cn': '准入请求携带正在创建或修改的完整对象（包括 Secret），而 Webhook 的应答决定集群接受什么。使用明文 HTTP 时，链路上的任何人都能读取请求并伪造应答。API 服务器会拒绝 URL 不是 https 的 Webhook 配置，因此这样的清单也无法应用。',
    },
    remediation: {
      en: 'Serve the webhook over TLS and use an https:// URL with a caBundle, or point clientConfig.service at an in-cluster Service.',
      'zh-cn': '让 Webhook 通过 TLS 提供服务，使用 https:// URL 并配置 caBundle，或让 clientConfig.service 指向集群内的 Service。',
    },
    fixSafety: {
      en: 'Requires the webhook server to serve TLS first.',
      'zh-cn': '需要先让 Webhook 服务器支持 TLS。',
    },
    references: [
      'https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/#url',
      'https://kubernetes.io/docs/concepts/security/security-checklist/#admission-controllers',
    ],
    examples: {
      incorrect:
        'apiVersion: admissionregistration.k8s.io/v1\nkind: ValidatingWebhookConfiguration\nmetadata:\n  name: policy\nwebhooks:\n  - name: policy.example.com\n    clientConfig:\n      url: http://policy.example.com/validate\n    rules:\n      - apiGroups: [""]\n        apiVersions: [v1]\n        operations: [CREATE]\n        resources: [pods]\n    sideEffects: None\n    admissionReviewVersions: [v1]',
      correct:
        'apiVersion: admissionregistration.k8s.io/v1\nkind: ValidatingWebhookConfiguration\nmetadata:\n  name: policy\nwebhooks:\n  - name: policy.example.com\n    clientConfig:\n      url: https://policy.example.com/validate\n      caBundle: LS0tLS1CRUdJTi4uLg==\n    rules:\n      - apiGroups: [""]\n        apiVersions: [v1]\n        operations: [CREATE]\n        resources: [pods]\n    sideEffects: None\n    admissionReviewVersions: [v1]',
    },
  },
  messages: {
    http: {
      en: 'Webhook "{{webhook}}" of {{kind}} "{{name}}" is called over plain HTTP ({{url}}): requests and answers travel unencrypted, and the API server refuses non-https URLs',
      'zh-cn': '{{kind}} "{{name}}" 的 Webhook "{{webhook}}" 通过明文 HTTP 调用（{{url}}）：请求和应答都未加密，且 API 服务器会拒绝非 https 的 URL',
    },
  },
  check(context, resource) {
    for (const view of webhooksOf(resource)) {
      const url = stringAt(recordAt(view.webhook, 'clientConfig'), 'url');
      if (!url || !/^\s*http:\/\//i.test(url)) continue;
      // Never echo credentials that a URL might carry in its userinfo.
      const shown = url.trim().replace(/^(http:\/\/)[^/@]*@/i, '$1');
      context.report({
        messageId: 'http',
        data: { webhook: view.name, kind: view.kind, name: view.configuration, url: shown },
        path: [...view.path, 'clientConfig', 'url'],
      });
    }
  },
});
