/**
 * The help screen of `kube-checklist init` (`help init`, `init --help`), in English and Simplified
 * Chinese, kept apart from help.ts so that each stays short. Plain text, at most 80 columns, the
 * options in the order of init-command's parser.
 */
import type { Locale } from '../core';

export function initHelp(locale: Locale): string {
  if (locale === 'zh-cn') {
    return `用法：kube-checklist init [选项]

在当前目录（或 --dir 指定的目录）写入带注释的 .kube-checklist.yaml：设置了
Pod 安全级别和 Kubernetes 版本，并以注释形式给出团队最常调整的设置示例（关闭
规则、改变严重级别、带理由和到期日的抑制、exceptions: config-only）。去掉
注释即可使用，示例均符合 schemas/kube-checklist.schema.json。

选项：
  --dir DIR      写入 DIR 而不是当前目录
  --ci SYSTEM    同时写入 CI 配置：
                   github：.github/workflows/kube-checklist.yml（使用本项目的
                     Action；拉取请求中只报告变更的文件）
                   gitlab：.gitlab-ci.yml 中的作业；若 .gitlab-ci.yml 已存在，
                     则写入 kube-checklist.gitlab-ci.yml，并提示如何 include
                   pre-commit：.pre-commit-config.yaml
  --force        覆盖已存在的文件（默认不覆盖：以 2 退出并指出该文件）
  --lang LANG    所写文件中注释的语言：en 或 zh-cn（默认取自 LC_ALL、
                 LC_MESSAGES 或 LANG）
  -h, --help     显示本帮助
`;
  }
  return `Usage: kube-checklist init [options]

Write a commented .kube-checklist.yaml into the current folder (or --dir): the
Pod Security level and Kubernetes version set, and as commented examples the
settings teams tune most (a rule turned off, a severity changed, a suppression
with a reason and an expiry date, exceptions: config-only). Uncommented, the
examples are valid against schemas/kube-checklist.schema.json.

Options:
  --dir DIR      write into DIR instead of the current folder
  --ci SYSTEM    also write the CI configuration:
                   github: .github/workflows/kube-checklist.yml (our action;
                     on pull requests only the changed files are reported)
                   gitlab: a job in .gitlab-ci.yml; when .gitlab-ci.yml exists,
                     kube-checklist.gitlab-ci.yml instead, and how to include it
                   pre-commit: .pre-commit-config.yaml
  --force        overwrite existing files (by default an existing file stops
                 the run with exit status 2, naming it)
  --lang LANG    language of the comments written: en or zh-cn (default: from
                 LC_ALL, LC_MESSAGES or LANG)
  -h, --help     show this help
`;
}
