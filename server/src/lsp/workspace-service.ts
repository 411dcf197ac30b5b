/**
 * The workspace index in the language server: for each workspace folder, every manifest file read
 * and parsed once (background indexing with work-done progress at start), kept current from
 * workspace/didChangeWatchedFiles without re-reading files whose modification time and size did not
 * change, and turned into a core WorkspaceIndex on demand, with open documents in place of their
 * disk contents. Folders are refreshed one operation at a time (indexing, an audit, file events).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Connection, FileEvent, WorkspaceFolder } from 'vscode-languageserver/node';
import { FileChangeType } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { WorkspaceIndex, WorkspaceFileInput } from '../core';
import { parseFilesExclude } from '../core/workspace/glob';
import { TreeFilter } from '../host/workspace-walker';
import { MAX_FILE_BYTES } from '../host/read-source';
import { SLICED_ANALYSIS_THRESHOLD, slicingWhile } from './sliced-analysis';
import { entryFromSource, entryFromText, EntryStatus, FileEntry, FolderFilters, FoundFile, isManifestPath, readEntry, readEntryReusing, readEntrySliced, walkFolder, fsPathOf } from './workspace-scanner';
import { workspaceMessage } from './workspace-messages';
import type { Locale, SourceFile } from '../core';

export interface FolderState {
  readonly uri: string;
  readonly fsPath: string;
  readonly name: string;
  readonly entries: Map<string, FileEntry>;
  filters: FolderFilters;
  /** Bumped on every change of `entries`. */
  generation: number;
  /** True once the first indexing finished. */
  ready: boolean;
  queue: Promise<unknown>;
  cached?: { readonly key: string; readonly index: WorkspaceIndex };
}

export interface FolderIndex {
  readonly folder: FolderState;
  readonly index: WorkspaceIndex;
  /** Changes whenever the index would differ (disk or open documents). */
  readonly key: string;
}

export interface RefreshProgress {
  (done: number, total: number): void;
}

/** The indexing progress is reported at most this often (milliseconds). */
const REPORT_EVERY_MS = 100;

export class WorkspaceService {
  readonly folders = new Map<string, FolderState>();
  private readonly notedSkips = new Map<string, EntryStatus>();
  private readonly overrides = new Map<string, { version: number; entry: FileEntry }>();
  /** Parses of open documents handed over by the live check, turned into entries only when needed. */
  private readonly primed = new Map<string, { version: number; source: SourceFile }>();
  private readonly listeners: (() => void)[] = [];

  constructor(
    private readonly connection: Connection,
    private readonly openDocuments: () => readonly TextDocument[],
    private readonly locale: () => Locale,
    private readonly filesSettings: (folderUri: string) => Promise<unknown>,
    private readonly maxFileBytes: (folderUri: string) => Promise<number> = () => Promise.resolve(MAX_FILE_BYTES),
  ) {}

  /** Called after any change of the indexed files. */
  onDidChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  setFolders(folders: readonly WorkspaceFolder[]): void {
    const wanted = new Set(folders.map((folder) => folder.uri));
    for (const uri of [...this.folders.keys()]) if (!wanted.has(uri)) this.folders.delete(uri);
    for (const folder of folders) {
      if (this.folders.has(folder.uri) || !folder.uri.startsWith('file:')) continue;
      this.folders.set(folder.uri, {
        uri: folder.uri,
        fsPath: fileURLToPath(folder.uri),
        name: folder.name,
        entries: new Map(),
        filters: { tree: new TreeFilter(fileURLToPath(folder.uri)) },
        generation: 0,
        ready: false,
        queue: Promise.resolve(),
      });
    }
  }

  /** The folder holding the uri (the innermost one for nested folders). */
  folderOf(uri: string): FolderState | undefined {
    let best: FolderState | undefined;
    for (const folder of this.folders.values()) {
      const prefix = folder.uri.endsWith('/') ? folder.uri : `${folder.uri}/`;
      if (uri.startsWith(prefix) && (!best || folder.uri.length > best.uri.length)) best = folder;
    }
    return best;
  }

