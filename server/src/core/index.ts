/**
 * The public face of the pure core: what the language server, the CLI and the tests may use.
 */
export * from './i18n/localized';
export * from './parse/source-file';
export * from './model/values';
export * from './model/resource';
export * from './model/pod-spec';
export * from './model/sensitivity';
export * from './rules/types';
export { RULES, ruleById } from './rules/registry';
export * from './engine/kubernetes-version';
export * from './engine/locate';
export * from './engine/analyze';
export * from './engine/messages';
export * from './checklist/items';
