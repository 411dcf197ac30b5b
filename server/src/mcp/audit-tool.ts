/**
 * The audit_path tool: a folder or file under one of the server's roots goes through the one
 * audit of the CLI and Audit Workspace (`collectFiles` + `auditInputs`) and comes back as the
 * JSON report (findings, totals, scorecard). The roots are what the client declares through MCP
 * roots/list, or the working directory when it declares none; a path is compared after realpath,
 * so a symbolic link cannot lead outside them. Anything outside is refused, never read.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_OPTIONS, Locale, redactSecrets, selectRules } from '../core';
import { auditInputs } from '../host/audit';
import { collectFiles } from '../host/collect-files';
import { readSourceFile } from '../host/read-source';
import { AUDIT_FORMATTERS } from '../report/audit-format';
import { recordWarnings } from '../report/audit-report';
import { palette } from '../report/palette';
import { isInsideFolder } from '../report/paths';
import { mcpMessage } from './mcp-messages';

export type AuditOutcome = { readonly ok: true; readonly report: Record<string, unknown> } | { readonly ok: false; readonly message: string };

/** The real paths of the roots: `file:` URIs of the client, else the working directory. */
export function realRoots(rootUris: readonly string[] | undefined, cwd: string): string[] {
  const candidates = rootUris && rootUris.length > 0 ? rootUris.filter((uri) => uri.startsWith('file:')).map((uri) => fileURLToPath(uri)) : [cwd];
  const roots: string[] = [];
  for (const candidate of candidates) {
    try {
      roots.push(fs.realpathSync(candidate));
    } catch {
      // A root that does not exist holds nothing to audit.
    }
  }
  return roots;
}

export async function auditPath(requested: string, roots: readonly string[], locale: Locale): Promise<AuditOutcome> {
  const shown = redactSecrets(requested);
  // A relative path is read against the first root, as an agent would name it from the project.
  const base = roots[0];
  if (base === undefined) return { ok: false, message: mcpMessage('outsideRoots', locale, { path: shown }) };
  let real: string;
  try {
    real = fs.realpathSync(path.resolve(base, requested));
  } catch {
    return { ok: false, message: mcpMessage('notFound', locale, { path: shown }) };
  }
  const root = roots.find((candidate) => isInsideFolder(real, candidate));
  if (root === undefined) return { ok: false, message: mcpMessage('outsideRoots', locale, { path: shown }) };
  try {
    const { warn, notifications } = recordWarnings(() => undefined);
    const inputs = await collectFiles([real], root, locale, warn);
    const selection = selectRules(DEFAULT_OPTIONS);
    const report = await auditInputs(
      inputs,
      { primary: selection, selectionOf: () => selection, selectionAt: () => selection, suppressionsOf: () => undefined },
      (input) => readSourceFile(input.absolute),
      warn,
      locale,
      notifications,
    );
    const json = AUDIT_FORMATTERS.json!(report, { locale, colors: palette(false), cwd: root, kubernetesVersion: DEFAULT_OPTIONS.kubernetesVersion });
    return { ok: true, report: JSON.parse(json) as Record<string, unknown> };
  } catch (error) {
    return { ok: false, message: mcpMessage('auditFailed', locale, { reason: redactSecrets(error instanceof Error ? error.message : String(error)) }) };
  }
}
