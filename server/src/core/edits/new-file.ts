/**
 * The text of a new manifest file a fix asks for (see `NewFile`), written in the layout of the file
 * the finding is in (its line ends, indentation width and sequence style), so the new file looks
 * like its neighbours. Documents are separated by `---`.
 */
import { renderBlockEntries } from './render';
import type { Layout } from './text-layout';
import type { NewFile } from './types';

export function newFileText(file: NewFile, layout: Layout): string {
  const documents = file.documents.map((document) => renderBlockEntries(document, 0, layout).join(layout.eol));
  return documents.join(`${layout.eol}---${layout.eol}`) + layout.eol;
}

/** `name`, or `name` with -2, -3 ... before its extension: the first that `taken` does not hold. */
export function freeFileName(name: string, taken: (candidate: string) => boolean): string {
  if (!taken(name)) return name;
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const extension = dot > 0 ? name.slice(dot) : '';
  for (let suffix = 2; ; suffix++) {
    const candidate = `${stem}-${suffix}${extension}`;
    if (!taken(candidate)) return candidate;
  }
}
