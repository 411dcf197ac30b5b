/**
 * The help screens, in English and Simplified Chinese: the overview (`--help`, `help`) and one per
 * command (`help audit`, `audit --help`). Plain text, at most 80 columns, the same options in the
 * same order as the parsers in audit-command and rules-command.
 */
import { DOCS_BASE_URL, Locale } from '../core';
import { initHelp } from './init-help';

export type HelpTopic = 'main' | 'audit' | 'rules' | 'init' | 'merge';

export const HELP_TOPICS: readonly HelpTopic[] = ['main', 'audit', 'rules', 'init', 'merge'];

const AUDIT_OPTIONS = {
  en: `  --format FORMAT        text (default), json, sarif (SARIF 2.1.0, for code
                         scanning), markdown (the checklist scorecard),
                         gitlab (GitLab Code Quality), junit (JUnit XML) or
                         github (GitHub Actions annotations)
  --level LEVEL          Pod Security Standards level: restricted (default) or
                         baseline
  --k8s-version VERSION  Kubernetes version of the policy: latest (default),
                         1.NN or v1.NN
  --fail-on SEVERITY     exit with 1 when a finding is at or above: error
                         (default), warning, info; never: always exit with 0
  --min-severity SEVERITY
                         print only findings at or above: error, warning, info
                         or hint (default); the others still count for --fail-on
  -q, --quiet            print errors only (--min-severity error)
  --lang LANG            language of messages: en or zh-cn (default: from
                         LC_ALL, LC_MESSAGES or LANG)
  --no-color             no colors (also when NO_COLOR is set or the output is
                         not a terminal)
  --show-suppressed      also list findings hidden by a kube-checklist-disable
                         comment or a kube-checklist.io/ignore annotation
  --max-file-size MB     skip files larger than this, with a warning (default 5)
  --no-render            do not render Kustomize overlays (kubectl kustomize or
                         kustomize) and Helm charts (helm template) found on
                         PATH; check their files one by one
  --config FILE          the configuration for every input (default: for
                         each file, the nearest .kube-checklist.yaml in its
                         folder or above)
  --stdin-filename PATH  the path the manifest read from - stands for: shown
                         in reports, and its configuration applies
  --root DIR             the repository root that SARIF and GitLab paths are
                         relative to (default: the git top level, else the
                         folder that holds every input)
  --no-foreign-suppressions
                         ignore the ignore annotations of kube-linter, Checkov,
                         Polaris and kube-score (honoured by default)
  --foreign-suppressions MODE
                         on (default), off, or all: let their blanket
                         exemptions (kube-linter.io/ignore-all,
                         polaris.fairwinds.com/exempt) silence errors too
  --rule ID              check only this rule (repeatable, or ID,ID); an id
                         that names no rule exits with 2
  --disable ID           do not check this rule (repeatable, or ID,ID)
  --allow-empty          exit with 0 when no Kubernetes resource was checked
                         (by default that is an error: exit 2)
  --baseline FILE        report only findings that FILE does not hold (the
                         --fail-on exit status counts new findings only) and
                         say how many of its entries no longer occur
  --write-baseline FILE  record every finding reported now in FILE (sorted
                         JSON, by stable fingerprint, not by line)
  --prune-baseline       with --baseline: rewrite FILE without the entries
                         that no longer occur
  --fail-on-unused-suppressions
                         exit with 1 when a .kube-checklist.yaml suppression
                         matched nothing or expired, or a baseline entry is gone
  --changed-since REF    report only the files changed against the git ref REF
                         (since the merge-base with HEAD, plus staged, unstaged
                         and untracked files) and the resources of other files
                         tied to them; the whole workspace is still indexed
  --shard I/N            check shard I of N (1-based): files that share a
                         namespace stay together; join the --format json
                         outputs with 'kube-checklist merge'
  --upgrade-from VERSION --upgrade-to VERSION
                         instead of the audit, preview the upgrade: the Pods and
                         workload templates that pass the level at the first
                         version and fail at the second (exit 1 when any), the
                         Namespaces enforcing at latest that would start
                         rejecting them, and the reverse as notes (text, json
                         or markdown)
  -h, --help             show this help`,
  'zh-cn': `  --format FORMAT        输出格式：text（默认）、json、sarif（SARIF 2.1.0，
                         供代码扫描使用）、markdown（检查清单评分卡）、
                         gitlab（GitLab 代码质量报告）、junit（JUnit XML）
                         或 github（GitHub Actions 注释）
  --level LEVEL          Pod 安全标准级别：restricted（默认）或 baseline
  --k8s-version VERSION  按哪个 Kubernetes 版本的策略检查：latest（默认）、
                         1.NN 或 v1.NN
  --fail-on SEVERITY     有问题达到此严重级别时以 1 退出：error（默认）、
                         warning、info；never：总是以 0 退出
  --min-severity SEVERITY
                         只输出达到此严重级别的问题：error、warning、info 或
                         hint（默认）；其余问题仍计入 --fail-on
  -q, --quiet            只输出错误（即 --min-severity error）
  --lang LANG            消息语言：en 或 zh-cn（默认取自 LC_ALL、
                         LC_MESSAGES 或 LANG）
  --no-color             不使用颜色（设置了 NO_COLOR 或输出不是终端时也不用）
  --show-suppressed      同时列出被 kube-checklist-disable 注释或
                         kube-checklist.io/ignore 注解抑制的问题
  --max-file-size MB     跳过大于此大小的文件并给出警告（默认 5）
  --no-render            不使用 PATH 中的 kubectl kustomize、kustomize 或
                         helm template 渲染 overlay 和 chart，而是逐个文件检查
  --config FILE          用于所有输入的配置文件（默认：每个文件所在目录或其
                         上级目录中最近的 .kube-checklist.yaml）
  --stdin-filename PATH  从 - 读入的清单所代表的路径：报告中显示该路径，
                         并采用它所在位置的配置
  --root DIR             SARIF 和 GitLab 报告中路径所相对的仓库根目录
                         （默认：git 仓库顶层目录，否则为包含所有输入的目录）
  --no-foreign-suppressions
                         不采纳 kube-linter、Checkov、Polaris 和 kube-score
                         的忽略注解（默认采纳）
  --foreign-suppressions MODE
                         on（默认）、off 或 all：all 时其整体豁免
                         （kube-linter.io/ignore-all、
                         polaris.fairwinds.com/exempt）也抑制 error
  --rule ID              只检查这条规则（可重复，或写成 ID,ID）；不存在的
                         规则 id 以 2 退出
  --disable ID           不检查这条规则（可重复，或写成 ID,ID）
  --allow-empty          没有检查到任何 Kubernetes 资源时以 0 退出
                         （默认视为错误，以 2 退出）
  --baseline FILE        只报告 FILE 中没有记录的问题（--fail-on 的退出状态
                         只计新问题），并说明其中有多少条目已不再出现
  --write-baseline FILE  把当前报告的所有问题记入 FILE（排好序的 JSON，
                         按稳定指纹而非行号记录）
  --prune-baseline       与 --baseline 同用：重写 FILE，删去不再出现的条目
  --fail-on-unused-suppressions
                         若 .kube-checklist.yaml 中有抑制未匹配任何问题或已
                         过期，或基线条目已不再出现，则以 1 退出
  --changed-since REF    只报告相对 git 引用 REF 有变更的文件（自与 HEAD 的
                         merge-base 起的提交，以及已暂存、未暂存和未跟踪的
                         文件）及其他文件中与之相关联的资源；仍索引整个工作区
  --shard I/N            只检查 N 个分片中的第 I 个（从 1 开始）：同一命名
                         空间的文件在同一分片；用 'kube-checklist merge'
                         合并各分片的 --format json 输出
  --upgrade-from VERSION --upgrade-to VERSION
                         不做审计，而是预览升级：列出在前一版本满足级别、在
                         后一版本不满足的 Pod 和工作负载模板（有则以 1 退出），
                         以 latest 强制执行、将开始拒绝它们的名字空间，反向
                         变化作为注意事项列出（text、json 或 markdown）
  -h, --help             显示本帮助`,
};

