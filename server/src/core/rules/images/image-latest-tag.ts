/**
 * Images on the `latest` tag or on no tag (which the runtime reads as `latest`), without a digest
 * (checklist images/digest: "no tag or the latest tag is worse than a tag"). Such a reference names
 * whatever was pushed last, so two nodes, or two restarts, can run different code. A digest pins
 * the image whatever the tag says, so `app:latest@sha256:…` is fine; a malformed digest is left to
 * image-without-digest, so each image gets one finding at most.
 */
import { defineRule } from '../define-rule';
import { hasMutableDefaultTag } from '../../model/image-reference';
import { containerImagesOf, POD_TEMPLATE_KINDS, podTemplateOf } from '../shared/workloads';

export default defineRule({
  id: 'image-latest-tag',
  checklist: ['images/digest'],
  scope: { kinds: POD_TEMPLATE_KINDS },
  defaultSeverity: 'warning',
  docs: {
    title: { en: 'Image on the latest tag', 'zh-cn': '镜像使用 latest 标签' },
    summary: {
      en: 'Container images name a version tag, better a sha256 digest, never `latest` or no tag at all.',
      'zh-cn': '容器镜像应指定版本标签，最好是 sha256 摘要，不要使用 `latest` 或不写标签。',
    },
    why: {
      en: 'The latest tag (and a missing tag, which means latest) moves every time someone pushes. What runs depends on when each node pulled, a rollback cannot return to the previous code, and whoever can push to the repository changes your workload without touching the manifest.',
      'zh-cn': 'latest 标签（以及不写标签，即等同于 latest）会随每次推送而变化。实际运行的内容取决于各节点何时拉取，回滚也无法回到之前的代码，而任何能向仓库推送的人都能在不改清单的情况下改变你的工作负载。',
    },
    remediation: {
      en: 'Reference the image by digest (`registry/app@sha256:<digest>`, optionally with the tag for readers: `app:1.4.2@sha256:<digest>`), or at least by an immutable version tag.',
      'zh-cn': '按摘要引用镜像（`registry/app@sha256:<摘要>`，可以保留标签方便阅读：`app:1.4.2@sha256:<摘要>`），至少也要使用不可变的版本标签。',
    },
    fixSafety: {
      en: 'Changes what runs if the pinned version differs from what nodes pull today; pin the version you have tested.',
      'zh-cn': '若固定的版本与节点当前拉取的不同，运行的内容会改变；请固定为经过测试的版本。',
    },
    references: [
      'https://kubernetes.io/docs/concepts/containers/images/#image-names',
      'https://kubernetes.io/docs/concepts/security/security-checklist/#images',
    ],
    examples: {
      incorrect: 'spec:\n  containers:\n    - name: app\n      image: registry.example.com/app:latest',
      correct: 'spec:\n  containers:\n    - name: app\n      image: registry.example.com/app:1.4.2@sha256:3b5c0a2f8d1e4b7a9c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b',
    },
  },
  messages: {
    latestTag: {
      en: 'Container "{{container}}" uses image "{{image}}" on the mutable latest tag: pin a version, better a sha256 digest',
      'zh-cn': '容器 "{{container}}" 使用了可变的 latest 标签镜像 "{{image}}"：请固定版本，最好使用 sha256 摘要',
    },
    noTag: {
      en: 'Container "{{container}}" uses image "{{image}}" without a tag, which means latest: pin a version, better a sha256 digest',
      'zh-cn': '容器 "{{container}}" 使用的镜像 "{{image}}" 没有标签，等同于 latest：请固定版本，最好使用 sha256 摘要',
    },
  },
  check(context, resource) {
    const template = podTemplateOf(resource);
    if (!template) return;
    for (const image of containerImagesOf(template)) {
      if (!hasMutableDefaultTag(image.reference)) continue;
      context.report({
        messageId: image.reference.tag === undefined ? 'noTag' : 'latestTag',
        data: { container: image.view.name, image: image.text },
        path: image.path,
        target: 'value',
      });
    }
  },
});
