/**
 * The files `kube-checklist init` writes, with their comments in English and Simplified Chinese:
 * a commented `.kube-checklist.yaml` (level and Kubernetes version set, the settings teams tune
 * most as commented examples that are valid when uncommented), and the CI files: a GitHub
 * workflow that uses our action, a GitLab CI job and a pre-commit configuration. Only comments
 * are translated; keys, values and rule ids stay as the tools read them.
 */
import type { Locale } from '../core';

type Texts = Readonly<Record<Locale, string>>;

const CONFIG: Texts = {
  en: `# kube-checklist configuration: read by the CLI, the GitHub Action, pre-commit and the editor
# extension alike, for every manifest in this folder and below (a .kube-checklist.yaml further
# down applies to its own folder instead). Schema: schemas/kube-checklist.schema.json.

# Pod Security Standards level the workloads are held to: restricted (strictest) or baseline.
level: restricted

# The Kubernetes version the policy is judged at: latest, or your clusters' version (1.NN or v1.NN).
kubernetesVersion: latest

# Rules by id ('kube-checklist rules' lists them): off turns one off, hint, info, warning or
# error changes its severity. Remove the leading '# ' of the lines below to use them.
# rules:
#   image-without-digest: warning
#   container-memory-limit: off
#   network-policy-workload-coverage: info

# Files that are never checked (globs relative to this folder).
# exclude:
#   - "vendor/**"
#   - "**/testdata/**"

# Findings accepted on purpose: each needs a reason, and an expiry date (YYYY-MM-DD) after which
# the finding is reported again. Narrow them by paths, kind, namespace, name or container.
# suppressions:
#   - rule: pss-host-namespaces
#     reason: the node agent reads the host's process table (reviewed by the platform team)
#     paths: ["monitoring/**"]
#     kind: DaemonSet
#     name: node-agent
#     expires: "2027-06-30"

# Who may grant exceptions: all (default: comments, annotations and this file) or config-only
# (only this file; a manifest can then not exempt itself, which suits a security gate).
# exceptions: config-only
`,
  'zh-cn': `# kube-checklist 配置文件：CLI、GitHub Action、pre-commit 和编辑器扩展都读取它，
# 作用于本目录及其子目录中的所有清单（更深层目录中的 .kube-checklist.yaml 则作用于它自己的目录）。
# 结构定义：schemas/kube-checklist.schema.json。

# 工作负载须符合的 Pod 安全标准级别：restricted（最严格）或 baseline。
level: restricted

# 按哪个 Kubernetes 版本判断策略：latest，或你的集群版本（1.NN 或 v1.NN）。
kubernetesVersion: latest

# 按 id 设置规则（'kube-checklist rules' 列出所有规则）：off 关闭规则，hint、info、warning 或
# error 改变其严重级别。去掉下面各行开头的 '# ' 即可启用。
# rules:
#   image-without-digest: warning
#   container-memory-limit: off
#   network-policy-workload-coverage: info

# 永远不检查的文件（相对于本目录的 glob）。
# exclude:
#   - "vendor/**"
#   - "**/testdata/**"

# 有意接受的问题：每条都须写明理由，并最好给出到期日（YYYY-MM-DD），到期后该问题会重新报告。
# 可以用 paths、kind、namespace、name 或 container 缩小范围。
# suppressions:
#   - rule: pss-host-namespaces
#     reason: 节点代理需要读取主机的进程表（已经平台团队审核）
#     paths: ["monitoring/**"]
#     kind: DaemonSet
#     name: node-agent
#     expires: "2027-06-30"

# 谁可以授予例外：all（默认：注释、注解和本文件）或 config-only（只有本文件；清单无法豁免自己，
# 适合作为安全关卡）。
# exceptions: config-only
`,
};

const GITHUB: Texts = {
  en: `# kube-checklist: audits the Kubernetes manifests of this repository on every push to the default
# branch and every pull request. Findings become annotations on the diff, the checklist scorecard
# goes to the job summary and the SARIF file to code scanning. On pull requests only the changed
# files (and the resources tied to them) are reported; that needs the history (fetch-depth: 0).
`,
  'zh-cn': `# kube-checklist：每次推送到默认分支和每个拉取请求时检查本仓库的 Kubernetes 清单。问题显示为
# 差异上的注释，检查清单评分卡写入作业摘要，SARIF 文件上传到代码扫描。在拉取请求中只报告变更的
# 文件（及与之相关联的资源），为此需要完整历史（fetch-depth: 0）。
`,
};

const GITLAB: Texts = {
  en: `# kube-checklist: audits the Kubernetes manifests of this repository. The Code Quality report
# shows the findings in the merge request; the JUnit report lists them per file; the job fails on
# errors (--fail-on error). Included from .gitlab-ci.yml when that file was already there.
`,
  'zh-cn': `# kube-checklist：检查本仓库的 Kubernetes 清单。代码质量报告在合并请求中显示问题，JUnit 报告
# 按文件列出问题；有 error 级别的问题时作业失败（--fail-on error）。若 .gitlab-ci.yml 已存在，
# 则从其中 include 本文件。
`,
};

const PRE_COMMIT: Texts = {
  en: `# pre-commit (https://pre-commit.com): 'pre-commit install' once, then every commit audits its staged
# YAML and JSON files with kube-checklist and stops on errors.
`,
  'zh-cn': `# pre-commit（https://pre-commit.com）：先运行一次 'pre-commit install'，之后每次提交都会用
# kube-checklist 检查暂存的 YAML 和 JSON 文件，有 error 级别的问题时中止提交。
`,
};

export function configTemplate(locale: Locale): string {
  return CONFIG[locale];
}

export function githubWorkflowTemplate(locale: Locale, version: string): string {
  return `${GITHUB[locale]}name: kube-checklist
on:
  push:
    branches: [main]
  pull_request:
jobs:
  audit:
    runs-on: ubuntu-latest
    permissions:
      contents: read
      security-events: write
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0
      - uses: kube-checklist/kube-checklist@v${version}
        with:
          paths: .
          fail-on: error
          upload-sarif: 'true'
          changed-since: \${{ github.event_name == 'pull_request' && format('origin/{0}', github.base_ref) || '' }}
`;
}

export function gitlabJobTemplate(locale: Locale, version: string): string {
  return `${GITLAB[locale]}kube-checklist:
  image: node:20
  script:
    - npx --yes kube-checklist@${version} audit . --format gitlab --fail-on never > gl-code-quality-report.json
    - npx --yes kube-checklist@${version} audit . --format junit --fail-on error > kube-checklist-junit.xml
  artifacts:
    when: always
    reports:
      codequality: gl-code-quality-report.json
      junit: kube-checklist-junit.xml
`;
}

export function preCommitTemplate(locale: Locale, version: string): string {
  return `${PRE_COMMIT[locale]}repos:
  - repo: https://github.com/kube-checklist/kube-checklist
    rev: v${version}
    hooks:
      - id: kube-checklist
        args: [--fail-on, error]
`;
}
