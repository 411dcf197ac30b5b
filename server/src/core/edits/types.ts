/**
 * Declarative fixes. A rule says what should change (set a scalar, remove a pair, append to a
 * sequence, add an annotation) as operations on node paths; the edits module turns them into
 * minimal text edits. A `fix` is safe and mechanical and goes into fix-all; a `suggestion` may change
 * how the workload runs and is offered only as a quick fix.
 */
import type { PropertyPath } from '../model/values';

export type ScalarValue = string | number | boolean;
export type EditValue = ScalarValue | readonly ScalarValue[] | { readonly [key: string]: EditValue };

export type EditOp =
  /** Sets the value at the path, creating missing parent maps at the file's indentation. */
  | { readonly op: 'set'; readonly path: PropertyPath; readonly value: EditValue }
  /**
   * Removes the pair (or sequence item) at the path; nothing when it is already gone, or when
   * `ifValue` is given and the node holds another value (so removing by index stays idempotent).
   * For a sequence item, `ifValue` finds the scalar item with that value, or the map item with
   * that `name`.
   */
  | { readonly op: 'remove'; readonly path: PropertyPath; readonly ifValue?: ScalarValue }
  /** Appends a scalar to the sequence at the path (created when missing); nothing when present. */
  | { readonly op: 'append'; readonly path: PropertyPath; readonly value: ScalarValue };

export type FixTier = 'fix' | 'suggestion';

/** Title templates of fixes live in edits/fix-titles.ts, in both languages. */
export interface FixTitle {
  readonly id: string;
  readonly data?: Readonly<Record<string, string | number>>;
}

/**
 * A new manifest to write beside the file of the finding (a default-deny NetworkPolicy for a
 * namespace, say): for what cannot be fixed inside the resource itself.
 */
export interface NewFile {
  /** File name in the directory of the finding's file; the editor picks another when it is taken. */
  readonly name: string;
  /** The resources of the file, one YAML document each. */
  readonly documents: readonly { readonly [key: string]: EditValue }[];
}

export interface Fix {
  readonly tier: FixTier;
  readonly title: FixTitle;
  /** Applied in order to one YAML document of the file. */
  readonly ops: readonly EditOp[];
  /** A file to create instead of (or besides) editing this one; never part of fix-all. */
  readonly newFile?: NewFile;
}

export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}
