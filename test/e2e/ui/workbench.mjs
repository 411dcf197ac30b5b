/**
 * The UI tests: what a user sees in a real VS Code workbench (code-server 4.100.3 in Debian's
 * Chromium, driven by playwright-core), with the extension installed from the packaged .vsix.
 * Each step is a test that waits on conditions of the page (no sleeps), takes a screenshot into
 * test-results/e2e/shots, and stops the run at the first failure, since each builds on the last.
 * `--vsix FILE` names the package to install; `--update-docs-images` also copies the screenshots
 * the README shows into docs/images.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { launchBrowser } from '../lib/browser.mjs';
import { installExtension, startCodeServer } from '../lib/code-server.mjs';
import { createSandbox, REPO_DIR } from '../lib/sandbox.mjs';
import { assertSquiggleUnder, pickFromQuickInput as pick, selectQuickFix, stepRunner } from '../lib/workbench-steps.mjs';

const { values: options } = parseArgs({ options: { vsix: { type: 'string' }, 'update-docs-images': { type: 'boolean' } } });
if (!options.vsix) {
  console.error('usage: workbench.mjs --vsix kube-checklist.vsix [--update-docs-images]');
  process.exit(2);
}

const SHOTS = join(REPO_DIR, 'test-results', 'e2e', 'shots');
/** Screenshots shown in README.md, by step file name. */
const DOCS_IMAGES = ['01-squiggle', '03-hover', '04-quick-fix-menu', '07-audit-report'];
const TIMEOUT = 30_000;

const sandbox = createSandbox('ui');
let server;
let context;
let page;
try {
  addBulkManifests(sandbox.workspace, 300);
  installExtension(sandbox, options.vsix);
  server = await startCodeServer(sandbox, { folder: sandbox.workspace, settings: { 'workbench.colorTheme': 'Default Light Modern', 'editor.fontSize': 14 } });
  context = await launchBrowser(sandbox);
  page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(TIMEOUT);
  mkdirSync(SHOTS, { recursive: true });
} catch (error) {
  // Nothing ran: stop what did start, remove the sandbox, and say why.
  await context?.close().catch(() => undefined);
  await server?.stop();
  sandbox.dispose();
  console.log(`  ✘ the workbench could not be started: ${error.message ?? error}`);
  console.log('# e2e ui: 0 passed, 1 failed');
  process.exit(1);
}

const { step, stopped, counts } = stepRunner(page, SHOTS);

const editor = page.locator('.monaco-editor[data-uri$="deploy.yaml"]');
const errorSquiggle = editor.locator('.squiggly-error');
const privilegedRow = page.locator('.markers-panel .monaco-list-row', { hasText: 'must not set securityContext.privileged=true' });

console.log('UI in a real workbench (code-server + Chromium), extension from the .vsix');
try {
  await step('the workbench opens the fixture workspace', '00-workbench', async () => {
    await page.goto(`${server.url}/?folder=${encodeURIComponent(sandbox.workspace)}`);
    await page.locator('.monaco-workbench').waitFor();
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'deploy.yaml' }).waitFor();
  });

  await step('opening deploy.yaml puts an error squiggle exactly under `true` of `privileged: true`', '01-squiggle', async () => {
    await pickFromQuickInput('Control+P', 'deploy.yaml', 'deploy.yaml');
    await editor.locator('.view-lines', { hasText: 'privileged: true' }).waitFor();
    await assertSquiggleUnder(editor, errorSquiggle, 'privileged: true', 'true');
  });

  await step('the Problems panel lists the finding with its rule id and position', '02-problems', async () => {
    await page.keyboard.press('Control+Shift+M');
    await privilegedRow.waitFor();
    const text = await privilegedRow.innerText();
    for (const part of ['pss-privileged', 'kube-checklist', '[Ln 20, Col 25]']) {
      if (!text.includes(part)) throw new Error(`row "${text}" lacks ${part}`);
    }
  });

  await step('hovering the squiggle explains the rule and its checklist item', '03-hover', async () => {
    const box = await errorSquiggle.boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 - 4);
    const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'Privileged containers' });
    await hover.waitFor();
    // The hover's "Quick Fix" link comes once the workbench has the code actions: wait for it.
    await hover.filter({ hasText: 'Quick Fix' }).waitFor({ timeout: 15000 }).catch(() => undefined);
    const text = await hover.innerText();
    if (!/pss-privileged/.test(text) || !/Quick Fix/.test(text)) throw new Error(`hover text: ${text}`);
  });

  await step('Ctrl+. offers "Set securityContext.privileged to false"', '04-quick-fix-menu', async () => {
    await page.keyboard.press('Escape');
    await selectQuickFix(page, errorSquiggle, 'Set securityContext.privileged to false');
  });

  await step('applying the quick fix rewrites the value and the squiggle and Problems row go away', '05-quick-fix-applied', async () => {
    await page.keyboard.press('Enter');
    await editor.locator('.view-lines', { hasText: 'privileged: false' }).waitFor();
    await errorSquiggle.waitFor({ state: 'detached' });
    await privilegedRow.waitFor({ state: 'detached' });
  });

  await step('F1 "Kubernetes Checklist: Audit Workspace" shows its progress', '06-audit-progress', async () => {
    await pickFromQuickInput('F1', '>Kubernetes Checklist: Audit Workspace', 'Audit Workspace');
    await page.locator('.notifications-toasts .notification-list-item', { hasText: 'auditing the workspace' }).waitFor();
  });

  await step('the audit report opens with the checklist scorecard, and unopened files get Problems rows', '07-audit-report', async () => {
    await page.locator('.tab', { hasText: 'Checklist Audit' }).waitFor();
    const report = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    await report.getByText('Findings', { exact: false }).first().waitFor();
    await report.getByText('Pod Security', { exact: false }).first().waitFor();
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'nightly.yaml' }).first().waitFor();
  });
} catch (error) {
  stopped(error);
} finally {
  await context.close().catch(() => undefined);
  await server.stop();
  if (counts().failed) console.log(`  code-server log: ${server.log} (kept: set KC_E2E_KEEP=1)`);
  sandbox.dispose();
}

const { passed, failed } = counts();
if (options['update-docs-images'] && !failed) {
  mkdirSync(join(REPO_DIR, 'docs', 'images'), { recursive: true });
  for (const name of DOCS_IMAGES) copyFileSync(join(SHOTS, `${name}.png`), join(REPO_DIR, 'docs', 'images', `e2e-${name}.png`));
}
console.log(`# e2e ui: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

/** Opens the quick input with `key` (Ctrl+P, F1), types `text` and takes the row showing `row`. */
function pickFromQuickInput(key, text, row) {
  return pick(page, key, text, row);
}

/** Copies of the Deployment under bulk/, so that the audit runs long enough to show its progress. */
function addBulkManifests(workspace, count) {
  const deployment = readFileSync(join(workspace, 'deploy.yaml'), 'utf8');
  mkdirSync(join(workspace, 'bulk'), { recursive: true });
  for (let i = 0; i < count; i += 1) {
    writeFileSync(join(workspace, 'bulk', `web-${i}.yaml`), deployment.replace('name: web', `name: web-${i}`));
  }
}
