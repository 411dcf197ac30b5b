/**
 * Runs lsp-client.lua in headless Neovim against the bundled server (dist/server.js), on a copy
 * of the fixture workspace, with HOME and XDG folders in the sandbox (Neovim writes its LSP log
 * and swap files there) and a hard time limit, since a headless Neovim that hits an error can
 * wait forever.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { stopGroup } from '../lib/code-server.mjs';
import { createSandbox, E2E_DIR, REPO_DIR } from '../lib/sandbox.mjs';
import { exitOf } from '../lib/wait.mjs';

const TIME_LIMIT_MS = 90_000;
const sandbox = createSandbox('nvim');
let code = 1;
try {
  const child = spawn(process.env.NVIM ?? 'nvim', ['--headless', '--clean', '-n', '-c', `luafile ${join(E2E_DIR, 'nvim', 'lsp-client.lua')}`], {
    env: { ...sandbox.env, KC_SERVER: join(REPO_DIR, 'dist', 'server.js'), KC_FILE: join(sandbox.workspace, 'deploy.yaml'), KC_ROOT: sandbox.workspace },
    cwd: sandbox.workspace,
    detached: true,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  child.once('error', (error) => console.error(`Neovim could not be started: ${error.message} (install the Debian package "neovim")`));
  const result = await exitOf(child, TIME_LIMIT_MS);
  if (result === undefined) {
    console.error(`Neovim did not finish within ${TIME_LIMIT_MS / 1000} s`);
    await stopGroup(child);
  } else {
    code = typeof result === 'number' ? result : 1;
  }
} finally {
  sandbox.dispose();
}
process.exit(code);
