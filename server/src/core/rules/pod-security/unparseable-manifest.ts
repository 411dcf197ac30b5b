/**
 * A Kubernetes-looking document that cannot be checked because it cannot be read the way kubectl
 * reads it. The rule itself judges nothing: the engine (engine/unparseable.ts) turns every skipped
 * document into its finding, so its metadata is the one source of the messages and docs. It names
 * the Pod Security item because a document that is not checked is a Pod that is not checked.
 */
import { defineRule } from '../define-rule';

export default defineRule({
  id: 'unparseable-manifest',
  checklist: ['pod-security/pss-enforced'],
  scope: { kinds: [] },
  defaultSeverity: 'error',
  docs: {
    title: { en: 'Manifest that cannot be checked', 'zh-cn': '无法检查的清单' },
    summary: {
      en: 'A document with apiVersion and kind that cannot be read exactly as kubectl reads it is an error, never a silent skip.',
      'zh-cn': '带有 apiVersion 和 kind 的文档，只要不能按 kubectl 的方式原样读取，就算作错误，绝不悄悄跳过。',
    },
    why: {
      en: 'kubectl and the API server may still apply a document that a linter fails to read, or read differently (a syntax the linter rejects, a duplicate key whose last value wins, an alias bomb). A security gate that skips such a document lets whatever it holds through unchecked.',
      'zh-cn': '检查工具读不懂或读法不同的文档（工具拒绝的语法、以最后一个值为准的重复键、别名炸弹），kubectl 和 API 服务器仍可能照样应用。安全关卡若跳过这类文档，其中的内容就未经检查地放行了。',
    },
    remediation: {
      en: 'Fix the document so that it is plain YAML: remove duplicate keys, fix the syntax error, write out what aliases and merge keys build. The severity can be lowered in the configuration; `off` is not honoured.',
      'zh-cn': '把文档改成朴素的 YAML：删除重复键、修正语法错误、把别名和合并键生成的内容直接写出来。可以在配置中降低严重级别，但 `off` 不会生效。',
    },
    fixSafety: {
      en: 'No automatic fix: which of two duplicate values was meant is for the author to decide.',
      'zh-cn': '没有自动修复：两个重复的值哪个才是本意，需要作者决定。',
    },
    references: ['https://kubernetes.io/docs/reference/using-api/api-concepts/#yaml-encoding'],
    examples: {
      incorrect: 'securityContext:\n  runAsUser: !!int root   # not an integer: kubectl refuses it, and we do not guess',
      correct: 'securityContext:\n  runAsUser: 1000',
    },
  },
  messages: {
    syntax: {
      en: 'this manifest cannot be checked: {{detail}}; kubectl may still apply it',
      'zh-cn': '无法检查此清单：{{detail}}；kubectl 仍可能应用它',
    },
    aliases: {
      en: 'this manifest cannot be checked: its aliases expand too far ({{detail}})',
      'zh-cn': '无法检查此清单：别名展开过多（{{detail}}）',
    },
    depth: {
      en: 'this manifest cannot be checked: {{detail}}',
      'zh-cn': '无法检查此清单：嵌套过深（{{detail}}）',
    },
    decode: {
      en: 'this manifest cannot be checked the way kubectl decodes it: {{detail}}',
      'zh-cn': '无法按 kubectl 的解码方式检查此清单：{{detail}}',
    },
    duplicateKey: {
      en: 'duplicate key "{{key}}": kubectl applies only its last value, which is the one checked',
      'zh-cn': '重复的键 "{{key}}"：kubectl 只应用最后一个值，检查的也是最后一个值',
    },
  },
  check() {
    // Findings come from the engine's list of skipped documents (engine/unparseable.ts).
  },
});