  /** Runs an operation on a folder after the ones already queued for it. */
  private enqueue<T>(folder: FolderState, operation: () => Promise<T>): Promise<T> {
    const next = folder.queue.then(operation, operation);
    folder.queue = next.catch(() => undefined);
    return next;
  }

  /** Indexes every folder in the background, with work-done progress (created by the server). */
  async indexAll(): Promise<void> {
    const folders = [...this.folders.values()];
    if (folders.length === 0) return;
    const reporter = await this.connection.window.createWorkDoneProgress();
    const locale = this.locale();
    reporter.begin(workspaceMessage('indexingTitle', locale), 0, workspaceMessage('indexingStart', locale), false);
    const started = Date.now();
    let lastReport = 0;
    let counted = 0;
    try {
      for (const folder of folders) {
        await this.refresh(folder, () => false, (done, total) => {
          const now = Date.now();
          if (now - lastReport < REPORT_EVERY_MS && done < total) return;
          lastReport = now;
          reporter.report(total ? Math.round((done / total) * 100) : 100, workspaceMessage('indexingFiles', locale, { done, total }));
        });
        folder.ready = true;
        counted += [...folder.entries.values()].filter((entry) => entry.status === 'manifest').length;
      }
    } finally {
      reporter.done();
    }
    this.connection.console.info(`Workspace index: ${counted} manifest files in ${folders.length} folder(s), ${Date.now() - started} ms.`);
    this.changed();
  }

  /**
   * Brings a folder's entries up to date with the disk: walks it, keeps entries whose mtime and
   * size are unchanged, reads the others, drops the ones gone. Returns the number of files read.
   */
  refresh(folder: FolderState, shouldStop: () => boolean, progress?: RefreshProgress): Promise<number> {
    return this.enqueue(folder, async () => {
      folder.filters = await this.loadFilters(folder);
      const found = await walkFolder(folder.filters, shouldStop);
      if (shouldStop()) return 0;
      const seen = new Set<string>();
      let read = 0;
      let lastYield = Date.now();
      for (let i = 0; i < found.length; i++) {
        const file = found[i];
        seen.add(file.uri);
        const existing = folder.entries.get(file.uri);
        if (!existing || existing.mtimeMs !== file.mtimeMs || existing.size !== file.size) {
          this.store(folder, await this.readOrReuse(folder, file));
          read++;
        }
        progress?.(i + 1, found.length);
        if (Date.now() - lastYield > 15) {
          await new Promise((resolve) => setImmediate(resolve));
          lastYield = Date.now();
          if (shouldStop()) return read;
        }
      }
      for (const uri of [...folder.entries.keys()]) {
        if (!seen.has(uri)) {
          folder.entries.delete(uri);
          folder.generation++;
        }
      }
      return read;
    });
  }

  private store(folder: FolderState, entry: FileEntry): void {
    folder.entries.set(entry.uri, entry);
    folder.generation++;
    if (entry.status === 'too-large' || entry.status === 'binary' || entry.status === 'unreadable') {
      if (this.notedSkips.get(entry.uri) !== entry.status) {
        this.notedSkips.set(entry.uri, entry.status);
        this.connection.console.info(`${entry.relativePath}: ${workspaceMessage(entry.status === 'too-large' ? 'skippedLarge' : entry.status === 'binary' ? 'skippedBinary' : 'skippedUnreadable', 'en', { reason: entry.reason ?? '' })}`);
      }
    } else {
      this.notedSkips.delete(entry.uri);
    }
  }

  private async loadFilters(folder: FolderState): Promise<FolderFilters> {
    let filesExclude: ReturnType<typeof parseFilesExclude> = [];
    try {
      const settings = (await this.filesSettings(folder.uri)) as { exclude?: unknown } | null | undefined;
      filesExclude = parseFilesExclude(settings?.exclude);
    } catch {
      // keep none
    }
    const maxFileBytes = await this.maxFileBytes(folder.uri).catch(() => MAX_FILE_BYTES);
    return { tree: new TreeFilter(folder.fsPath, filesExclude), maxFileBytes };
  }

