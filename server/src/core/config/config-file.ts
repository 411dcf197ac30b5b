/**
 * `.kube-checklist.yaml`: parsed with positions, validated against CONFIG_SCHEMA with ajv, each
 * problem placed on the key or value it is about (or the file's start), in both languages; then
 * turned into analysis options. Unknown rule ids are problems too. Pure: the caller reads the file.
 */
import Ajv, { ErrorObject } from 'ajv';
import { isMap, parseDocument } from 'yaml';
import { locate } from '../engine/locate';
import type { AnalysisOptions, SeveritySetting } from '../engine/analyze';
import { formatText, Locale, Localized, localize } from '../i18n/localized';
import type { SensitiveSelector } from '../model/sensitivity';
import type { PropertyPath } from '../model/values';
import { isNewerThanKnown, LATEST_MINOR } from '../model/kubernetes-version';
import { RULES, ruleById } from '../rules/registry';
import { CONFIG_SCHEMA } from './config-schema';
import { tooDeepAt } from './config-limits';
import { closestMatch } from '../text/did-you-mean';
import { describeParseError, redactDetail } from '../text/redact';

export const CONFIG_FILE_NAMES: readonly string[] = ['.kube-checklist.yaml', '.kube-checklist.yml'];

export interface ConfigSuppression {
  readonly rule: string;
  readonly reason: string;
  readonly paths?: readonly string[];
  readonly kind?: string;
  readonly namespace?: string;
  readonly name?: string;
  readonly container?: string;
  /** YYYY-MM-DD: from the day after, the finding shows again. */
  readonly expires?: string;
}

export interface KubeChecklistConfig {
  readonly level?: 'baseline' | 'restricted';
  readonly kubernetesVersion?: string;
  readonly rules?: Readonly<Record<string, SeveritySetting>>;
  readonly exclude?: readonly string[];
  readonly sensitive?: SensitiveSelector;
  /** `all`: blanket exemptions (kube-linter ignore-all, Polaris exempt) silence errors too. */
  readonly honorForeignSuppressions?: boolean | 'all';
  readonly suppressions?: readonly ConfigSuppression[];
  /** `config-only`: comment directives and annotations in manifests grant no exception. */
  readonly exceptions?: 'all' | 'config-only';
  /** Evidence of manual checklist items: `access` is the day of the last access review (YYYY-MM-DD). */
  readonly reviews?: { readonly access?: string };
}

export interface ConfigProblem {
  readonly message: Localized;
  readonly start: number;
  readonly end: number;
}

export interface ConfigFile {
  /** Undefined when the file has problems: a broken configuration is not half applied. */
  readonly config: KubeChecklistConfig | undefined;
  readonly problems: readonly ConfigProblem[];
}

const MESSAGES = {
  syntax: { en: 'not valid YAML: {{detail}}', 'zh-cn': '不是有效的 YAML：{{detail}}' },
  notMap: { en: 'the configuration must be a map of settings', 'zh-cn': '配置必须是由设置组成的映射' },
  required: { en: '{{where}}: `{{property}}` is required', 'zh-cn': '{{where}}：缺少必填项 `{{property}}`' },
  unknownKey: { en: '{{where}}: unknown key `{{property}}`', 'zh-cn': '{{where}}：未知的键 `{{property}}`' },
  enum: { en: '{{where}} must be one of {{values}}', 'zh-cn': '{{where}} 必须是 {{values}} 之一' },
  type: { en: '{{where}} must be of type {{type}}', 'zh-cn': '{{where}} 的类型必须是 {{type}}' },
  pattern: { en: '{{where}} has the wrong form', 'zh-cn': '{{where}} 的格式不对' },
  empty: { en: '{{where}} must not be empty', 'zh-cn': '{{where}} 不能为空' },
  unknownRule: { en: 'unknown rule `{{rule}}`', 'zh-cn': '未知的规则 `{{rule}}`' },
  didYouMean: { en: '{{text}}; did you mean `{{suggestion}}`?', 'zh-cn': '{{text}}；是否想写 `{{suggestion}}`？' },
  newerVersion: {
    en: '`kubernetesVersion` {{version}} is newer than the newest version this build knows ({{newest}}): use latest or {{newest}}',
    'zh-cn': '`kubernetesVersion` {{version}} 比本版本所知的最新版本（{{newest}}）还新：请使用 latest 或 {{newest}}',
  },
  badDate: { en: '`{{date}}` is not a date', 'zh-cn': '`{{date}}` 不是有效的日期' },
  tooDeep: { en: 'the configuration is nested too deeply', 'zh-cn': '配置嵌套过深' },
  aliases: { en: 'the configuration expands too many aliases: {{detail}}', 'zh-cn': '配置展开的别名过多：{{detail}}' },
} satisfies Record<string, Localized>;

// verbose: an unknown key's error carries its schema, whose properties are the names to suggest.
const validate = new Ajv({ allErrors: true, strict: false, verbose: true }).compile(CONFIG_SCHEMA);

