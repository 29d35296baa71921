// @ts-check
/**
 * electron-builder hooks (electron-builder.yml: beforePack, afterPack).
 * - beforePack refuses a target whose SQLite module does not fit it, before anything is packed.
 * - afterPack puts that module in resources/native/ (where electron/native-binding.ts looks) and
 *   flips the fuses; electron-builder signs after this hook, so the signature covers both.
 */
import fs from 'node:fs';
import path from 'node:path';
import { flipFuses } from '@electron/fuses';
import { assertNativeModule } from './native-format.mjs';
import { nativeModulePath } from './native.mjs';
import { electronBinary, fuseConfig } from './fuses.mjs';

// electron-builder's Arch enum (builder-util): the numbers in context.arch.
const ARCH_NAMES = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];

/** @param {{ electronPlatformName: string, arch: number }} context */
function target(context) {
  const platform = context.electronPlatformName === 'mas' ? 'darwin' : context.electronPlatformName;
  const arch = ARCH_NAMES[context.arch] ?? String(context.arch);
  if (arch === 'universal') throw new Error('Een universele macOS-app (x64 + arm64 in één) wordt niet ondersteund: maak per architectuur een installatiebestand.');
  return { platform, arch };
}

/** @param {import('app-builder-lib').BeforePackContext} context */
export async function beforePack(context) {
  const { platform, arch } = target(context);
  assertNativeModule(nativeModulePath(platform, arch), platform, arch);
}

/** @param {import('app-builder-lib').AfterPackContext} context */
export async function afterPack(context) {
  const { platform, arch } = target(context);
  const source = nativeModulePath(platform, arch);
  const resources = context.packager.getResourcesDir(context.appOutDir);
  const shipped = path.join(resources, 'native', 'better_sqlite3.node');
  fs.mkdirSync(path.dirname(shipped), { recursive: true });
  fs.copyFileSync(source, shipped);
  assertNativeModule(shipped, platform, arch);

  const packager = /** @type {{ executableName?: string }} */ (/** @type {unknown} */ (context.packager));
  const binary = electronBinary(context.appOutDir, context.electronPlatformName, {
    productFilename: context.packager.appInfo.productFilename,
    executableName: packager.executableName ?? context.packager.appInfo.productFilename,
  });
  await flipFuses(binary, fuseConfig(platform, arch));
}
