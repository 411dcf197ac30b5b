/**
 * The quick fix of a finding whose fix is a new file (see NewFile in core/edits/types.ts): a
 * WorkspaceEdit that creates the file beside the document and writes the manifest into it, in the
 * document's layout. Offered only to clients that can create files through a WorkspaceEdit
 * (workspace.workspaceEdit.resourceOperations has "create"). An existing file is never overwritten:
 * the name gets a numeric suffix instead.
 */
import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CodeAction, CodeActionKind, CreateFile, Diagnostic, TextDocumentEdit, TextEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { detectLayout, Fix, freeFileName, Locale, newFileText, renderFixTitle } from '../core';

export function newFileAction(diagnostic: Diagnostic, fix: Fix, document: TextDocument, text: string, locale: Locale): CodeAction | undefined {
  const newFile = fix.newFile;
  const slash = document.uri.lastIndexOf('/');
  if (!newFile || slash < 0) return undefined;
  const directory = document.uri.slice(0, slash + 1);
  const name = freeFileName(newFile.name, (candidate) => exists(directory + encodeURIComponent(candidate)));
  const uri = directory + encodeURIComponent(name);
  const title = renderFixTitle({ ...fix.title, data: { ...fix.title.data, file: name } }, locale);
  return {
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: {
      documentChanges: [
        CreateFile.create(uri, { overwrite: false, ignoreIfExists: false }),
        TextDocumentEdit.create({ uri, version: null }, [TextEdit.insert({ line: 0, character: 0 }, newFileText(newFile, detectLayout(text)))]),
      ],
    },
  };
}

/** Only local files can be looked at; elsewhere the client refuses to overwrite, which is safe. */
function exists(uri: string): boolean {
  if (!uri.startsWith('file:')) return false;
  try {
    return fs.existsSync(fileURLToPath(uri));
  } catch {
    return false;
  }
}
