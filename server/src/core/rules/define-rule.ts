/**
 * The one way to declare a rule, after typescript-eslint's `createRule`: the keys of `messages`
 * become the type of the message ids the rule's check may report (and name related places with),
 * so a misspelled id is a compile error instead of a finding without a message. A rule over single
 * resources has `scope: { kinds }` and `check(context, resource)`; a rule over the whole workspace
 * has `scope: 'workspace'`, `inputKinds` and `checkWorkspace(context, index)`. `pss` defaults to
 * null and `enabledByDefault` to true. Walking Pod templates, Role entries or binding subjects is
 * left to helpers in shared/ that the check calls, so there is no second way to declare a rule.
 */
import type { Localized } from '../i18n/localized';
import type { Resource } from '../model/resource';
import type { WorkspaceIndex } from '../workspace/workspace-index';
import type { DockerfileModel } from '../dockerfile/dockerfile-model';
import type { EvidenceSource } from '../model/evidence-source';
import type { DockerfileRule, DockerfileRuleContext, ResourceRule, RuleContext, RuleMeta, WorkspaceRule, WorkspaceRuleContext } from './types';

/** What every declaration gives: the rule's metadata, with its message ids as `M`. */
type DeclaredMeta<M extends string> = Omit<RuleMeta, 'scope' | 'pss' | 'enabledByDefault' | 'messages'> & {
  readonly messages: Readonly<Record<M, Localized>>;
  readonly pss?: RuleMeta['pss'];
  readonly enabledByDefault?: boolean;
};

export interface ResourceRuleDeclaration<M extends string> extends DeclaredMeta<M> {
  readonly scope: { readonly kinds: readonly string[] };
  check(context: RuleContext<M>, resource: Resource): void;
}

export interface WorkspaceRuleDeclaration<M extends string> extends DeclaredMeta<M> {
  readonly scope: 'workspace';
  /** The kinds it judges: with none of them in the workspace, its checklist items are not applicable. */
  readonly inputKinds: readonly string[];
  /** The one evidence source it reads, when not plain manifests (see model/evidence-source.ts). */
  readonly evidence?: EvidenceSource;
  checkWorkspace(context: WorkspaceRuleContext<M>, index: WorkspaceIndex): void;
}

/** A rule over one Dockerfile: `check` reads its stages and reports syntax-tree nodes. */
export interface DockerfileRuleDeclaration<M extends string> extends DeclaredMeta<M> {
  readonly scope: 'dockerfile';
  check(context: DockerfileRuleContext<M>, dockerfile: DockerfileModel): void;
}

export function defineRule<M extends string>(declaration: ResourceRuleDeclaration<M>): ResourceRule;
export function defineRule<M extends string>(declaration: WorkspaceRuleDeclaration<M>): WorkspaceRule;
export function defineRule<M extends string>(declaration: DockerfileRuleDeclaration<M>): DockerfileRule;
export function defineRule<M extends string>(
  declaration: ResourceRuleDeclaration<M> | WorkspaceRuleDeclaration<M> | DockerfileRuleDeclaration<M>,
): ResourceRule | WorkspaceRule | DockerfileRule {
  // The engine reads message ids as plain strings; only the declaration needs them narrowed.
  return { ...declaration, pss: declaration.pss ?? null, enabledByDefault: declaration.enabledByDefault ?? true } as ResourceRule | WorkspaceRule | DockerfileRule;
}
