#!/usr/bin/env node
/**
 * A stand-in for the VS Code executable that @vscode/test-electron's `runTests` launches, for
 * machines where desktop VS Code cannot be downloaded: it reads the same command line
 * (`--extensionDevelopmentPath=`, `--extensionTestsPath=`, `--locale=`, the folder to open;
 * other flags are for Electron and ignored), runs the tests in code-server through Chromium and
 * exits with their code, as VS Code would.
 */
import { installTestLanguagePack } from '../lib/language-pack.mjs';
import { createSandbox } from '../lib/sandbox.mjs';
import { runInCodeServer } from './run-in-code-server.mjs';

const options = { folder: undefined };
for (const arg of process.argv.slice(2)) {
  const flag = /^--([A-Za-z-]+)=(.*)$/.exec(arg);
  if (flag) {
    if (flag[1] === 'extensionDevelopmentPath') options.extensionDevelopmentPath = flag[2];
    else if (flag[1] === 'extensionTestsPath') options.extensionTestsPath = flag[2];
    else if (flag[1] === 'locale') options.locale = flag[2];
  } else if (!arg.startsWith('-') && !options.folder) {
    options.folder = arg;
  }
}
if (!options.extensionDevelopmentPath || !options.extensionTestsPath || !options.folder) {
  console.error('usage: code-shim.mjs FOLDER --extensionDevelopmentPath=PATH --extensionTestsPath=PATH [--locale=LANG]');
  process.exit(2);
}

const sandbox = createSandbox('host', { workspace: false });
let code = 1;
try {
  if (options.locale && !options.locale.startsWith('en')) installTestLanguagePack(sandbox, options.locale);
  code = await runInCodeServer(sandbox, options);
} catch (error) {
  console.error(error);
} finally {
  sandbox.dispose();
}
process.exit(code);
