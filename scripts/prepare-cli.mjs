#!/usr/bin/env node
// `prepare`: builds the CLI bundle (dist/cli.js) when it is missing, so that installing this
// package from git (pre-commit's node hooks, `npm install github:…`) gets a working `bin`.
// A checkout that is already built is left alone.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
if (!existsSync(join(root, 'dist', 'cli.js'))) {
  const webpack = join(root, 'node_modules', 'webpack-cli', 'bin', 'cli.js');
  const run = spawnSync(process.execPath, [webpack, '--mode', 'production', '--config-name', 'cli'], { cwd: root, stdio: 'inherit' });
  process.exit(run.status ?? 1);
}
