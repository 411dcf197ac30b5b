/**
 * The temporary world of one end-to-end run: a short folder under the system temp directory with
 * its own HOME, XDG folders and TMPDIR (code-server, the extension host, Chromium and Neovim all
 * write there instead of the user's home), a fresh copy of the fixture workspace, and the
 * environment that points every child process at it. Removed when the run ends.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const E2E_DIR = fileURLToPath(new URL('..', import.meta.url));
export const REPO_DIR = join(E2E_DIR, '..', '..');
const FIXTURE_WORKSPACE = join(E2E_DIR, 'workspace');

/** Creates a sandbox (with a copy of the fixture workspace unless told not to). The path stays short: unix socket paths under TMPDIR are limited to ~107 bytes. */
export function createSandbox(label, { workspace: copyWorkspace = true } = {}) {
  const root = mkdtempSync(join(tmpdir(), `kc-${label}-`));
  const dir = (...parts) => {
    const path = join(root, ...parts);
    mkdirSync(path, { recursive: true });
    return path;
  };
  const home = dir('home');
  const workspace = join(root, 'ws');
  if (copyWorkspace) cpSync(FIXTURE_WORKSPACE, workspace, { recursive: true });
  const env = {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: dir('home', '.config'),
    XDG_DATA_HOME: dir('home', '.local', 'share'),
    XDG_CACHE_HOME: dir('home', '.cache'),
    XDG_STATE_HOME: dir('home', '.local', 'state'),
    TMPDIR: dir('t'),
    // No extension gallery: the default (open-vsx.org) is unreachable and only adds noise.
    EXTENSIONS_GALLERY: '{}',
  };
  return {
    root,
    home,
    workspace,
    env,
    dir,
    dispose() {
      if (process.env.KC_E2E_KEEP) {
        console.log(`# kept ${root}`);
        return;
      }
      rmSync(root, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}
