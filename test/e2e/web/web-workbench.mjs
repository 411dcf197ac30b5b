/**
 * The web suite: the extension as a web extension, in the browser's extension host of a real VS
 * Code for the web (code-server 4.100.3 in Chromium). `remote.extensionKind` makes the workbench run
 * it as `web`, so it loads package.json's `browser` entry (dist/web/extension.js) in the web worker
 * extension host and starts dist/web/server.js in a web worker of its own; the language status item
 * only that entry creates, and the server's own line "running in a web worker (Node process: absent)"
 * in the output channel, prove it. Then, as in the ui suite: the squiggle on the exact token, the
 * hover, a quick fix applied. Screenshots go to test-results/e2e/shots/web-*.png.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { launchBrowser } from '../lib/browser.mjs';
import { installExtension, startCodeServer } from '../lib/code-server.mjs';
import { createSandbox, REPO_DIR } from '../lib/sandbox.mjs';
import { assertSquiggleUnder, pickFromQuickInput, selectQuickFix, stepRunner } from '../lib/workbench-steps.mjs';

const { values: options } = parseArgs({ options: { vsix: { type: 'string' }, 'update-docs-images': { type: 'boolean' } } });
if (!options.vsix) {
  console.error('usage: web-workbench.mjs --vsix kube-checklist.vsix [--update-docs-images]');
  process.exit(2);
}

const EXTENSION_ID = 'kube-checklist.kube-checklist';
const SHOTS = join(REPO_DIR, 'test-results', 'e2e', 'shots');
const DOCS_IMAGES = ['web-01-squiggle', 'web-03-quick-fix-applied'];
const TIMEOUT = 30_000;

const sandbox = createSandbox('web');
let server;
let context;
let page;
const workerLog = [];
const consoleErrors = [];
try {
  installExtension(sandbox, options.vsix);
  server = await startCodeServer(sandbox, {
    folder: sandbox.workspace,
    settings: { 'workbench.colorTheme': 'Default Light Modern', 'editor.fontSize': 14, 'remote.extensionKind': { [EXTENSION_ID]: ['web'] } },
  });
  context = await launchBrowser(sandbox);
  page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(TIMEOUT);
  // Web workers of the page: the web extension host and, inside it, our server.
  page.on('worker', (worker) => workerLog.push(worker.url()));
  page.on('console', (message) => {
    if (message.type() === 'error' && /kube|checklist|worker/i.test(message.text())) consoleErrors.push(message.text().slice(0, 300));
  });
  mkdirSync(SHOTS, { recursive: true });
} catch (error) {
  await context?.close().catch(() => undefined);
  await server?.stop();
  sandbox.dispose();
  console.log(`  ✘ the workbench could not be started: ${error.message ?? error}`);
  console.log('# e2e web: 0 passed, 1 failed');
  process.exit(1);
}

const { step, stopped, counts } = stepRunner(page, SHOTS);

const editor = page.locator('.monaco-editor[data-uri$="deploy.yaml"]');
const errorSquiggle = editor.locator('.squiggly-error');

console.log('Web extension in the browser extension host (code-server + Chromium), extension from the .vsix');
try {
  await step('the workbench opens the fixture workspace', null, async () => {
    await page.goto(`${server.url}/?folder=${encodeURIComponent(sandbox.workspace)}`);
    await page.locator('.monaco-workbench').waitFor();
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'deploy.yaml' }).waitFor();
  });

  await step('the web entry runs: its language status says what the browser cannot do, and the server is a web worker', 'web-00-status', async () => {
    await pickFromQuickInput(page, 'Control+P', 'deploy.yaml', 'deploy.yaml');
    await editor.locator('.view-lines', { hasText: 'privileged: true' }).waitFor();
    await page.locator('.statusbar-item.language-status-item, .statusbar-item[id*="language-status"], #status\\.languageStatus').first().click();
    await page.getByText('Browser: no Kustomize or Helm rendering').first().waitFor();
    await page.keyboard.press('Escape');
    // The server says where it runs once initialized (server/src/web/main.ts).
    await pickFromQuickInput(page, 'F1', '>Kubernetes Checklist: Show Output', 'Show Output');
    await page.getByText('language server running in a web worker (Node process: absent)').first().waitFor();
    await pickFromQuickInput(page, 'Control+P', 'deploy.yaml', 'deploy.yaml');
  });

  await step('opening deploy.yaml puts an error squiggle exactly under `true` of `privileged: true`', 'web-01-squiggle', async () => {
    await assertSquiggleUnder(editor, errorSquiggle, 'privileged: true', 'true');
  });

  await step('hovering the squiggle explains the rule', 'web-02-hover', async () => {
    const box = await errorSquiggle.boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 - 4);
    const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'Privileged containers' });
    await hover.waitFor();
    const text = await hover.innerText();
    if (!/pss-privileged/.test(text)) throw new Error(`hover text: ${text}`);
  });

  await step('Ctrl+. "Set securityContext.privileged to false" rewrites the value and the squiggle goes away', 'web-03-quick-fix-applied', async () => {
    await page.keyboard.press('Escape');
    await selectQuickFix(page, errorSquiggle, 'Set securityContext.privileged to false');
    await page.keyboard.press('Enter');
    await editor.locator('.view-lines', { hasText: 'privileged: false' }).waitFor();
    await errorSquiggle.waitFor({ state: 'detached' });
  });
} catch (error) {
  stopped(error);
} finally {
  await context.close().catch(() => undefined);
  await server.stop();
  if (counts().failed) console.log(`  code-server log: ${server.log}; ${workerLog.length} workers seen; console errors: ${consoleErrors.join(' | ') || 'none'}`);
  sandbox.dispose();
}

const { passed, failed } = counts();
if (options['update-docs-images'] && !failed) {
  mkdirSync(join(REPO_DIR, 'docs', 'images'), { recursive: true });
  for (const name of DOCS_IMAGES) copyFileSync(join(SHOTS, `${name}.png`), join(REPO_DIR, 'docs', 'images', `e2e-${name}.png`));
}
console.log(`# e2e web: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

