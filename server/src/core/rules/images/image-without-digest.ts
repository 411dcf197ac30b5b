/**
 * Images referenced by a tag instead of a digest (checklist images/digest). A tag can be moved to
 * other content; a sha256 digest names exactly one image. Info by default: most manifests use tags,
 * often with signature verification at admission, which the checklist accepts instead. Images on
 * `latest` or no tag are image-latest-tag's (a warning), so each image gets one finding at most;
 * a digest that is not a well-formed sha256 (or sha512) digest is reported here.
 */
import { defineRule } from '../define-rule';
import { hasMutableDefaultTag } from '../../model/image-reference';
import { containerImagesOf, POD_TEMPLATE_KINDS, podTemplateOf } from '../shared/workloads';

export default defineRule({
  id: 'image-without-digest',
  checklist: ['images/digest'],
  scope: { kinds: POD_TEMPLATE_KINDS },
  defaultSeverity: 'info',
  docs: {
    title: { en: 'Image without a digest', 'zh-cn': '镜像未使用摘要' },
    summary: {
      en: 'Container images are referenced by sha256 digest, not by tag alone.',
      'zh-cn': '容器镜像应通过 sha256 摘要引用，而不是只用标签。',
    },
    why: {
      en: 'A tag is a pointer the registry lets anyone with push rights move, so the same manifest can start different code tomorrow. A digest is the hash of the image manifest: the runtime refuses content that does not match it. The checklist also accepts verifying image signatures at admission instead, which is why this is advice.',
      'zh-cn': '标签是一个指针，任何有推送权限的人都能在仓库中移动它，因此同一份清单明天可能启动不同的代码。摘要是镜像清单的哈希值：内容不匹配时运行时会拒绝。安全检查清单也接受在准入时校验镜像签名作为替代，所以这里只作为建议。',
    },
    remediation: {
      en: 'Append the digest of the tested image: `registry/app:1.4.2@sha256:<digest>` (`crane digest`, `docker buildx imagetools inspect` or your registry show it), and let a bot such as Renovate keep it current. Or verify signatures with an admission controller.',
      'zh-cn': '在引用后追加经过测试的镜像的摘要：`registry/app:1.4.2@sha256:<摘要>`（可用 `crane digest`、`docker buildx imagetools inspect` 或镜像仓库查看），并让 Renovate 之类的工具保持更新。或者用准入控制器校验镜像签名。',
    },
    fixSafety: {
      en: 'Safe when the digest is the one the tag points to today; later pushes to the tag no longer reach the workload.',
      'zh-cn': '只要摘要就是该标签当前指向的镜像就是安全的；之后推送到该标签的内容将不再进入工作负载。',
    },
    references: [
      'https://kubernetes.io/docs/concepts/containers/images/#image-names',
      'https://kubernetes.io/docs/tasks/administer-cluster/verify-signed-artifacts/',
      'https://kubernetes.io/docs/concepts/security/security-checklist/#images',
    ],
    examples: {
      incorrect: 'spec:\n  containers:\n    - name: app\n      image: registry.example.com/app:1.4.2',
      correct: 'spec:\n  containers:\n    - name: app\n      image: registry.example.com/app:1.4.2@sha256:3b5c0a2f8d1e4b7a9c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b',
    },
  },
  messages: {
    noDigest: {
      en: 'Container "{{container}}" references image "{{image}}" by tag only: add @sha256:<digest> to pin the content',
      'zh-cn': '容器 "{{container}}" 只通过标签引用镜像 "{{image}}"：请追加 @sha256:<摘要> 以固定内容',
    },
    badDigest: {
      en: 'Container "{{container}}" references image "{{image}}" with digest "{{digest}}", which is not a sha256 digest of 64 lower-case hex digits',
      'zh-cn': '容器 "{{container}}" 引用镜像 "{{image}}" 时使用的摘要 "{{digest}}" 不是由 64 位小写十六进制数字组成的 sha256 摘要',
    },
  },
  check(context, resource) {
    const template = podTemplateOf(resource);
    if (!template) return;
    for (const image of containerImagesOf(template)) {
      const { reference } = image;
      if (reference.pinned || hasMutableDefaultTag(reference)) continue;
      const data = { container: image.view.name, image: image.text };
      if (reference.digest === undefined) context.report({ messageId: 'noDigest', data, path: image.path, target: 'value' });
      else context.report({ messageId: 'badDigest', data: { ...data, digest: reference.digest }, path: image.path, target: 'value' });
    }
  },
});
