import os from 'node:os';
import path from 'node:path';

/** The same folder Electron's app.getPath('userData') gives for "Regieboek", so both hosts share it. */
export function defaultDataDir(): string {
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Regieboek');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Regieboek');
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Regieboek');
}
