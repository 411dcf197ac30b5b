/**
 * Bundles the three entry points: the VS Code extension (dist/extension.js, `vscode` external),
 * the language server (dist/server.js) and the CLI (dist/cli.js, with a shebang). Each bundle holds
 * its dependencies, so the .vsix ships no node_modules.
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

module.exports = (_env, argv) => {
  const production = argv.mode !== 'development';
  return [
  bundle(production, 'extension', './client/src/extension.ts', path.resolve(__dirname, 'client/tsconfig.json')),
  bundle(production, 'server', './server/src/lsp/main.ts', path.resolve(__dirname, 'server/tsconfig.json')),
  bundle(production, 'cli', './server/src/cli/main.ts', path.resolve(__dirname, 'server/tsconfig.json'), {
    plugins: [new webpack.BannerPlugin({ banner: '#!/usr/bin/env node', raw: true, entryOnly: true })],
  }),
  ];
};
