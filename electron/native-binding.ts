import path from 'node:path';

/**
 * Which better-sqlite3 binary the Electron process loads. node_modules holds the one built for
 * Node (tests, CLI, browser host); Electron needs one built for its own ABI: `npm start` builds it
 * once into .cache/ and passes it in REGIEBOEK_SQLITE_BINDING, an installer ships it in resources/.
 */
export function resolveNativeBinding(isPackaged: boolean, resourcesPath: string, fromEnv: string | undefined): string | null {
  if (fromEnv) return fromEnv;
  if (isPackaged) return path.join(resourcesPath, 'native', 'better_sqlite3.node');
  return null;
}