  /**
   * workspace/didChangeWatchedFiles: created and changed files are read again unless their mtime and
   * size are those already indexed; deleted files (or folders) leave the index; a changed root
   * .gitignore refreshes the folder. Returns whether anything changed.
   */
  async filesChanged(changes: readonly FileEvent[]): Promise<boolean> {
    let changedAny = false;
    const refreshes = new Set<FolderState>();
    for (const change of changes) {
      const folder = this.folderOf(change.uri);
      if (!folder) continue;
      const fsPath = fsPathOf(change.uri);
      if (!fsPath) continue;
      const relativePath = path.relative(folder.fsPath, fsPath).split(path.sep).join('/');
      if (relativePath === '.gitignore' || relativePath.endsWith('/.gitignore')) {
        refreshes.add(folder);
        continue;
      }
      const updated = await this.enqueue(folder, async () => {
        if (change.type === FileChangeType.Deleted) {
          let removed = false;
          for (const uri of [...folder.entries.keys()]) {
            if (uri === change.uri || uri.startsWith(`${change.uri}/`)) {
              folder.entries.delete(uri);
              removed = true;
            }
          }
          if (removed) folder.generation++;
          return removed;
        }
        if (!isManifestPath(fsPath)) return false;
        let stat: fs.Stats;
        try {
          stat = await fs.promises.stat(fsPath);
        } catch {
          return false;
        }
        const existing = folder.entries.get(change.uri);
        if (existing && existing.mtimeMs === stat.mtimeMs && existing.size === stat.size) return false;
        if (!existing && !this.passesFilters(folder, relativePath)) return false;
        this.store(folder, await readEntry({ uri: change.uri, fsPath, relativePath, mtimeMs: stat.mtimeMs, size: stat.size }, folder.filters.maxFileBytes));
        return true;
      });
      changedAny ||= updated;
    }
    for (const folder of refreshes) {
      const before = folder.generation;
      await this.refresh(folder, () => false);
      changedAny ||= folder.generation !== before;
    }
    if (changedAny) this.changed();
    return changedAny;
  }

  private passesFilters(folder: FolderState, relativePath: string): boolean {
    return !folder.filters.tree.excludes(relativePath, false);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }

  /** An open document as an entry (parsed once per version). */
  private overrideEntry(document: TextDocument, folder: FolderState): FileEntry {
    const cached = this.overrides.get(document.uri);
    if (cached && cached.version === document.version) return cached.entry;
    const primed = this.primed.get(document.uri);
    const source = primed && primed.version === document.version ? primed.source : undefined;
    const fsPath = fsPathOf(document.uri) ?? document.uri;
    const relativePath = path.relative(folder.fsPath, fsPath).split(path.sep).join('/');
    const found: FoundFile = { uri: document.uri, fsPath, relativePath, mtimeMs: 0, size: 0 };
    const entry = source ? entryFromSource(found, source) : entryFromText(found, document.getText());
    this.overrides.set(document.uri, { version: document.version, entry });
    return entry;
  }

  /**
   * A file from disk. An open file is not read: its open text counts until it is closed (see
   * `closed`), so a big generated file is parsed once, by the editor's check, not also here.
   */
  private async readOrReuse(folder: FolderState, file: FoundFile): Promise<FileEntry> {
    const maxBytes = folder.filters.maxFileBytes ?? MAX_FILE_BYTES;
    const isOpen = () => this.openDocuments().some((document) => document.uri === file.uri);
    const deferred: FileEntry = { ...file, status: 'not-manifest', resources: [], skipped: [], deferred: true };
    if (file.size <= maxBytes && isOpen()) return deferred;
    if (file.size < SLICED_ANALYSIS_THRESHOLD) return readEntry(file, maxBytes);
    // A big file is parsed in slices, and dropped as soon as the editor opens it (as at start-up,
    // when the editor's first document is often the file being indexed).
    return (await readEntrySliced(file, maxBytes, slicingWhile(() => !isOpen()))) ?? deferred;
  }