const EXIT_STATUS = {
  en: `Exit status:
  0  no finding at or above the --fail-on severity
  1  findings at or above the --fail-on severity (with --baseline: new ones
     only), or unused suppressions with --fail-on-unused-suppressions;
     with --upgrade-from/--upgrade-to: a Pod that would start failing
  2  usage, configuration or I/O error, an unknown rule id, or no resource
     checked (unless --allow-empty)`,
  'zh-cn': `退出状态：
  0  没有达到 --fail-on 级别的问题
  1  有达到 --fail-on 级别的问题（使用 --baseline 时只计新问题），或在
     --fail-on-unused-suppressions 下有未使用的抑制；使用
     --upgrade-from/--upgrade-to 时：有 Pod 将开始不通过
  2  用法、配置或输入输出错误、未知的规则 id，或没有检查任何资源
     （除非指定 --allow-empty）`,
};

function mainHelp(locale: Locale, version: string): string {
  if (locale === 'zh-cn') {
    return `kube-checklist ${version}：按 Kubernetes 安全检查清单检查 Kubernetes 清单文件

用法：
  kube-checklist audit [PATH...] [选项]   检查清单文件（默认 PATH：当前目录）
  kube-checklist rules [选项]             列出规则
  kube-checklist init [选项]              写入带注释的配置文件
                                          （--ci：以及 CI 配置）
  kube-checklist merge SHARD.json...      合并 audit --shard 的各分片结果
  kube-checklist mcp                      作为 MCP 服务器运行（stdio，供 AI 智能体使用）
  kube-checklist help [COMMAND]           显示某个命令的帮助
  kube-checklist --version                显示版本

audit 的选项：
${AUDIT_OPTIONS['zh-cn']}

${EXIT_STATUS['zh-cn']}

规则文档：
  ${DOCS_BASE_URL}
`;
  }
  return `kube-checklist ${version}: check Kubernetes manifests against the Kubernetes
Security Checklist

Usage:
  kube-checklist audit [PATH...] [options]   check manifests (default PATH: .)
  kube-checklist rules [options]             list the rules
  kube-checklist init [options]              write a commented configuration
                                             file (--ci: and a CI file)
  kube-checklist merge SHARD.json...         join the shards of audit --shard
  kube-checklist mcp                         serve MCP over stdio (for AI agents)
  kube-checklist help [COMMAND]              show the help of a command
  kube-checklist --version                   print the version

Options of audit:
${AUDIT_OPTIONS.en}

${EXIT_STATUS.en}

Rule documentation:
  ${DOCS_BASE_URL}
`;
}

