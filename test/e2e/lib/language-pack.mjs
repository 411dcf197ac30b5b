/**
 * The zh-cn display language without Microsoft's language pack (not downloadable offline): packs
 * test/e2e/zh-cn-language-pack, a language pack that declares zh-cn and translates nothing of
 * VS Code itself, and installs it into the sandbox's code-server, which then runs in zh-cn. Our
 * extension's Chinese (package.nls.zh-cn.json, l10n/bundle.l10n.zh-cn.json, the server's
 * messages) is what the tests check. `code-server --install-extension` does not record a language
 * pack in the user-data folder's languagepacks.json (the running workbench's install would), so
 * we write that record as VS Code does: the hash of the pack's id and version, and the path of its
 * translations.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { installExtension } from './code-server.mjs';
import { E2E_DIR, REPO_DIR } from './sandbox.mjs';

export function installTestLanguagePack(sandbox, locale) {
  if (locale !== 'zh-cn') throw new Error(`no test language pack for ${locale}`);
  const vsix = join(sandbox.root, 'zh-cn-language-pack.vsix');
  const vsce = join(REPO_DIR, 'node_modules', '@vscode', 'vsce', 'vsce');
  const result = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '-o', vsix], {
    cwd: join(E2E_DIR, 'zh-cn-language-pack'),
    env: sandbox.env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (result.status !== 0) throw new Error(`packing the test language pack failed: ${result.stdout}${result.stderr}`);
  const extensionsDir = sandbox.dir('cs-ext');
  installExtension(sandbox, vsix, extensionsDir);
  const manifest = JSON.parse(readFileSync(join(E2E_DIR, 'zh-cn-language-pack', 'package.json'), 'utf8'));
  const id = `${manifest.publisher}.${manifest.name}`;
  const folder = join(extensionsDir, `${id}-${manifest.version}`);
  const [localization] = manifest.contributes.localizations;
  const record = {
    [localization.languageId]: {
      hash: createHash('md5').update(id).update(manifest.version).digest('hex'),
      extensions: [{ extensionIdentifier: { id }, version: manifest.version }],
      translations: Object.fromEntries(localization.translations.map((t) => [t.id, join(folder, t.path)])),
      label: localization.localizedLanguageName,
    },
  };
  writeFileSync(join(sandbox.dir('cs-data'), 'languagepacks.json'), JSON.stringify(record));
}
