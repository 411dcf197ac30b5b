/**
 * Bundles the three entry points: the VS Code extension (dist/extension.js, `vscode` external),
 * the language server (dist/server.js) and the CLI (dist/cli.js, with a shebang). Each bundle holds
 * its dependencies, so the .vsix ships no node_modules.
 */
'use strict';
const path = require('path');
const webpack = require('webpack');

/** @param {string} name @param {string} entry @param {string} configFile */
function bundle(name, entry, configFile, extra = {}) {
  return {
    name,
    target: 'node',
    mode: 'none',
    entry: { [name]: entry },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].js',
      libraryTarget: 'commonjs2',
      devtoolModuleFilenameTemplate: '../[resource-path]',
    },
    devtool: 'nosources-source-map',
    externals: { vscode: 'commonjs vscode' },
    resolve: { extensions: ['.ts', '.js'], conditionNames: ['node', 'require', 'default'], mainFields: ['main', 'module'] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: [{ loader: 'ts-loader', options: { configFile, transpileOnly: true, compilerOptions: { composite: false, declaration: false, sourceMap: true } } }],
        },
      ],
    },
    optimization: { minimize: false },
    performance: { hints: false },
    stats: 'errors-warnings',
    ...extra,
  };
}

module.exports = [
  bundle('extension', './client/src/extension.ts', path.resolve(__dirname, 'client/tsconfig.json')),
  bundle('server', './server/src/lsp/main.ts', path.resolve(__dirname, 'server/tsconfig.json')),
  bundle('cli', './server/src/cli/main.ts', path.resolve(__dirname, 'server/tsconfig.json'), {
    plugins: [new webpack.BannerPlugin({ banner: '#!/usr/bin/env node', raw: true, entryOnly: true })],
  }),
];