function auditHelp(locale: Locale): string {
  if (locale === 'zh-cn') {
    return `用法：kube-checklist audit [PATH...] [选项]

按 Kubernetes 安全检查清单检查 Kubernetes 清单文件。

在目录中查找 *.yaml、*.yml 和 *.json 文件（跳过以点开头的目录和
node_modules）；命令行上直接给出的文件不论扩展名都会检查；"-" 表示读取
标准输入。不是 Kubernetes 资源的文档会被忽略。默认 PATH 为当前目录。
无法检查的文件（二进制、大于 5 MiB）会在标准错误输出上给出警告，不影响
退出状态。带有 apiVersion 和 kind 却无法按 kubectl 的方式读取的文档（语法
错误、重复键、别名炸弹）是 unparseable-manifest 错误：关卡宁可失败也不放行。

选项：
${AUDIT_OPTIONS['zh-cn']}

json 格式：{"version": 1, "findings": [...], "scorecard": [...]}，位置从 0
开始计数，列按 UTF-16 代码单元计算（与 LSP 相同）。sarif 格式中的路径相对于
当前目录（%SRCROOT%），行和列从 1 开始计数，被抑制的问题带有 suppressions。
markdown 格式按检查清单逐项列出结果，并说明需要人工核查的内容。

${EXIT_STATUS['zh-cn']}

示例：
  kube-checklist audit k8s/
  kube-checklist audit . --format json > report.json
  kube-checklist audit . --format sarif > report.sarif
  helm template ./chart | kube-checklist audit - --level baseline
`;
  }
  return `Usage: kube-checklist audit [PATH...] [options]

Check Kubernetes manifests against the Kubernetes Security Checklist.

Directories are searched for *.yaml, *.yml and *.json files (dot-directories
and node_modules are skipped); files named on the command line are read
whatever their extension; "-" reads standard input. Documents that are not
Kubernetes resources are ignored. The default PATH is the current directory.
Files that cannot be checked (binary, larger than 5 MiB) are reported as
warnings on standard error; they do not change the exit status. A document with
apiVersion and kind that cannot be read as kubectl reads it (a syntax error, a
duplicate key, an alias bomb) is an unparseable-manifest error: the gate fails
closed.

Options:
${AUDIT_OPTIONS.en}

The json format is {"version": 1, "findings": [...], "scorecard": [...]}, with
0-based positions and columns in UTF-16 code units, as in LSP. In the sarif
format, paths are relative to the working directory (%SRCROOT%), lines and
columns 1-based, and suppressed findings carry their suppression. The markdown
format is the checklist, item by item, with what a person must verify.

${EXIT_STATUS.en}

Examples:
  kube-checklist audit k8s/
  kube-checklist audit . --format json > report.json
  kube-checklist audit . --format sarif > report.sarif
  helm template ./chart | kube-checklist audit - --level baseline
`;
}

