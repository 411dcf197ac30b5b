/**
 * The extension-host suites through @vscode/test-electron's `runTests`, once in English and once
 * with the display language zh-cn. By default VS Code is our code-shim.mjs (code-server in
 * Chromium), since desktop VS Code cannot be downloaded on an offline machine; with
 * KC_E2E_VSCODE=desktop, on a machine that can download it, the same suites run in desktop
 * VS Code 1.100.3, with Microsoft's Chinese language pack for the zh-cn run. Each run gets its own
 * copy of the fixture workspace and, in desktop VS Code, its own profile.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { downloadAndUnzipVSCode, resolveCliArgsFromVSCodeExecutablePath, runTests } from '@vscode/test-electron';
import { createSandbox, E2E_DIR, REPO_DIR } from '../lib/sandbox.mjs';

const extensionTestsPath = join(REPO_DIR, 'out', 'e2e', 'host', 'index.js');
const desktop = process.env.KC_E2E_VSCODE === 'desktop';
const vscodeExecutablePath = desktop ? await downloadAndUnzipVSCode('1.100.3') : join(E2E_DIR, 'host', 'code-shim.mjs');

let failed = 0;
for (const suite of ['en', 'zh-cn']) {
  const sandbox = createSandbox(`ws-${suite}`);
  try {
    const launchArgs = [sandbox.workspace];
    if (suite === 'zh-cn') launchArgs.push('--locale=zh-cn');
    if (desktop) {
      const profile = [`--user-data-dir=${sandbox.dir('user-data')}`, `--extensions-dir=${sandbox.dir('extensions')}`];
      if (suite === 'zh-cn') installDesktopLanguagePack(profile);
      launchArgs.push(...profile);
    }
    await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: REPO_DIR,
      extensionTestsPath,
      extensionTestsEnv: { KC_E2E_SUITE: suite },
      launchArgs,
      // The profile is ours (the shim's sandbox, or the folders above), not test-electron's .vscode-test.
      reuseMachineInstall: true,
    });
  } catch (error) {
    failed += 1;
    console.error(`extension-host tests (${suite}) failed: ${error.message ?? error}`);
  } finally {
    sandbox.dispose();
  }
}
process.exit(failed ? 1 : 0);

function installDesktopLanguagePack(profile) {
  const [cli, ...args] = resolveCliArgsFromVSCodeExecutablePath(vscodeExecutablePath, { reuseMachineInstall: true });
  const result = spawnSync(cli, [...args, ...profile, '--install-extension', 'MS-CEINTL.vscode-language-pack-zh-hans'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('the Chinese language pack could not be installed');
}
