/**
 * The image a Dockerfile builds runs on a full operating-system or SDK base where a minimal one
 * exists (checklist images/minimal). Only the final stage is judged, through the stages it builds
 * on (`FROM build`); build stages may use whatever toolchain they need. A base whose build argument
 * has no default is not judged, and only bases shared/base-images.ts knows are.
 */
import { defineRule } from '../define-rule';
import { finalStage, rootStage } from '../../dockerfile/dockerfile-model';
import { parseImageReference } from '../../model/image-reference';
import { minimalAlternative } from '../shared/base-images';

export default defineRule({
  id: 'dockerfile-base-image-not-minimal',
  checklist: ['images/minimal'],
  scope: 'dockerfile',
  defaultSeverity: 'info',
  docs: {
    title: { en: 'Dockerfile runs on a full base image', 'zh-cn': 'Dockerfile 使用完整的基础镜像' },
    summary: {
      en: 'The final stage of a Dockerfile should start from a minimal image (distroless, `-slim`, alpine, scratch, Chainguard/Wolfi), not a whole distribution or SDK.',
      'zh-cn': 'Dockerfile 的最终阶段应基于最小镜像（distroless、`-slim`、alpine、scratch、Chainguard/Wolfi），而不是完整的发行版或 SDK。',
    },
    why: {
      en: 'Every package in the image is code an attacker can use after breaking in (shells, package managers, compilers) and a source of vulnerability reports to patch. A full `ubuntu`, `node` or `golang` image carries hundreds of packages the application never calls. Only the last stage ends up in the image that runs; earlier build stages are not judged.',
      'zh-cn': '镜像里的每个软件包都是攻击者入侵后可以利用的代码（shell、包管理器、编译器），也是需要修补的漏洞来源。完整的 `ubuntu`、`node` 或 `golang` 镜像带有数百个应用从不使用的软件包。只有最后一个阶段会进入运行的镜像，之前的构建阶段不作判断。',
    },
    remediation: {
      en: 'Build in a full stage and copy only the result into a minimal final stage: `FROM golang:1.22 AS build` … `FROM gcr.io/distroless/static-debian12` + `COPY --from=build /out/app /app`. For interpreted languages use the `-slim` or distroless runtime image.',
      'zh-cn': '在完整镜像的阶段中构建，只把产物复制到最小的最终阶段：`FROM golang:1.22 AS build` … `FROM gcr.io/distroless/static-debian12` + `COPY --from=build /out/app /app`。解释型语言使用 `-slim` 或 distroless 运行时镜像。',
    },
    fixSafety: {
      en: 'Can break the image: tools the application calls at run time (a shell in an entrypoint script, libc for a dynamically linked binary) may be missing; test the new image.',
      'zh-cn': '可能破坏镜像：应用运行时调用的工具（入口脚本中的 shell、动态链接程序需要的 libc）可能不存在；请测试新镜像。',
    },
    references: [
      'https://kubernetes.io/docs/concepts/security/security-checklist/#images',
      'https://docs.docker.com/build/building/multi-stage/',
      'https://github.com/GoogleContainerTools/distroless',
    ],
    examples: {
      incorrect: 'FROM node:20\nCOPY . /app\nCMD ["node", "/app/server.js"]',
      correct: 'FROM node:20 AS build\nCOPY . /app\nRUN npm ci --omit=dev\nFROM gcr.io/distroless/nodejs20-debian12\nCOPY --from=build /app /app\nCMD ["/app/server.js"]',
    },
  },
  messages: {
    fullBase: {
      en: 'The image runs on the full base image "{{image}}": use a minimal one such as {{alternative}}',
      'zh-cn': '镜像基于完整的基础镜像 "{{image}}" 运行：请改用最小镜像，例如 {{alternative}}',
    },
  },
  check(context, dockerfile) {
    const last = finalStage(dockerfile);
    if (!last) return;
    const root = rootStage(last);
    const reference = root.parent === undefined && root.image !== undefined ? parseImageReference(root.image) : undefined;
    const alternative = reference && minimalAlternative(reference);
    const argument = root.from.getArguments()[0];
    if (!alternative || !argument) return;
    context.report({ messageId: 'fullBase', data: { image: root.image!, alternative }, node: argument });
  },
});
