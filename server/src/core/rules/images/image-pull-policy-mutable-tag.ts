/**
 * imagePullPolicy IfNotPresent or Never on an image whose tag moves (`latest`, or no tag) and has no
 * digest. Left to its default such an image is pulled Always; pinning the policy to the node cache
 * means each node runs whatever it pulled first, so Pods of one workload can run different code
 * and a pushed fix never arrives. Only an explicit policy is reported: the default is already Always.
 */
import { defineRule } from '../define-rule';
import { setFix } from '../../edits/fix-builders';
import { hasMutableDefaultTag } from '../../model/image-reference';
import { containerImagesOf, POD_TEMPLATE_KINDS, podTemplateOf } from '../shared/workloads';

const CACHED_POLICIES = new Set(['IfNotPresent', 'Never']);

export default defineRule({
  id: 'image-pull-policy-mutable-tag',
  checklist: ['images/digest'],
  scope: { kinds: POD_TEMPLATE_KINDS },
  defaultSeverity: 'info',
  docs: {
    title: { en: 'Cached pulls of a mutable tag', 'zh-cn': '对可变标签使用缓存拉取' },
    summary: {
      en: 'Images on `latest` or on no tag are not combined with imagePullPolicy IfNotPresent or Never.',
      'zh-cn': '使用 `latest` 或没有标签的镜像，不应搭配 imagePullPolicy IfNotPresent 或 Never。',
    },
    why: {
      en: 'Kubernetes pulls latest and untagged images Always by default, because their content changes. IfNotPresent or Never turns that off: every node keeps the image it happened to pull first, so replicas of one workload run different code, and nobody can tell which from the manifest.',
      'zh-cn': 'Kubernetes 默认对 latest 和无标签镜像使用 Always 拉取，因为它们的内容会变。IfNotPresent 或 Never 关闭了这一点：每个节点保留它最先拉到的镜像，同一工作负载的副本会运行不同的代码，而且无法从清单看出是哪个版本。',
    },
    remediation: {
      en: 'Pin the image to a digest (then IfNotPresent is right), or remove imagePullPolicy so that it defaults to Always.',
      'zh-cn': '把镜像固定到摘要（此时 IfNotPresent 是合适的），或删除 imagePullPolicy，使其默认为 Always。',
    },
    fixSafety: {
      en: 'Always makes every start contact the registry: Pods fail to start when it is unreachable, and images loaded by hand (Never) must be pushed to a registry first.',
      'zh-cn': 'Always 会让每次启动都访问镜像仓库：仓库不可达时 Pod 无法启动；手工导入节点的镜像（Never）需要先推送到仓库。',
    },
    references: [
      'https://kubernetes.io/docs/concepts/containers/images/#image-pull-policy',
      'https://kubernetes.io/docs/concepts/security/security-checklist/#images',
    ],
    examples: {
      incorrect: 'spec:\n  containers:\n    - name: app\n      image: registry.example.com/app:latest\n      imagePullPolicy: IfNotPresent',
      correct: 'spec:\n  containers:\n    - name: app\n      image: registry.example.com/app:latest\n      imagePullPolicy: Always',
    },
  },
  messages: {
    cachedMutableTag: {
      en: 'Container "{{container}}" pulls image "{{image}}" with imagePullPolicy {{policy}}: each node keeps the latest image it pulled first, so replicas can run different code',
      'zh-cn': '容器 "{{container}}" 以 imagePullPolicy {{policy}} 拉取镜像 "{{image}}"：每个节点保留最先拉到的 latest 镜像，副本可能运行不同的代码',
    },
  },
  check(context, resource) {
    const template = podTemplateOf(resource);
    if (!template) return;
    for (const image of containerImagesOf(template)) {
      const policy = image.view.container.imagePullPolicy;
      if (typeof policy !== 'string' || !CACHED_POLICIES.has(policy) || !hasMutableDefaultTag(image.reference)) continue;
      const path = [...image.view.path, 'imagePullPolicy'];
      context.report({
        messageId: 'cachedMutableTag',
        data: { container: image.view.name, image: image.text, policy },
        path,
        target: 'value',
        fixes: [setFix('suggestion', path, 'Always')],
      });
    }
  },
});