  /** Hands the index a parse of an open document made elsewhere (in slices), so it is not parsed twice. */
  prime(document: TextDocument, source: SourceFile): void {
    // Kept as it is: extracting the resources of a big file on every keystroke would cost more than
    // the incremental check itself, and the index needs them only when another file asks.
    if (this.folderOf(document.uri) && source.text === document.getText()) this.primed.set(document.uri, { version: document.version, source });
  }

  /**
   * A document opened again while open (a client may send didOpen twice): its new text may carry
   * the same version, so nothing keyed by uri and version is reused, and the folder's index is new.
   */
  reopened(uri: string): void {
    this.overrides.delete(uri);
    this.primed.delete(uri);
    const folder = this.folderOf(uri);
    if (folder) folder.generation++;
  }

  /** Forgets the parse of a closed document, and reads the file from disk if the index deferred it. */
  closed(uri: string): void {
    // The last parse of the open text: reused if the disk holds the same text.
    const lastParse = this.overrides.get(uri)?.entry.source ?? this.primed.get(uri)?.source;
    this.overrides.delete(uri);
    this.primed.delete(uri);
    const folder = this.folderOf(uri);
    const deferred = folder?.entries.get(uri);
    if (!folder || !deferred?.deferred) return;
    void this.enqueue(folder, async () => {
      if (folder.entries.get(uri) !== deferred) return false;
      this.store(folder, await readEntryReusing(deferred, folder.filters.maxFileBytes, lastParse));
      return true;
    }).then((stored) => {
      if (stored) this.changed();
    });
  }

  /** The parsed source the index uses for an open document (so that findings and positions agree). */
  sourceOf(document: TextDocument): FileEntry | undefined {
    const folder = this.folderOf(document.uri);
    return folder ? this.overrideEntry(document, folder) : undefined;
  }

  /**
   * The folder's index with open documents in place of their disk contents (open documents that
   * are not on disk yet count too), or undefined before the folder's first indexing finished.
   */
  indexFor(folder: FolderState, includeUnready = false): FolderIndex | undefined {
    if (!folder.ready && !includeUnready) return undefined;
    const open = this.openDocuments().filter((document) => this.folderOf(document.uri) === folder && isManifestPath(document.uri));
    const key = `${folder.generation}|${open.map((document) => `${document.uri}@${document.version}`).sort().join(',')}`;
    if (folder.cached?.key === key) return { folder, index: folder.cached.index, key };
    const overrides = new Map(open.map((document) => [document.uri, this.overrideEntry(document, folder)]));
    const inputs: WorkspaceFileInput[] = [];
    const uris = new Set([...folder.entries.keys(), ...overrides.keys()]);
    for (const uri of [...uris].sort()) {
      const entry = overrides.get(uri) ?? folder.entries.get(uri)!;
      if (entry.status !== 'manifest' || !entry.source) continue;
      inputs.push({ uri: entry.uri, path: entry.relativePath, source: entry.source, resources: entry.resources, skipped: entry.skipped });
    }
    inputs.sort((a, b) => comparePaths(a.path ?? a.uri, b.path ?? b.uri));
    const index = new WorkspaceIndex(inputs);
    folder.cached = { key, index };
    return { folder, index, key };
  }

  /** Counts of the folder's files by status. */
  counts(folder: FolderState): Record<EntryStatus, number> {
    const counts: Record<EntryStatus, number> = { manifest: 0, 'not-manifest': 0, 'too-large': 0, binary: 0, unreadable: 0 };
    for (const entry of folder.entries.values()) {
      const open = entry.deferred ? this.openDocuments().find((document) => document.uri === entry.uri) : undefined;
      counts[open ? this.overrideEntry(open, folder).status : entry.status]++;
    }
    return counts;
  }
}


/** Segment by segment in code-unit order, as the CLI sorts paths. */
function comparePaths(a: string, b: string): number {
  const left = a.split('/');
  const right = b.split('/');
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    if (left[i] !== right[i]) return left[i] < right[i] ? -1 : 1;
  }
  return left.length - right.length;
}
