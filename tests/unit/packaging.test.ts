/**
 * Packaging as `npm run dist` does it (build/scripts/dist.mjs → electron-builder with its hooks),
 * with `--dir` and electronDist pointing at a stub Electron made here: Electron's binary cannot be
 * downloaded on our machines. The stub executable has an ELF header and Electron's fuse wire, so
 * the fuses the hook sets can be read back. The SQLite module is the Node build from node_modules
 * standing in for the Electron build (same binary format; CI fetches the real one). Run
 * `npm run build` first (npm test does).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import asar from '@electron/asar';
import { getCurrentFuseWire, FuseV1Options } from '@electron/fuses';
import { tempDirKept } from './packaging-helpers';
import { readBinaryFormat } from '../../build/packaging/native-format.mjs';
import { FUSES } from '../../build/packaging/fuses.mjs';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(__dirname, '..', '..');
const ELECTRON_VERSION = (JSON.parse(fs.readFileSync(require.resolve('electron/package.json'), 'utf8')) as { version: string }).version;
const NODE_BUILD = require.resolve('better-sqlite3/build/Release/better_sqlite3.node');
const ARCH = process.arch;
/** app.asar may grow with the app, not with forgotten dependencies. */
const ASAR_BUDGET_MB = 24;

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
// Electron's defaults: RunAsNode on, cookie encryption off, NODE_OPTIONS on, --inspect on, asar
// integrity off, only-asar off, V8 snapshot off, file:// privileges on.
const ELECTRON_DEFAULT_WIRE = '10110001';
const ELF_MACHINE: Record<string, number> = { x64: 0x3e, arm64: 0xb7, ia32: 0x03 };

function stubElectron(dir: string): string {
  fs.mkdirSync(path.join(dir, 'locales'), { recursive: true });
  const elf = Buffer.alloc(64);
  elf.write('\x7fELF', 0, 'latin1');
  elf[4] = 2; // 64-bit
  elf[5] = 1; // little-endian
  elf[6] = 1;
  elf.writeUInt16LE(3, 16); // shared object
  elf.writeUInt16LE(ELF_MACHINE[ARCH] ?? 0x3e, 18);
  const wire = Buffer.concat([Buffer.from(SENTINEL, 'latin1'), Buffer.from([1, ELECTRON_DEFAULT_WIRE.length]), Buffer.from(ELECTRON_DEFAULT_WIRE, 'latin1')]);
  fs.writeFileSync(path.join(dir, 'electron'), Buffer.concat([elf, Buffer.alloc(256), wire, Buffer.alloc(64)]), { mode: 0o755 });
  for (const l of ['nl', 'en-US', 'de', 'fr']) fs.writeFileSync(path.join(dir, 'locales', `${l}.pak`), l);
  fs.writeFileSync(path.join(dir, 'LICENSE'), 'MIT');
  return dir;
}

/**
 * The module the Linux package gets: on Linux the real Node build from node_modules (the same
 * format as the Electron build CI fetches); on Windows and macOS CI runners, a stand-in with an ELF
 * header, since only the header is checked here.
 */
function linuxModule(): string {
  if (process.platform === 'linux') return NODE_BUILD;
  const file = path.join(work, 'stand-in-linux.node');
  const elf = Buffer.alloc(4096);
  elf.write('\x7fELF', 0, 'latin1');
  elf[4] = 2;
  elf[5] = 1;
  elf.writeUInt16LE(ELF_MACHINE[ARCH] ?? 0x3e, 18);
  fs.writeFileSync(file, elf);
  return file;
}

function nativeCache(dir: string, entries: Record<string, string>): string {
  for (const [target, source] of Object.entries(entries)) {
    fs.mkdirSync(path.join(dir, `${ELECTRON_VERSION}-${target}`), { recursive: true });
    fs.copyFileSync(source, path.join(dir, `${ELECTRON_VERSION}-${target}`, 'better_sqlite3.node'));
  }
  return dir;
}

function dist(args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string; ms: number }> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'build', 'scripts', 'dist.mjs'), '--no-build', ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env, CI: 'true', CSC_IDENTITY_AUTO_DISCOVERY: 'false' },
    });
    // electron-builder is heavy on the disk and CPU: let the tests running beside it go first.
    try {
      if (child.pid) os.setPriority(child.pid, 10);
    } catch {
      // not permitted on this system: run at normal priority
    }
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => resolve({ code, output, ms: Math.round(performance.now() - t0) }));
  });
}

