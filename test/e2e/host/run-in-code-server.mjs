/**
 * Runs an extension test module (the @vscode/test-electron contract: a module exporting `run()`)
 * inside code-server's extension host: starts code-server on the workspace folder, opens the web
 * workbench in Chromium with the `extensionDevelopmentPath` and `extensionTestsPath` payload, and
 * resolves with the exit code the workbench reports through `codeAutomationExit` when `run()`
 * settles. The extension host's console reaches our stdout through `codeAutomationLog`.
 */
import { resolve } from 'node:path';
import { format } from 'node:util';
import { launchBrowser } from '../lib/browser.mjs';
import { startCodeServer } from '../lib/code-server.mjs';

/** The workbench's own chatter about connections and the (absent) gallery: not ours to print. */
const WORKBENCH_NOISE = /^(Resolving connection token|Resolved connection token|Creating a socket|Ignoring fetching additional builtin|No extension gallery service|\[Service Worker\]|ChatSessionStore|Updating additional builtin|\s*$)/;

/** How long a whole extension test run may take before it counts as hung. */
const RUN_TIMEOUT_MS = 240_000;

export async function runInCodeServer(sandbox, { extensionDevelopmentPath, extensionTestsPath, folder, locale }) {
  const server = await startCodeServer(sandbox, { folder, locale });
  let context;
  try {
    context = await launchBrowser(sandbox);
    const page = context.pages()[0] ?? (await context.newPage());
    let settle;
    const exited = new Promise((resolve) => (settle = resolve));
    await page.exposeFunction('codeAutomationExit', (code) => settle(Number(code)));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      // The host forwards console calls with their arguments: format them as console.log would.
      const line = format(...(Array.isArray(args) ? args : [args]));
      if (WORKBENCH_NOISE.test(line)) return;
      (type === 'error' ? process.stderr : process.stdout).write(`${line}\n`);
    });
    const remote = (path) => `vscode-remote://${server.authority}${resolve(path)}`;
    const payload = [
      ['extensionDevelopmentPath', remote(extensionDevelopmentPath)],
      ['extensionTestsPath', remote(extensionTestsPath)],
    ];
    const url = `${server.url}/?folder=${encodeURIComponent(resolve(folder))}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    await page.goto(url);
    let timer;
    const timedOut = new Promise((resolve) => {
      timer = setTimeout(() => {
        process.stderr.write(`Extension tests did not finish within ${RUN_TIMEOUT_MS / 1000} s (code-server log: ${server.log})\n`);
        resolve(124);
      }, RUN_TIMEOUT_MS);
    });
    const code = await Promise.race([exited, timedOut]);
    clearTimeout(timer);
    return code;
  } finally {
    await context?.close().catch(() => undefined);
    await server.stop();
  }
}
