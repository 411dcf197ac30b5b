/**
 * `FROM` lines that name their base image by tag, not by digest (checklist images/digest): the
 * Dockerfile counterpart of image-without-digest, with the same policy (info: signatures verified
 * at admission are accepted instead). Every stage counts, since a build stage's tools end up in
 * what it builds; `scratch`, earlier stages and bases whose build argument has no default are not
 * judged.
 */
import { defineRule } from '../define-rule';
import { parseImageReference } from '../../model/image-reference';

export default defineRule({
  id: 'dockerfile-image-without-digest',
  checklist: ['images/digest'],
  scope: 'dockerfile',
  defaultSeverity: 'info',
  docs: {
    title: { en: 'Dockerfile base image without a digest', 'zh-cn': 'Dockerfile 基础镜像未使用摘要' },
    summary: {
      en: 'Each `FROM` should pin its base image with `@sha256:<digest>`, so that a rebuild uses the content that was reviewed.',
      'zh-cn': '每个 `FROM` 都应通过 `@sha256:<摘要>` 固定基础镜像，使重新构建时使用的是审查过的内容。',
    },
    why: {
      en: 'A tag such as `python:3.12-slim` moves whenever its publisher pushes: the next build silently takes other code, including a compromised one. A digest names exactly one image. As for image-without-digest, this is advice (info), since verifying signatures is an accepted alternative. `FROM scratch`, `FROM <earlier stage>` and a base given by a build argument without a default are not reported.',
      'zh-cn': '`python:3.12-slim` 这样的标签会随发布者的每次推送而移动：下一次构建会悄悄使用另一份代码，甚至是被篡改的代码。摘要只指向唯一的镜像。与 image-without-digest 一样这只是建议（info），因为校验签名也是被接受的替代做法。`FROM scratch`、`FROM <之前的阶段>` 以及由没有默认值的构建参数给出的基础镜像不会被报告。',
    },
    remediation: {
      en: 'Append the digest: `FROM python:3.12-slim@sha256:<digest>` (`docker buildx imagetools inspect python:3.12-slim` shows it) and let Renovate or Dependabot update it.',
      'zh-cn': '追加摘要：`FROM python:3.12-slim@sha256:<摘要>`（可用 `docker buildx imagetools inspect python:3.12-slim` 查看），并让 Renovate 或 Dependabot 负责更新。',
    },
    fixSafety: {
      en: 'Safe when the digest is the one the tag points to today; later updates of the tag need a new digest.',
      'zh-cn': '只要摘要就是该标签当前指向的镜像就是安全的；之后该标签的更新需要新的摘要。',
    },
    references: [
      'https://docs.docker.com/reference/dockerfile/#from',
      'https://kubernetes.io/docs/concepts/security/security-checklist/#images',
    ],
    examples: {
      incorrect: 'FROM python:3.12-slim',
      correct: 'FROM python:3.12-slim@sha256:3b5c0a2f8d1e4b7a9c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b',
    },
  },
  messages: {
    noDigest: {
      en: 'The base image "{{image}}" is named by tag only: add @sha256:<digest> to pin the content',
      'zh-cn': '基础镜像 "{{image}}" 只通过标签引用：请追加 @sha256:<摘要> 以固定内容',
    },
    badDigest: {
      en: 'The base image "{{image}}" has a digest that is not a sha256 digest of 64 lower-case hex digits',
      'zh-cn': '基础镜像 "{{image}}" 的摘要不是由 64 位小写十六进制数字组成的 sha256 摘要',
    },
  },
  check(context, dockerfile) {
    for (const stage of dockerfile.stages) {
      const argument = stage.from.getArguments()[0];
      if (!argument || stage.parent || stage.image === undefined || stage.image.toLowerCase() === 'scratch') continue;
      const reference = parseImageReference(stage.image);
      if (!reference || reference.pinned) continue;
      context.report({ messageId: reference.digest === undefined ? 'noDigest' : 'badDigest', data: { image: stage.image }, node: argument });
    }
  },
});
