/**
 * The baseline file of the editor (`kubeChecklist.baseline`, the file `kube-checklist audit
 * --baseline` reads), for both the live check of open documents and Audit Workspace: where it is
 * for a folder, and its entries, read again only when the file's modification time changes. An
 * absent or unreadable file is no baseline (the editor then shows every finding, as without one).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Baseline, parseBaseline } from '../core';
import type { ServerSettings } from './settings';

/** The baseline an editor uses: the file (absolute) and what becomes of the findings it holds. */
export interface BaselineUse {
  readonly absolute: string;
  readonly mode: 'hide' | 'hint';
}

export interface BaselineRead {
  readonly mtime: number;
  /** Undefined when the file is not a baseline (broken JSON, another format). */
  readonly baseline: Baseline | undefined;
}

/** The baseline of a folder's settings, if one is set; its path is relative to the folder. */
export function baselineUseOf(settings: Pick<ServerSettings, 'baseline' | 'baselineFindings'> | undefined, folderPath: string | undefined): BaselineUse | undefined {
  if (!settings?.baseline || folderPath === undefined) return undefined;
  return { absolute: path.resolve(folderPath, settings.baseline), mode: settings.baselineFindings };
}

export class BaselineFiles {
  private readonly read = new Map<string, BaselineRead>();

  /** The baseline file as last read; undefined when it does not exist. */
  at(absolute: string): BaselineRead | undefined {
    let mtime: number;
    try {
      mtime = fs.statSync(absolute).mtimeMs;
    } catch {
      return undefined;
    }
    const known = this.read.get(absolute);
    if (known && known.mtime === mtime) return known;
    let baseline: Baseline | undefined;
    try {
      const parsed = parseBaseline(fs.readFileSync(absolute, 'utf8'));
      baseline = 'entries' in parsed ? new Baseline(parsed.entries) : undefined;
    } catch {
      baseline = undefined;
    }
    const entry = { mtime, baseline };
    this.read.set(absolute, entry);
    return entry;
  }
}
