/**
 * The extension-host suites through @vscode/test-electron's `runTests`, once in English and once
 * with the display language zh-cn. By default VS Code is our code-shim.mjs (code-server in
 * Chromium), since desktop VS Code cannot be downloaded on an offline machine; set
 * KC_E2E_VSCODE=desktop on a machine that can download it to run the same suites in desktop
 * VS Code. Each run gets its own copy of the fixture workspace.
 */
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { createSandbox, E2E_DIR, REPO_DIR } from '../lib/sandbox.mjs';

const extensionTestsPath = join(REPO_DIR, 'out', 'e2e', 'host', 'index.js');
const desktop = process.env.KC_E2E_VSCODE === 'desktop';

let failed = 0;
for (const suite of ['en', 'zh-cn']) {
  const sandbox = createSandbox(`ws-${suite}`);
  try {
    await runTests({
      ...(desktop ? { version: '1.100.3' } : { vscodeExecutablePath: join(E2E_DIR, 'host', 'code-shim.mjs') }),
      extensionDevelopmentPath: REPO_DIR,
      extensionTestsPath,
      extensionTestsEnv: { KC_E2E_SUITE: suite },
      launchArgs: [sandbox.workspace, ...(suite === 'zh-cn' ? ['--locale=zh-cn'] : []), '--disable-extensions'],
      // Our shim keeps its profile in its own sandbox; desktop VS Code gets a fresh one below.
      reuseMachineInstall: !desktop,
      ...(desktop ? { launchArgs: [sandbox.workspace, `--user-data-dir=${sandbox.dir('user-data')}`, `--extensions-dir=${sandbox.dir('extensions')}`, ...(suite === 'zh-cn' ? ['--locale=zh-cn'] : [])] } : {}),
    });
  } catch (error) {
    failed += 1;
    console.error(`extension-host tests (${suite}) failed: ${error.message ?? error}`);
  } finally {
    sandbox.dispose();
  }
}
process.exit(failed ? 1 : 0);
