/**
 * The extension test module (`extensionTestsPath` of the @vscode/test-electron contract): runs the
 * Mocha suites of this folder inside the extension host and settles when they end, rejecting when
 * a test failed, which makes the host exit with 1. KC_E2E_SUITE picks the run: `en` (default) runs
 * every suite but the Chinese one; `zh-cn` runs the Chinese one in a zh-cn display language.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

const CHINESE_SUITE = 'l10n-zh-cn.test.js';

export function run(): Promise<void> {
  const suite = process.env.KC_E2E_SUITE === 'zh-cn' ? 'zh-cn' : 'en';
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  const dir = join(__dirname, 'suite');
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.test.js') && (suite === 'zh-cn') === (name === CHINESE_SUITE))
    .sort();
  for (const file of files) mocha.addFile(join(dir, file));
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const passes = runner.stats?.passes ?? 0;
      console.log(`# e2e extension-host-${suite}: ${passes} passed, ${failures} failed`);
      if (failures > 0) reject(new Error(`${failures} extension tests failed`));
      else if (passes === 0) reject(new Error('no extension test ran'));
      else resolve();
    });
  });
}
