/**
 * The file kinds of the one pipeline, and the one parse by kind: a Dockerfile (`Dockerfile`,
 * `Containerfile`, `*.dockerfile`, `Dockerfile.*`, or an editor document in the `dockerfile`
 * language) becomes a SourceFile with the Dockerfile model and no YAML documents; everything else
 * is parsed as YAML. The CLI, the server and the audit all parse through here, so that one file is
 * the same kind to every face.
 */
import { dockerfileModel } from '../dockerfile/dockerfile-model';
import { countLines, parseSourceFile, SourceFile } from './source-file';

export type FileKind = 'manifest' | 'dockerfile';

/** Endings of files beside Dockerfiles that are not Dockerfiles (`Dockerfile.dockerignore`, `Dockerfile.yaml`). */
const NOT_DOCKERFILE = /\.(?:ya?ml|json|dockerignore|md|txt)$/i;

/** Whether a file name (or a path or uri ending in one) names a Dockerfile. */
export function isDockerfileName(name: string): boolean {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  if (NOT_DOCKERFILE.test(base)) return false;
  return /^(?:dockerfile|containerfile)(?:\..+)?$/i.test(base) || /.\.(?:dockerfile|containerfile)$/i.test(base);
}

/** Editor languages that make a file a manifest whatever its name. */
const MANIFEST_LANGUAGES = new Set(['yaml', 'json', 'jsonc']);

export function fileKindOf(name: string, languageId?: string): FileKind {
  if (languageId === 'dockerfile') return 'dockerfile';
  return isDockerfileName(name) && !MANIFEST_LANGUAGES.has(languageId ?? '') ? 'dockerfile' : 'manifest';
}

export function parseDockerfileSource(text: string): SourceFile {
  return { text, documents: [], lineCounter: countLines(text), dockerfile: dockerfileModel(text) };
}

/** The parse of a file of either kind. */
export function parseFile(name: string, text: string, languageId?: string): SourceFile {
  return fileKindOf(name, languageId) === 'dockerfile' ? parseDockerfileSource(text) : parseSourceFile(text);
}
