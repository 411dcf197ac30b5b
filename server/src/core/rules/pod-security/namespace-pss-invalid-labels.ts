/**
 * Pod Security Admission labels that PSA cannot use: a level other than privileged, baseline or
 * restricted, a version other than `latest` or `v1.N`, and keys under pod-security.kubernetes.io/
 * that PSA does not read (typos such as `enforced` or `enforce-level`, which silently do nothing).
 */
import { defineRule } from '../define-rule';
import { setFix } from '../../edits/fix-builders';

import { labelPath, levelLabel, NAMESPACE_REFERENCES, namespaceOf, parseLevel, parseVersion, PSA_MODES, PSA_PREFIX, versionLabel } from '../shared/namespace-labels';

const KNOWN_KEYS = new Set(PSA_MODES.flatMap((mode) => [levelLabel(mode), versionLabel(mode)]));

export default defineRule({
  id: 'namespace-pss-invalid-labels',
  checklist: ['pod-security/pss-enforced', 'admission/pod-security'],
  scope: { kinds: ['Namespace'] },
  defaultSeverity: 'error',
  docs: {
    title: { en: 'Invalid Pod Security labels', 'zh-cn': '无效的 Pod 安全标签' },
    summary: {
      en: 'pod-security.kubernetes.io labels must use a valid level (privileged, baseline, restricted), a valid version (latest or v1.N), and a key that Pod Security Admission reads.',
      'zh-cn': 'pod-security.kubernetes.io 标签必须使用有效的级别（privileged、baseline、restricted）、有效的版本（latest 或 v1.N），以及 Pod 安全准入能识别的键。',
    },
    why: {
      en: 'Pod Security Admission refuses to create a Namespace whose labels it cannot parse, and refuses label changes that introduce such values, so the manifest fails to apply. A Namespace that already carries one is evaluated with fallbacks: an invalid enforce level means restricted, invalid audit and warn levels mean privileged, an invalid version means latest. A misspelt key is simply ignored, so the namespace is not protected as intended.',
      'zh-cn': 'Pod 安全准入会拒绝创建标签无法解析的命名空间，也会拒绝引入此类取值的标签修改，因此清单无法应用。对已经带有无效标签的命名空间，会按回退规则评估：无效的 enforce 级别按 restricted 处理，无效的 audit 和 warn 级别按 privileged 处理，无效的版本按 latest 处理。拼错的键则会被直接忽略，命名空间因此得不到预期的保护。',
    },
    remediation: {
      en: 'Use one of privileged, baseline or restricted for enforce, audit and warn; latest or v1.N (for example v1.33) for the -version labels; and exactly the six keys enforce, enforce-version, audit, audit-version, warn, warn-version.',
      'zh-cn': 'enforce、audit、warn 取 privileged、baseline 或 restricted 之一；-version 标签取 latest 或 v1.N（例如 v1.33）；键只能是 enforce、enforce-version、audit、audit-version、warn、warn-version 这六个。',
    },
    fixSafety: {
      en: 'Safe: a valid value is the only way the Namespace can be applied; choose the level you meant.',
      'zh-cn': '安全：只有有效取值才能应用该命名空间；请选择你本来想要的级别。',
    },
    references: NAMESPACE_REFERENCES,
    examples: {
      incorrect: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    pod-security.kubernetes.io/enforce: strict',
      correct: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    pod-security.kubernetes.io/enforce: restricted',
    },
  },
  messages: {
    invalidEnforce: {
      en: 'Namespace "{{name}}": "{{value}}" is not a Pod Security level (privileged, baseline, restricted); the Namespace is refused, or enforced as restricted if it already exists',
      'zh-cn': '命名空间 "{{name}}"："{{value}}" 不是 Pod 安全级别（privileged、baseline、restricted）；该命名空间会被拒绝，若已存在则按 restricted 强制执行',
    },
    invalidLevel: {
      en: 'Namespace "{{name}}": "{{value}}" is not a Pod Security level for {{label}}; the Namespace is refused, or the mode falls back to privileged if it already exists',
      'zh-cn': '命名空间 "{{name}}"："{{value}}" 不是 {{label}} 可用的 Pod 安全级别；该命名空间会被拒绝，若已存在则该模式回退为 privileged',
    },
    invalidVersion: {
      en: 'Namespace "{{name}}": "{{value}}" is not a Pod Security version for {{label}} (latest or v1.N); the Namespace is refused, or evaluated at latest if it already exists',
      'zh-cn': '命名空间 "{{name}}"："{{value}}" 不是 {{label}} 可用的 Pod 安全版本（latest 或 v1.N）；该命名空间会被拒绝，若已存在则按 latest 评估',
    },
    unknownKey: {
      en: 'Namespace "{{name}}": Pod Security Admission does not read the label {{label}}, so it has no effect',
      'zh-cn': '命名空间 "{{name}}"：Pod 安全准入不识别标签 {{label}}，它不会产生任何效果',
    },
  },
  check(context, resource) {
    const namespace = namespaceOf(resource);
    if (!namespace) return;
    const { name } = namespace;
    for (const [label, raw] of Object.entries(namespace.labels)) {
      if (!label.startsWith(PSA_PREFIX)) continue;
      const path = labelPath(label);
      const value = raw === null ? '' : String(raw);
      if (!KNOWN_KEYS.has(label)) {
        context.report({ messageId: 'unknownKey', data: { name, label }, path, target: 'key' });
      } else if (label.endsWith('-version')) {
        if (parseVersion(raw) !== undefined) continue;
        // `1.30`, `v1.25.3`, `V1.030` say which minor was meant; anything else needs a person.
        const meant = /^v?1\.0*(\d+)(?:\.\d+)?$/i.exec(value.trim());
        const fixes = meant ? [setFix('fix', path, `v1.${Number(meant[1])}`, label)] : [];
        context.report({ messageId: 'invalidVersion', data: { name, value, label }, path, fixes });
      } else if (parseLevel(raw) === undefined) {
        const messageId = label === levelLabel('enforce') ? 'invalidEnforce' : 'invalidLevel';
        // `Restricted`, ` baseline `: the level is clear, only its spelling is wrong.
        const level = parseLevel(value.trim().toLowerCase());
        context.report({ messageId, data: { name, value, label }, path, fixes: level ? [setFix('fix', path, level, label)] : [] });
      }
    }
  },
});