const work = tempDirKept('regieboek-pack-');
let linux: { code: number | null; output: string; ms: number };
const out = path.join(work, 'release');
const unpacked = path.join(out, 'linux-unpacked');
const resources = path.join(unpacked, 'resources');
const appAsar = path.join(resources, 'app.asar');

// electron-builder takes 30 s alone and over 120 s on a loaded 2-core machine: the timeout guards hangs, not speed.
beforeAll(async () => {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'main.cjs'))) throw new Error('dist/ ontbreekt: voer eerst "npm run build" uit.');
  const stub = stubElectron(path.join(work, 'electron-stub'));
  const cache = nativeCache(path.join(work, 'native'), { [`linux-${ARCH}`]: linuxModule() });
  linux = await dist(['--linux', '--dir', `--${ARCH}`, `-c.electronDist=${stub}`, `-c.directories.output=${out}`], {
    REGIEBOEK_NATIVE_CACHE: cache,
    REGIEBOEK_UPDATE_URL: 'https://updates.example.invalid/regieboek',
  });
  console.log(`packaging test: electron-builder --linux --dir took ${(linux.ms / 1000).toFixed(1)} s`);
  if (linux.code !== 0) console.log(linux.output);
}, 300_000);

describe('packaged app (electron-builder --dir with a stub Electron)', () => {
  it('packages without errors', () => {
    expect(linux.code, linux.output.slice(-3000)).toBe(0);
  });

  it('app.asar holds main, preload and the renderer, and what main.cjs requires', () => {
    const files = new Set(asar.listPackage(appAsar, { isPack: false }).map((f) => f.replaceAll('\\', '/')));
    for (const f of ['/package.json', '/dist/main.cjs', '/dist/preload.cjs', '/dist/renderer/index.html']) expect(files, f).toContain(f);
    const pkg = JSON.parse(asar.extractFile(appAsar, 'package.json').toString()) as { main: string };
    expect(pkg.main).toBe('dist/main.cjs');
    const index = asar.extractFile(appAsar, 'dist/renderer/index.html').toString();
    for (const [, src] of index.matchAll(/(?:src|href)="\.\/([^"]+)"/g)) expect(files, src).toContain(`/dist/renderer/${src}`);
    // Every package main.cjs loads at run time must be in the archive, or the app dies at start.
    const main = asar.extractFile(appAsar, 'dist/main.cjs').toString();
    const isBuiltin = (require('node:module') as { isBuiltin: (m: string) => boolean }).isBuiltin;
    const loaded = [...main.matchAll(/(?:require|import)\("([^".][^"]*)"\)/g)].map((m) => m[1]!);
    const required = new Set(loaded.filter((m) => !isBuiltin(m) && m !== 'electron'));
    expect([...required].sort()).toEqual(['better-sqlite3', 'electron-updater', 'exceljs']);
    for (const m of required) expect(files, m).toContain(`/node_modules/${m}/package.json`);
  });

  it('app.asar has no dev dependencies, tests, sources, source maps, or the CLI and host', () => {
    const files = asar.listPackage(appAsar, { isPack: false }).map((f) => f.replaceAll('\\', '/'));
    const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
    const devOnly = new Set(Object.entries(lock.packages).filter(([, p]) => p.dev).map(([k]) => k));
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    const modules = new Set(files.map((f) => /^\/(node_modules\/(?:@[^/]+\/)?[^/]+)(?:\/|$)/.exec(f)?.[1]).filter((m): m is string => !!m && !m.endsWith('/.bin')));
    expect(modules.size).toBeGreaterThan(5);
    for (const m of modules) expect(devOnly.has(m), `${m} is a dev dependency`).toBe(false);
    // Bundled into main.cjs or the renderer at build time, or tools: none belongs in the app.
    for (const d of ['react', 'react-dom', 'zod', 'kysely', 'electron', 'electron-builder', 'typescript', 'vite', 'vitest', '@types/node']) {
      expect(d in pkg.devDependencies, d).toBe(true);
      expect(modules.has(`node_modules/${d}`), d).toBe(false);
    }
    expect(files.filter((f) => /\.(map|tsx?|mts|cts)$/.test(f))).toEqual([]);
    expect(files.filter((f) => /^\/(tests|electron|renderer|shared|build|bench|docs|\.github|\.ci)(\/|$)/.test(f))).toEqual([]);
    expect(files.filter((f) => /^\/dist\/(cli|host)\.cjs/.test(f))).toEqual([]);
    expect(files.filter((f) => /^\/node_modules\/better-sqlite3\/(deps|src|build)(\/|$)/.test(f))).toEqual([]);
    expect(files.filter((f) => f.endsWith('.node'))).toEqual([]);
  });

  it(`app.asar stays under ${ASAR_BUDGET_MB} MB`, () => {
    const mb = fs.statSync(appAsar).size / 1e6;
    console.log(`packaging test: app.asar is ${mb.toFixed(1)} MB`);
    expect(mb).toBeLessThan(ASAR_BUDGET_MB);
  });

  it('ships the SQLite module in resources/native/ with the format of the target', () => {
    const shipped = path.join(resources, 'native', 'better_sqlite3.node');
    expect(fs.readFileSync(shipped).equals(fs.readFileSync(linuxModule()))).toBe(true);
    expect(readBinaryFormat(fs.readFileSync(shipped).subarray(0, 4096))).toEqual({ format: 'ELF', platform: 'linux', archs: [ARCH] });
  });

  it('sets the fuses: no RunAsNode, NODE_OPTIONS or --inspect; asar integrity and asar-only on; cookies encrypted', async () => {
    const wire = await getCurrentFuseWire(path.join(unpacked, 'regieboek'));
    const state = (o: FuseV1Options) => String.fromCharCode(wire[o] as unknown as number);
    expect(state(FuseV1Options.RunAsNode)).toBe('0');
    expect(state(FuseV1Options.EnableNodeOptionsEnvironmentVariable)).toBe('0');
    expect(state(FuseV1Options.EnableNodeCliInspectArguments)).toBe('0');
    expect(state(FuseV1Options.EnableEmbeddedAsarIntegrityValidation)).toBe('1');
    expect(state(FuseV1Options.OnlyLoadAppFromAsar)).toBe('1');
    expect(state(FuseV1Options.EnableCookieEncryption)).toBe('1');
    expect(state(FuseV1Options.GrantFileProtocolExtraPrivileges)).toBe('0');
    for (const [k, v] of Object.entries(FUSES)) expect(state(Number(k) as FuseV1Options), FuseV1Options[Number(k)]).toBe(v ? '1' : '0');
    // The one fuse we leave alone keeps Electron's own value.
    expect(state(FuseV1Options.LoadBrowserProcessSpecificV8Snapshot)).toBe('0');
  });

  it('has the icon in resources, the update address, and only Dutch and English Chromium texts', () => {
    const icon = fs.readFileSync(path.join(resources, 'icon.png'));
    expect(icon.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([icon.readUInt32BE(16), icon.readUInt32BE(20)]).toEqual([256, 256]);
    expect(fs.readFileSync(path.join(resources, 'app-update.yml'), 'utf8')).toMatch(/provider: generic\nurl: https:\/\/updates\.example\.invalid\/regieboek/);
    expect(fs.readdirSync(path.join(unpacked, 'locales')).sort()).toEqual(['en-US.pak', 'nl.pak']);
  });

  it('refuses a Linux SQLite module for a Windows target, with a clear message', async () => {
    const cache = nativeCache(path.join(work, 'native-wrong'), { 'win32-x64': linuxModule() });
    const winOut = path.join(work, 'release-win');
    const r = await dist(['--win', '--dir', '--x64', `-c.electronDist=${path.join(work, 'electron-stub')}`, `-c.directories.output=${winOut}`], { REGIEBOEK_NATIVE_CACHE: cache });
    console.log(`packaging test: the refused Windows build took ${(r.ms / 1000).toFixed(1)} s`);
    expect(r.code).not.toBe(0);
    expect(r.output).toContain(`Verkeerde SQLite-module voor dit installatiebestand: ${path.join(cache, `${ELECTRON_VERSION}-win32-x64`, 'better_sqlite3.node')} is ELF voor Linux ${ARCH}, maar het doel is Windows x64 (PE voor Windows x64).`);
    expect(fs.existsSync(path.join(winOut, 'win-unpacked', 'resources', 'app.asar'))).toBe(false);
  }, 300_000);
});
