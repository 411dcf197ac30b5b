/**
 * Starts and stops code-server (VS Code 1.100.3 for the web, pinned in test/e2e/code-server) for
 * one test: bound to 127.0.0.1 on a free port, no authentication, a fresh user-data folder with
 * quiet settings, HOME and TMPDIR inside the sandbox, and its own process group, so that stopping
 * it stops the extension host and our language server with it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, openSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { E2E_DIR } from './sandbox.mjs';
import { exitOf, waitFor } from './wait.mjs';

/** The code-server executable: $CODE_SERVER, else the pinned install of test/e2e/setup.sh. */
export function codeServerPath() {
  const path = process.env.CODE_SERVER || join(E2E_DIR, 'code-server', 'node_modules', '.bin', 'code-server');
  if (!existsSync(path)) throw new Error(`code-server not found at ${path}: run "bash test/e2e/setup.sh" first`);
  return path;
}

/** Settings that keep the workbench quiet and deterministic. */
const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'chat.commandCenter.enabled': false,
  'git.enabled': false,
  'editor.hover.delay': 300,
  'security.workspace.trust.enabled': false,
};

/** A port nobody listens on right now (the OS picks it). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Installs a .vsix into an extensions folder of the sandbox. */
export function installExtension(sandbox, vsix, extensionsDir = sandbox.dir('cs-ext')) {
  // The same user-data folder as the server: installing a language pack records it there.
  const result = spawnSync(codeServerPath(), ['--install-extension', vsix, '--extensions-dir', extensionsDir, '--user-data-dir', sandbox.dir('cs-data')], {
    env: sandbox.env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (result.status !== 0) throw new Error(`code-server --install-extension failed (${result.status ?? result.signal}): ${result.stdout}${result.stderr}`);
}

/**
 * Starts code-server on `folder`. Options: `extensionsDir`, `locale` (e.g. "zh-cn"), `settings`
 * (merged over the quiet defaults). Resolves once /healthz answers.
 */
export async function startCodeServer(sandbox, { folder, extensionsDir = sandbox.dir('cs-ext'), locale, settings = {} }) {
  const port = await freePort();
  const userData = sandbox.dir('cs-data');
  sandbox.dir('cs-data', 'User');
  writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...settings }, null, 2));
  const config = join(sandbox.root, `cs-${port}.yaml`);
  writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const args = [
    '--config', config,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir', userData,
    '--extensions-dir', extensionsDir,
    ...(locale ? ['--locale', locale] : []),
    folder,
  ];
  const log = join(sandbox.root, `cs-${port}.log`);
  const logFd = openSync(log, 'a');
  // detached: a new session and process group, so the whole tree can be stopped by its group id.
  const child = spawn(codeServerPath(), args, { env: sandbox.env, detached: true, stdio: ['ignore', logFd, logFd] });
  const url = `http://127.0.0.1:${port}`;
  const stop = () => stopGroup(child);
  try {
    await waitFor(async () => {
      if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}; see ${log}`);
      const response = await fetch(`${url}/healthz`);
      return response.ok;
    }, { timeoutMs: 60_000, what: `code-server on ${url}/healthz` });
  } catch (error) {
    await stop();
    throw error;
  }
  return { port, url, log, authority: `127.0.0.1:${port}`, stop };
}

/** Stops a process group: SIGTERM, and SIGKILL for whatever is left after 10 s. */
export async function stopGroup(child) {
  const pgid = child.pid;
  if (!pgid) return;
  const alive = () => {
    try {
      process.kill(-pgid, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (!alive()) return;
  try {
    process.kill(-pgid, 'SIGTERM');
  } catch {
    return;
  }
  await exitOf(child, 10_000);
  try {
    await waitFor(() => !alive(), { timeoutMs: 10_000, what: `process group ${pgid} to end` });
  } catch {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
}