function rulesHelp(locale: Locale): string {
  if (locale === 'zh-cn') {
    return `用法：kube-checklist rules [选项]

列出全部规则：默认严重级别、Pod 安全标准级别及起始版本、对应的检查清单项。

选项：
  --format FORMAT  text（默认）：表格
                   json：数组，每项为 {"id", "checklist", "defaultSeverity",
                     "enabledByDefault", "pss": {"level", "since": "v1.N"} 或
                     null, "docs"}；docs 含 url、references、examples，其中的
                     文字（title、summary、why、remediation、fixSafety）总是
                     同时给出两种语言 {"en": ..., "zh-cn": ...}，与 --lang 无关
                   markdown：规则参考文档（即 docs/rules.md，
                     --lang zh-cn 时为 docs/rules.zh-cn.md）
                   peers：kube-linter、Checkov、Polaris、Trivy 和
                     kube-score 的检查与本工具规则的对照表（即
                     docs/peers.md，--lang zh-cn 时为 docs/peers.zh-cn.md）
  --lang LANG      en 或 zh-cn（默认取自 LC_ALL、LC_MESSAGES 或 LANG）
  -h, --help       显示本帮助
`;
  }
  return `Usage: kube-checklist rules [options]

List the rules with their default severity, Pod Security Standards level and
version, and the checklist items they verify.

Options:
  --format FORMAT  text (default): a table
                   json: an array of {"id", "checklist", "defaultSeverity",
                     "enabledByDefault", "pss": {"level", "since": "v1.N"} or
                     null, "docs"}; docs holds url, references and examples,
                     and its texts (title, summary, why, remediation,
                     fixSafety) always in both languages as
                     {"en": ..., "zh-cn": ...}, whatever --lang says
                   markdown: the rule reference (docs/rules.md; with
                     --lang zh-cn, docs/rules.zh-cn.md)
                   peers: the checks of kube-linter, Checkov, Polaris,
                     Trivy and kube-score against our rules (docs/peers.md;
                     with --lang zh-cn, docs/peers.zh-cn.md)
  --lang LANG      en or zh-cn (default: from LC_ALL, LC_MESSAGES or LANG)
  -h, --help       show this help
`;
}

export function helpText(topic: HelpTopic, locale: Locale, version: string): string {
  switch (topic) {
    case 'main':
      return mainHelp(locale, version);
    case 'audit':
      return auditHelp(locale);
    case 'rules':
      return rulesHelp(locale);
    case 'init':
      return initHelp(locale);
    case 'merge':
      return MERGE_HELP[locale];
  }
}

const MERGE_HELP: Record<Locale, string> = {
  en: `Usage: kube-checklist merge SHARD.json... [--format FORMAT] [--fail-on SEVERITY]

Joins the --format json outputs of 'kube-checklist audit --shard I/N' (every
shard once, of the same run) into the report one machine would have written.

  --format FORMAT        text (default), json, sarif, markdown, gitlab, junit
                         or github, as for audit
  --fail-on SEVERITY     error (default), warning, info or never, as for audit
  --no-color             no colors
  --show-suppressed      also list suppressed findings
  -h, --help             show this help

Exit status: 0 and 1 as for audit; 2 when an input is not a kube-checklist
JSON report, shards are missing or given twice, or come from different runs.
`,
  'zh-cn': `用法：kube-checklist merge SHARD.json... [--format FORMAT] [--fail-on SEVERITY]

把 'kube-checklist audit --shard I/N' 的 --format json 输出（同一次运行的每个
分片各一份）合并成与单机运行相同的报告。

  --format FORMAT        text（默认）、json、sarif、markdown、gitlab、junit
                         或 github，与 audit 相同
  --fail-on SEVERITY     error（默认）、warning、info 或 never，与 audit 相同
  --no-color             不使用颜色
  --show-suppressed      同时列出被抑制的问题
  -h, --help             显示本帮助

退出状态：0 和 1 与 audit 相同；输入不是 kube-checklist 的 JSON 报告、分片
缺失或重复、或来自不同的运行时为 2。
`,
};
