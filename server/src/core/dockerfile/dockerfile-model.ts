/**
 * The Dockerfile model the Dockerfile rules read: the file parsed once by `dockerfile-ast` (the
 * parser of Docker's own language server; heredocs, line continuations, parser directives and the
 * escape character are its business, never ours), cut into build stages. Each stage knows its
 * `FROM`, its `AS` name, the base image with the build arguments declared before the first `FROM`
 * replaced by their defaults (undefined when one has no default: such a base is not judged), the
 * earlier stage it builds on when the `FROM` names one, and its own instructions. Rules report nodes
 * of this tree; locate-dockerfile.ts turns them into offsets. Pure: no file system.
 */
import { DockerfileParser } from 'dockerfile-ast';
import type { Dockerfile, From, Instruction } from 'dockerfile-ast';

/** A position as dockerfile-ast gives it: 0-based line and UTF-16 character. */
export interface DockerfilePosition {
  readonly line: number;
  readonly character: number;
}

/** Anything of the syntax tree a rule may report: an instruction, an argument, a flag, a property. */
export interface DockerfileNode {
  getRange(): { readonly start: DockerfilePosition; readonly end: DockerfilePosition } | null;
}

export interface DockerfileStage {
  /** 0-based, in file order. */
  readonly index: number;
  readonly from: From;
  /** The `AS` name, lower-cased: stage names are case-insensitive. */
  readonly name?: string;
  /** The base image reference with build arguments resolved; undefined when one has no default. */
  readonly image?: string;
  /** The earlier stage this one builds on (`FROM <stage name>`). */
  readonly parent?: DockerfileStage;
  /** The instructions after the `FROM`, up to the next one. */
  readonly instructions: readonly Instruction[];
}

export interface DockerfileModel {
  readonly ast: Dockerfile;
  readonly stages: readonly DockerfileStage[];
}

export function dockerfileModel(text: string): DockerfileModel {
  const ast = DockerfileParser.parse(text);
  const stages: DockerfileStage[] = [];
  let current: { from: From; instructions: Instruction[] } | undefined;
  const close = (): void => {
    if (current) stages.push(stageOf(stages, current.from, current.instructions));
  };
  for (const instruction of ast.getInstructions()) {
    if (instruction.getKeyword() === 'FROM') {
      close();
      current = { from: instruction as From, instructions: [] };
    } else current?.instructions.push(instruction);
  }
  close();
  return { ast, stages };
}

function stageOf(earlier: readonly DockerfileStage[], from: From, instructions: Instruction[]): DockerfileStage {
  const name = from.getBuildStage()?.toLowerCase() ?? undefined;
  // getExpandedArguments leaves out the flags (--platform) and substitutes the defaults of the ARGs
  // before the first FROM; whatever still holds a `$` had no default.
  const expanded = from.getExpandedArguments()[0]?.getValue();
  const image = expanded === undefined || expanded.includes('$') ? undefined : expanded;
  const parent = image === undefined ? undefined : [...earlier].reverse().find((stage) => stage.name === image.toLowerCase());
  return { index: earlier.length, from, name, image, parent, instructions };
}

/** The stage whose image is run: the last one. */
export function finalStage(model: DockerfileModel): DockerfileStage | undefined {
  return model.stages.at(-1);
}

/** The stage that names an outside image: the stage itself, or the one its chain of stages starts at. */
export function rootStage(stage: DockerfileStage): DockerfileStage {
  let root = stage;
  while (root.parent) root = root.parent;
  return root;
}

/** The last instruction of a keyword in a stage or, failing that, in the stages it builds on. */
export function lastInChain(stage: DockerfileStage, keyword: string): Instruction | undefined {
  for (let at: DockerfileStage | undefined = stage; at; at = at.parent) {
    const found = [...at.instructions].reverse().find((instruction) => instruction.getKeyword() === keyword);
    if (found) return found;
  }
  return undefined;
}
