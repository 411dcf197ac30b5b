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
export * from './edits/types';
export * from './edits/apply-op';
export * from './edits/apply-fixes';
export * from './edits/fix-titles';
export * from './edits/fix-builders';
export * from './edits/new-file';
export * from './edits/hardening';
export * from './edits/text-layout';
export * from './suppress/directives';
export * from './suppress/apply-suppressions';
export * from './suppress/messages';
export * from './engine/path-at';
export * from './explain/field-docs';
export * from './explain/hover-markdown';
export * from './workspace/label-selector';
export * from './workspace/workspace-index';
export * from './workspace/analyze-workspace';
export * from './repo/kustomize';
export * from './repo/helm';
export * from './suppress/foreign-annotations';