export function readConfigFile(text: string): ConfigFile {
  const deep = tooDeepAt(text);
  if (deep !== undefined) return { config: undefined, problems: [{ message: message('tooDeep'), start: deep, end: Math.min(deep + 1, text.length) }] };
  const document = parseDocument(text, { prettyErrors: false, logLevel: 'silent', maxAliasCount: 100 } as never);
  const problems: ConfigProblem[] = [];
  const at = (path: PropertyPath, target: 'key' | 'value' = 'value') => {
    const { start, end } = locate(document.contents, path, target);
    return { start, end };
  };
  for (const error of document.errors) problems.push({ message: message('syntax', { detail: describeParseError(error) }), start: error.pos[0], end: error.pos[1] });
  if (problems.length) return { config: undefined, problems };
  if (document.contents === null) return { config: {}, problems };
  if (!isMap(document.contents)) return { config: undefined, problems: [{ message: message('notMap'), start: 0, end: Math.min(text.length, 1) }] };
  let value: KubeChecklistConfig;
  try {
    value = document.toJS({ maxAliasCount: 100 }) as KubeChecklistConfig;
  } catch (error) {
    const start = document.contents.range?.[0] ?? 0;
    const problem = error instanceof RangeError ? message('tooDeep') : message('aliases', { detail: redactDetail((error as Error).message) });
    return { config: undefined, problems: [{ message: problem, start, end: start + 1 }] };
  }
  if (!validate(value)) for (const error of validate.errors ?? []) problems.push(schemaProblem(error, at));
  const ruleIds = RULES.map((rule) => rule.id);
  for (const id of Object.keys(value.rules ?? {})) if (!ruleById(id)) problems.push({ message: suggesting(message('unknownRule', { rule: id }), id, ruleIds), ...at(['rules', id], 'key') });
  if (typeof value.kubernetesVersion === 'string' && isNewerThanKnown(value.kubernetesVersion)) {
    problems.push({ message: message('newerVersion', { version: value.kubernetesVersion, newest: `v1.${LATEST_MINOR}` }), ...at(['kubernetesVersion']) });
  }
  (value.suppressions ?? []).forEach((suppression, index) => {
    if (typeof suppression?.rule === 'string' && !ruleById(suppression.rule)) problems.push({ message: suggesting(message('unknownRule', { rule: suppression.rule }), suppression.rule, ruleIds), ...at(['suppressions', index, 'rule']) });
    if (typeof suppression?.expires === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(suppression.expires) && !isCalendarDate(suppression.expires)) {
      problems.push({ message: message('badDate', { date: suppression.expires }), ...at(['suppressions', index, 'expires']) });
    }
  });
  const reviewed = value.reviews?.access;
  if (typeof reviewed === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(reviewed) && !isCalendarDate(reviewed)) problems.push({ message: message('badDate', { date: reviewed }), ...at(['reviews', 'access']) });
  return problems.length ? { config: undefined, problems } : { config: value, problems };
}

/** 2026-02-30 has the right form but is no day of the calendar. */
function isCalendarDate(text: string): boolean {
  const time = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === text;
}

function schemaProblem(error: ErrorObject, at: (path: PropertyPath, target?: 'key' | 'value') => { start: number; end: number }): ConfigProblem {
  const path: PropertyPath = error.instancePath.split('/').slice(1).map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment.replace(/~1/g, '/').replace(/~0/g, '~')));
  const where = path.length ? `\`${path.join('.')}\`` : 'the configuration';
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { message: message('required', { where, property: String(params.missingProperty) }), ...at(path, 'key') };
    case 'additionalProperties': {
      const property = String(params.additionalProperty);
      const known = Object.keys((error.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties ?? {});
      return { message: suggesting(message('unknownKey', { where, property }), property, known), ...at([...path, property], 'key') };
    }
    case 'enum':
      return { message: message('enum', { where, values: ((params.allowedValues as unknown[]) ?? []).join(', ') }), ...at(path) };
    case 'type':
      return { message: message('type', { where, type: String(params.type) }), ...at(path) };
    case 'minLength':
      return { message: message('empty', { where }), ...at(path) };
    case 'propertyNames':
      return { message: message('pattern', { where: `\`${path.join('.')}.${String(params.propertyName)}\`` }), ...at([...path, String(params.propertyName)], 'key') };
    default:
      return { message: message('pattern', { where }), ...at(path) };
  }
}

/** A problem about a mistyped name, with the closest known one suggested when one is close. */
function suggesting(problem: Localized, typed: string, known: readonly string[]): Localized {
  const suggestion = closestMatch(typed, known);
  if (suggestion === undefined) return problem;
  return { en: formatText(MESSAGES.didYouMean.en, { text: problem.en, suggestion }), 'zh-cn': formatText(MESSAGES.didYouMean['zh-cn'], { text: problem['zh-cn'], suggestion }) };
}

function message(id: keyof typeof MESSAGES, data: Record<string, string> = {}): Localized {
  const template = MESSAGES[id];
  return { en: formatText(template.en, data), 'zh-cn': formatText(template['zh-cn'], data) };
}

export function renderConfigProblem(problem: ConfigProblem, locale: Locale): string {
  return localize(problem.message, locale);
}

/** The analysis options a configuration sets (the caller's own take precedence where it says so). */
export function configOptions(config: KubeChecklistConfig): Partial<AnalysisOptions> {
  const options: { -readonly [K in keyof AnalysisOptions]?: AnalysisOptions[K] } = {};
  if (config.level) options.level = config.level;
  if (config.kubernetesVersion) options.kubernetesVersion = config.kubernetesVersion;
  if (config.rules) options.rules = config.rules;
  if (config.sensitive) options.sensitive = config.sensitive;
  if (config.honorForeignSuppressions !== undefined) options.foreignSuppressions = config.honorForeignSuppressions;
  return options;
}
