/**
 * What the extension-host suites share: the extension under test, the fixture workspace's files,
 * and waits on diagnostics that end on a condition (a change event or a poll), never on a delay.
 */
import * as vscode from 'vscode';

export const EXTENSION_ID = 'kube-checklist.kube-checklist';
export const SOURCE = 'kube-checklist';

/** A file of the opened fixture workspace (test/e2e/workspace, copied to a temporary folder). */
export function workspaceFile(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the tests need the fixture workspace open');
  return vscode.Uri.joinPath(folder.uri, ...relative.split('/'));
}

export async function openEditor(relative: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(relative));
  return vscode.window.showTextDocument(document);
}

/** Our diagnostics of a file. */
export function ourDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

/** The rule id of a diagnostic (its code, which links to the rule's documentation). */
export function ruleOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (typeof code === 'object' && code !== null) return String(code.value);
  return code === undefined ? undefined : String(code);
}

/** Waits until our diagnostics of `uri` satisfy `condition`; returns them. */
export async function waitForDiagnostics(uri: vscode.Uri, condition: (diagnostics: vscode.Diagnostic[]) => boolean, what: string, timeoutMs = 30_000): Promise<vscode.Diagnostic[]> {
  const met = () => {
    const current = ourDiagnostics(uri);
    return condition(current) ? current : undefined;
  };
  const now = met();
  if (now) return now;
  return new Promise((resolve, reject) => {
    const finish = (error?: Error, value?: vscode.Diagnostic[]) => {
      clearTimeout(timer);
      clearInterval(poll);
      listener.dispose();
      if (error) reject(error);
      else resolve(value ?? []);
    };
    const check = () => {
      const value = met();
      if (value) finish(undefined, value);
    };
    const listener = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) check();
    });
    // The event covers every publish; the poll only guards against a change made between checks.
    const poll = setInterval(check, 250);
    const timer = setTimeout(() => {
      const seen = ourDiagnostics(uri).map((d) => `${ruleOf(d)}@${d.range.start.line + 1}`).join(', ');
      finish(new Error(`Timed out after ${timeoutMs} ms waiting for ${what} in ${uri.path} (now: ${seen || 'none'})`));
    }, timeoutMs);
  });
}

/** The first of our diagnostics with this rule id, if any. */
export function findRule(diagnostics: vscode.Diagnostic[], ruleId: string): vscode.Diagnostic | undefined {
  return diagnostics.find((d) => ruleOf(d) === ruleId);
}

/** Updates a workspace setting and waits for nothing: callers wait on the effect they expect. */
export async function setSetting(section: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration().update(section, value, vscode.ConfigurationTarget.Workspace);
}

/** Waits until `condition` returns a value (checked on every event of `event` and by a poll). */
export async function waitUntil<T>(condition: () => T | undefined, event: vscode.Event<unknown>, what: string, timeoutMs = 30_000): Promise<T> {
  const now = condition();
  if (now !== undefined) return now;
  return new Promise<T>((resolve, reject) => {
    const check = () => {
      const value = condition();
      if (value === undefined) return;
      cleanup();
      resolve(value);
    };
    const listener = event(check);
    const poll = setInterval(check, 250);
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      clearInterval(poll);
      listener.dispose();
    };
  });
}
