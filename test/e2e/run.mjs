/**
 * `npm run test:e2e`: the extension in real editors. Packs the .vsix (which builds the bundles),
 * compiles the extension-host suites, then runs, one after the other:
 *   host  the Mocha suites inside VS Code's extension host, through @vscode/test-electron
 *         (English, then the zh-cn display language);
 *   ui    the workbench in Chromium with the .vsix installed, screenshots in test-results/e2e;
 *   nvim  headless Neovim as a second LSP client;
 *   web   the web extension in the browser's extension host of code-server (Chromium); only with --only web for now.
 * Prints each suite's count and the total; exits with 1 when any test failed or a suite did not
 * report. `--only host,ui,nvim,web` picks suites; `--update-docs-images` refreshes docs/images.
 * What it needs (code-server, Chromium, Neovim) is installed by test/e2e/setup.sh.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromiumPath } from './lib/browser.mjs';
import { codeServerPath } from './lib/code-server.mjs';
import { E2E_DIR, REPO_DIR } from './lib/sandbox.mjs';

const SUITES = ['host', 'ui', 'nvim', 'web'];
/** Run when no --only is given. `web` is not yet among them: the server's worker does not connect in code-server (see CHANGELOG). */
const DEFAULT_SUITES = ['host', 'ui', 'nvim'];
const { values: options } = parseArgs({ options: { only: { type: 'string' }, 'update-docs-images': { type: 'boolean' } } });
const chosen = options.only ? options.only.split(',').map((s) => s.trim()) : DEFAULT_SUITES;
const unknown = chosen.filter((suite) => !SUITES.includes(suite));
if (unknown.length) {
  console.error(`unknown suite ${unknown.join(', ')}; the suites are ${SUITES.join(', ')}`);
  process.exit(2);
}

checkPrerequisites();
const started = Date.now();
const work = mkdtempSync(join(tmpdir(), 'kc-e2e-'));
const vsix = join(work, 'kube-checklist.vsix');
let exitCode = 0;
try {
  run('pack the extension (builds the bundles)', process.execPath, [join(REPO_DIR, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '-o', vsix]);
  run('compile the extension-host suites', process.execPath, [join(REPO_DIR, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(E2E_DIR, 'tsconfig.json')]);
  const commands = {
    host: [join(E2E_DIR, 'host', 'run-host.mjs')],
    ui: [join(E2E_DIR, 'ui', 'workbench.mjs'), '--vsix', vsix, ...(options['update-docs-images'] ? ['--update-docs-images'] : [])],
    nvim: [join(E2E_DIR, 'nvim', 'run-nvim.mjs')],
    web: [join(E2E_DIR, 'web', 'web-workbench.mjs'), '--vsix', vsix, ...(options['update-docs-images'] ? ['--update-docs-images'] : [])],
  };
  const results = [];
  for (const suite of chosen) results.push({ suite, ...(await runSuite(suite, commands[suite])) });
  console.log('\nEnd-to-end results');
  for (const { suite, counts, code, ms } of results) {
    const tally = counts.map((c) => `${c.label}: ${c.passed} passed, ${c.failed} failed`).join('; ') || 'no result reported';
    console.log(`  ${suite.padEnd(5)} ${(ms / 1000).toFixed(1).padStart(5)} s  exit ${code}  ${tally}`);
  }
  const passed = results.flatMap((r) => r.counts).reduce((sum, c) => sum + c.passed, 0);
  const failed = results.flatMap((r) => r.counts).reduce((sum, c) => sum + c.failed, 0);
  const broken = results.filter((r) => r.code !== 0 || r.counts.length === 0);
  console.log(`# e2e: ${passed + failed} tests run, ${passed} passed, ${failed} failed, in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  if (failed || broken.length) exitCode = 1;
} catch (error) {
  console.error(error.message ?? error);
  exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
process.exit(exitCode);

function checkPrerequisites() {
  const missing = [];
  try {
    codeServerPath();
  } catch (error) {
    missing.push(error.message);
  }
  try {
    chromiumPath();
  } catch (error) {
    missing.push(error.message);
  }
  // Even `nvim --version` writes ~/.cache/nvim/log: ask it with a throwaway cache folder.
  const scratch = mkdtempSync(join(tmpdir(), 'kc-nvim-check-'));
  const nvim = spawnSync(process.env.NVIM ?? 'nvim', ['--version'], { stdio: 'ignore', env: { ...process.env, HOME: scratch, XDG_CACHE_HOME: scratch, XDG_STATE_HOME: scratch } });
  rmSync(scratch, { recursive: true, force: true });
  if (nvim.status !== 0) missing.push('Neovim not found: install the Debian package "neovim" or set $NVIM');
  if (!missing.length) return;
  console.error(`The end-to-end tests need:\n  ${missing.join('\n  ')}\nInstall everything with: bash test/e2e/setup.sh`);
  process.exit(2);
}

function run(what, command, args) {
  console.log(`> ${what}`);
  const result = spawnSync(command, args, { cwd: REPO_DIR, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${what} failed (${result.status ?? result.signal}):\n${result.stdout}`);
}

/** Runs a suite's script, echoing its output and collecting its `# e2e <label>: N passed, M failed` lines. */
function runSuite(suite, args) {
  console.log(`\n> ${suite}`);
  const begin = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: REPO_DIR, stdio: ['ignore', 'pipe', 'inherit'] });
    const counts = [];
    let pending = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop();
      for (const line of lines) {
        const match = /^# e2e ([\w-]+): (\d+) passed, (\d+) failed/.exec(line.trim());
        if (match) counts.push({ label: match[1], passed: Number(match[2]), failed: Number(match[3]) });
      }
    });
    child.on('close', (code, signal) => resolve({ counts, code: code ?? signal, ms: Date.now() - begin }));
  });
}
