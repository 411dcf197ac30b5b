/**
 * Bundles the entry points: the VS Code extension (dist/extension.js, `vscode` external), the
 * language server (dist/server.js), the CLI (dist/cli.js, with a shebang), and for browser editors
 * the web extension (dist/web/extension.js) and the server for a web worker (dist/web/server.js).
 * Each bundle holds its dependencies, so the .vsix ships no node_modules.
 */
'use strict';
const path = require('path');
const webpack = require('webpack');
const { version } = require('./package.json');

const defineVersion = new webpack.DefinePlugin({ __KUBE_CHECKLIST_VERSION__: JSON.stringify(version) });

/** @param {string} name @param {string} entry @param {string} configFile */
function bundle(production, name, entry, configFile, extra = {}) {
  return {
    name,
    target: 'node',
    entry: { [name]: entry },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].js',
      libraryTarget: 'commonjs2',
      devtoolModuleFilenameTemplate: '../[resource-path]',
    },
    devtool: 'nosources-source-map',
    externals: { vscode: 'commonjs vscode' },
    resolve: { extensions: ['.ts', '.js'], conditionNames: ['module', 'node', 'import', 'require', 'default'], mainFields: ['module', 'main'] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: [{ loader: 'ts-loader', options: { configFile, transpileOnly: true, compilerOptions: { composite: false, declaration: false, sourceMap: true, rootDir: __dirname } } }],
        },
      ],
    },
    optimization: { minimize: production },
    performance: { hints: false },
    stats: 'errors-warnings',
    ...extra,
    plugins: [defineVersion, ...(extra.plugins ?? [])],
  };
}

/** Node's modules, which a browser has not: the web bundles resolve them to nothing (test/web-bundle.test.ts checks none is left). */
const NODE_BUILTINS = Object.fromEntries(require('module').builtinModules.map((name) => [name, false]));

/**
 * A bundle for the browser (target webworker). The languageclient/server `node` entries become their
 * `browser` ones (same API); `node:` specifiers lose their scheme so the fallbacks apply; the few
 * Node APIs the shared code calls on every platform come from small web modules (`aliases`).
 */
function webBundle(production, name, entry, configFile, aliases = {}, extra = {}) {
  const base = bundle(production, name, entry, configFile, extra);
  return {
    ...base,
    target: 'webworker',
    output: { ...base.output, path: path.resolve(__dirname, 'dist', 'web'), libraryTarget: 'commonjs', devtoolModuleFilenameTemplate: '../../[resource-path]' },
    resolve: {
      extensions: ['.ts', '.js'],
      mainFields: ['browser', 'module', 'main'],
      conditionNames: ['browser', 'import', 'require', 'default'],
      alias: {
        'vscode-languageclient/node$': 'vscode-languageclient/browser',
        'vscode-languageserver/node$': 'vscode-languageserver/browser',
        ...aliases,
      },
      fallback: NODE_BUILTINS,
    },
    plugins: [...base.plugins, new webpack.NormalModuleReplacementPlugin(/^node:/, (resource) => { resource.request = resource.request.replace(/^node:/, ''); })],
  };
}

module.exports = (_env, argv) => {
  const production = argv.mode !== 'development';
  return [
  bundle(production, 'extension', './client/src/extension.ts', path.resolve(__dirname, 'client/tsconfig.json')),
  bundle(production, 'server', './server/src/lsp/main.ts', path.resolve(__dirname, 'server/tsconfig.json')),
  bundle(production, 'cli', './server/src/cli/main.ts', path.resolve(__dirname, 'server/tsconfig.json'), {
    plugins: [new webpack.BannerPlugin({ banner: '#!/usr/bin/env node', raw: true, entryOnly: true })],
  }),
  webBundle(production, 'extension', './client/src/browser/extension.ts', path.resolve(__dirname, 'client/tsconfig.json'), {
    crypto: path.resolve(__dirname, 'client/src/browser/web-random.ts'),
  }),
  webBundle(production, 'server', './server/src/web/main.ts', path.resolve(__dirname, 'server/tsconfig.json'), {
    crypto: path.resolve(__dirname, 'server/src/web/web-crypto.ts'),
  }, {
    plugins: [new webpack.ProvidePlugin({ Buffer: [path.resolve(__dirname, 'server/src/web/web-buffer.ts'), 'Buffer'] })],
  }),
  ];
};
