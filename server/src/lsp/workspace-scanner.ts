/**
 * The file system side of the workspace index: walks a workspace folder with the one walker of
 * host/workspace-walker.ts (the CLI's too; with `files.exclude` on top), and reads one file
 * into a parsed entry, skipping files over 5 MiB and binary files (with a reason the caller logs).
 * Files without `apiVersion` and `kind` in their text are not parsed and keep no text, except
 * Dockerfiles (by name), which are parsed as Dockerfiles. Only this
 * module and the service reading `.gitignore` touch the disk.
 */
import * as fs from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { extractResources, isDockerfileName, parseDockerfileSource, parseSourceFile, parseSourceFileSliced, Resource, SkippedDocument, Slicing, SourceFile } from '../core';
import { decodeSource, MAX_FILE_BYTES } from '../host/read-source';
import { isManifestFileName, TreeFilter, walkTree } from '../host/workspace-walker';


export interface FolderFilters {
  /** What the walk leaves out (dot-folders, node_modules, .gitignore, files.exclude). */
  readonly tree: TreeFilter;
  /** Files over this size are skipped with a note (kubeChecklist.maxFileSizeMB). */
  readonly maxFileBytes?: number;
}

export interface FoundFile {
  readonly uri: string;
  readonly fsPath: string;
  /** Relative to the folder, forward slashes. */
  readonly relativePath: string;
  readonly mtimeMs: number;
  readonly size: number;
}

export type EntryStatus = 'manifest' | 'not-manifest' | 'too-large' | 'binary' | 'unreadable';

export interface FileEntry extends FoundFile {
  readonly status: EntryStatus;
  /** Kept for files that hold resources only. */
  readonly source?: SourceFile;
  readonly resources: readonly Resource[];
  readonly skipped: readonly SkippedDocument[];
  readonly reason?: string;
  /**
   * Not read yet because the file is open: the open text counts until it is closed, and then the
   * file is read (a big file opened at start-up is not parsed a second time meanwhile).
   */
  readonly deferred?: boolean;
}

export function fileUri(fsPath: string): string {
  return pathToFileURL(fsPath).href;
}

/** The file system path of a `file:` uri; undefined for any other uri. */
export function fsPathOf(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

export function isManifestPath(name: string): boolean {
  return isManifestFileName(name);
}

/**
 * Every candidate file of the folder, in path order, by the one walker the CLI uses too
 * (host/workspace-walker.ts). `shouldStop` is polled between directories (cancellation); the walk
 * yields to the event loop now and then so that requests keep flowing.
 */
export async function walkFolder(filters: FolderFilters, shouldStop: () => boolean = () => false): Promise<FoundFile[]> {
  const walked = await walkTree(filters.tree, { shouldStop });
  return walked.map((file) => ({ uri: fileUri(file.absolute), fsPath: file.absolute, relativePath: file.relativePath, mtimeMs: file.mtimeMs, size: file.size }));
}

/** Reads and parses one file; never throws. */
export async function readEntry(file: FoundFile, maxBytes = MAX_FILE_BYTES): Promise<FileEntry> {
  const read = await readText(file, maxBytes);
  return typeof read === 'string' ? entryFromText(file, read) : read;
}

/**
 * Reads and parses one file, parsing a big one in slices (giving way to the event loop between
 * documents); undefined when `slicing` cancels the parse. Never throws.
 */
export async function readEntrySliced(file: FoundFile, maxBytes: number, slicing: Slicing): Promise<FileEntry | undefined> {
  const read = await readText(file, maxBytes);
  if (typeof read !== 'string') return read;
  if (slicing.cancelled()) return undefined;
  if (isDockerfileName(file.fsPath)) return entryFromText(file, read);
  if (!mayHoldResources(read)) return notManifest(file);
  const source = await parseSourceFileSliced(read, slicing);
  return source && entryFromSource(file, source);
}

/**
 * Reads and parses one file, reusing `parsed` (a parse of the same file made while it was open)
 * when the disk holds that very text. Never throws.
 */
export async function readEntryReusing(file: FoundFile, maxBytes: number | undefined, parsed: SourceFile | undefined): Promise<FileEntry> {
  const read = await readText(file, maxBytes ?? MAX_FILE_BYTES);
  if (typeof read !== 'string') return read;
  return parsed?.text === read ? entryFromSource(file, parsed) : entryFromText(file, read);
}

/** The text of a file, or the entry saying why there is none. */
async function readText(file: FoundFile, maxBytes: number): Promise<string | FileEntry> {
  if (file.size > maxBytes) return { ...file, status: 'too-large', resources: [], skipped: [] };
  let bytes: Uint8Array;
  try {
    bytes = await fs.promises.readFile(file.fsPath);
  } catch (error) {
    return { ...file, status: 'unreadable', resources: [], skipped: [], reason: error instanceof Error ? error.message : String(error) };
  }
  const decoded = decodeSource(bytes, maxBytes);
  if (decoded.kind !== 'text') return { ...file, status: decoded.kind === 'unreadable' ? 'unreadable' : decoded.kind, resources: [], skipped: [] };
  return decoded.text;
}

/** An entry for a text (from disk or from an open document). */
export function entryFromText(file: FoundFile, text: string): FileEntry {
  if (isDockerfileName(file.fsPath)) return entryFromSource(file, parseDockerfileSource(text));
  return mayHoldResources(text) ? entryFromSource(file, parseSourceFile(text)) : notManifest(file);
}

/** An entry for an already parsed text. */
export function entryFromSource(file: FoundFile, source: SourceFile): FileEntry {
  // A Dockerfile holds no resources; the index keeps it for the Dockerfile rules and the cross-check.
  if (source.dockerfile) return { ...file, status: 'manifest', source, resources: [], skipped: [] };
  if (!mayHoldResources(source.text)) return notManifest(file);
  const { resources, skipped } = extractResources(source);
  if (resources.length === 0 && skipped.length === 0) return notManifest(file);
  return { ...file, status: 'manifest', source, resources, skipped };
}

/** The cheap test before any parse: no resource without both words. */
function mayHoldResources(text: string): boolean {
  return text.includes('apiVersion') && text.includes('kind');
}

function notManifest(file: FoundFile): FileEntry {
  return { ...file, status: 'not-manifest', resources: [], skipped: [] };
}
