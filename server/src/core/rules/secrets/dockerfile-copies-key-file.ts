/**
 * Key and credential files copied into an image by `COPY` or `ADD` (checklist
 * secrets/no-configmap-secrets): private keys (`*.pem`, `*.key`, `id_rsa` ...), key stores, and
 * the files tools keep their tokens in (`.env`, `.npmrc`, `.pypirc`, `.netrc`, `.aws/credentials`,
 * `.docker/config.json`). Each offending source argument is one finding; heredoc sources are text
 * written in the Dockerfile (the credential rules judge text, not file names) and are left out.
 */
import { defineRule } from '../define-rule';
import { isKeystoreName } from '../../model/credentials';

/** Source names (the last path segments) that hold keys or tokens. */
const KEY_FILE = /(?:^|\/)(?:[^/]*\.(?:pem|key)|id_(?:rsa|dsa|ecdsa|ed25519)|\.env(?:\.(?!example|sample|template)[^/]+)?|\.npmrc|\.pypirc|\.netrc|\.git-credentials|\.aws\/credentials|\.docker\/config\.json)$/i;

export default defineRule({
  id: 'dockerfile-copies-key-file',
  checklist: ['secrets/no-configmap-secrets'],
  scope: 'dockerfile',
  defaultSeverity: 'warning',
  docs: {
    title: { en: 'Dockerfile copies a key file into the image', 'zh-cn': 'Dockerfile 把密钥文件复制进镜像' },
    summary: {
      en: '`COPY` and `ADD` should not put private keys, key stores or token files (`.env`, `.npmrc`, `.aws/credentials`) into an image.',
      'zh-cn': '`COPY` 和 `ADD` 不应把私钥、密钥库或令牌文件（`.env`、`.npmrc`、`.aws/credentials`）放进镜像。',
    },
    why: {
      en: 'A file copied into a layer stays in the image even when a later `RUN rm` deletes it: every registry, node and person that pulls the image gets the key. Keys belong in Secrets mounted at run time, and build-time tokens in build secret mounts. Reported sources: `*.pem`, `*.key`, `id_rsa`, `id_dsa`, `id_ecdsa`, `id_ed25519`, `.p12`/`.pfx`/`.jks` key stores, `.env` files (not `.env.example`), `.npmrc`, `.pypirc`, `.netrc`, `.git-credentials`, `.aws/credentials` and `.docker/config.json`.',
      'zh-cn': '复制进镜像层的文件即使之后被 `RUN rm` 删除也仍然留在镜像中：每个拉取镜像的仓库、节点和人员都会得到这把密钥。密钥应放在运行时挂载的 Secret 中，构建时的令牌应使用构建密钥挂载。会报告的来源：`*.pem`、`*.key`、`id_rsa`、`id_dsa`、`id_ecdsa`、`id_ed25519`、`.p12`/`.pfx`/`.jks` 密钥库、`.env` 文件（`.env.example` 除外）、`.npmrc`、`.pypirc`、`.netrc`、`.git-credentials`、`.aws/credentials` 和 `.docker/config.json`。',
    },
    remediation: {
      en: 'Remove the file from the build context (`.dockerignore`), mount it at build time with `RUN --mount=type=secret`, and at run time mount a Kubernetes Secret; rotate a key that was in a published image.',
      'zh-cn': '把该文件排除出构建上下文（`.dockerignore`），构建时通过 `RUN --mount=type=secret` 挂载，运行时挂载 Kubernetes Secret；已经进入发布镜像的密钥要轮换。',
    },
    fixSafety: {
      en: 'Changes the image: the application must read the key from the mounted Secret.',
      'zh-cn': '会改变镜像：应用必须改为从挂载的 Secret 中读取密钥。',
    },
    references: [
      'https://docs.docker.com/build/building/secrets/',
      'https://docs.docker.com/build/concepts/context/#dockerignore-files',
    ],
    examples: {
      incorrect: 'FROM alpine:3.20\nCOPY id_rsa /root/.ssh/id_rsa',
      correct: 'FROM alpine:3.20\nRUN --mount=type=ssh git clone git@example.com:org/repo.git',
    },
  },
  messages: {
    keyFile: {
      en: '{{keyword}} puts the key or credential file "{{file}}" into the image',
      'zh-cn': '{{keyword}} 把密钥或凭据文件 "{{file}}" 放进了镜像',
    },
  },
  check(context, dockerfile) {
    for (const instruction of dockerfile.ast.getInstructions()) {
      const keyword = instruction.getKeyword();
      if (keyword !== 'COPY' && keyword !== 'ADD') continue;
      const args = instruction.getArguments();
      if (args.some((argument) => argument.getValue().startsWith('<<'))) continue;
      // The last argument is the destination; JSON form (`["a", "b"]`) keeps its brackets and quotes.
      for (const argument of args.slice(0, -1)) {
        const file = argument.getValue().replace(/^\[|\]$|,$/g, '').replace(/^"|"$/g, '');
        if (KEY_FILE.test(file) || isKeystoreName(file)) context.report({ messageId: 'keyFile', data: { keyword, file }, node: argument });
      }
    }
  },
});
