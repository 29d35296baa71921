// @ts-check
/**
 * The Electron fuses every packaged Regieboek has, following Electron's security checklist: the
 * binary cannot be run as plain Node, ignores NODE_OPTIONS and --inspect, loads the app only from
 * app.asar and checks that archive's hash, encrypts cookies, and gives file:// no extra rights
 * (the app is served through app://).
 */
import path from 'node:path';
import { FuseV1Options, FuseVersion } from '@electron/fuses';

export const FUSES = {
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

/**
 * @param {string} platform
 * @param {string} arch
 * @returns {import('@electron/fuses').FuseV1Config}
 */
export function fuseConfig(platform, arch) {
  // Flipping a fuse breaks the ad-hoc signature an arm64 Mac needs to start the app at all.
  return { version: FuseVersion.V1, resetAdHocDarwinSignature: platform === 'darwin' && arch === 'arm64', ...FUSES };
}

/**
 * The file @electron/fuses is pointed at: the .app on macOS, else the executable.
 * @param {string} appOutDir
 * @param {string} platform
 * @param {{ productFilename: string, executableName: string }} names
 */
export function electronBinary(appOutDir, platform, names) {
  if (platform === 'darwin' || platform === 'mas') return path.join(appOutDir, `${names.productFilename}.app`);
  if (platform === 'win32') return path.join(appOutDir, `${names.productFilename}.exe`);
  return path.join(appOutDir, names.executableName);
}
