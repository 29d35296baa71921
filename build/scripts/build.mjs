// Builds everything `npm start`, `npm run web` and `regieboek` run: the screens with Vite, the
// shell, CLI and browser host with esbuild. Runs on `npm install` (prepare) and in `npm test`.
import { build as esbuild } from 'esbuild';
import { build as vite } from 'vite';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = path.join(root, 'dist');
fs.mkdirSync(dist, { recursive: true });

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  // Native and Electron modules stay outside the bundle (electron-updater needs Electron at load time);
  // exceljs is large and loaded from node_modules.
  external: ['electron', 'electron-updater', 'better-sqlite3', 'exceljs'],
  absWorkingDir: root,
};

await Promise.all([
  esbuild({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist/main.cjs' }),
  esbuild({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist/preload.cjs', platform: 'browser', target: 'chrome120', external: ['electron'] }),
  esbuild({ ...common, entryPoints: ['electron/core/cli/bin.ts'], outfile: 'dist/cli.cjs', banner: { js: '#!/usr/bin/env node' } }),
  esbuild({ ...common, entryPoints: ['electron/core/host/main.ts'], outfile: 'dist/host.cjs' }),
  vite({ configFile: path.join(root, 'vite.config.mts'), logLevel: 'warn' }),
]);
fs.chmodSync(path.join(dist, 'cli.cjs'), 0o755);
