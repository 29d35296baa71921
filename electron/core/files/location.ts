/**
 * Where a workspace lives, as far as SQLite is concerned: can we write there, and is it a network
 * location? SQLite's WAL mode needs shared memory between processes, which a network file system
 * does not give, so a workspace on a share uses the rollback journal instead (workspace-file.ts).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** statfs f_type of network file systems on Linux (NFS, SMB/CIFS, SMB2, AFS, Coda, NCP, 9p, Ceph, GlusterFS/FUSE is not among them). */
export const LINUX_NETWORK_FS: Record<number, string> = {
  0x6969: 'nfs',
  0x517b: 'smb',
  0xff534d42: 'cifs',
  0xfe534d42: 'smb2',
  0x5346414f: 'afs',
  0x73757245: 'coda',
  0x564c: 'ncp',
  0x01021997: '9p',
  0x00c36400: 'ceph',
};

/** Type names macOS's `mount` prints for network volumes. */
const DARWIN_NETWORK_FS = new Set(['smbfs', 'nfs', 'afpfs', 'webdav', 'cifs', 'ftp']);

export interface LocationProbe {
  platform: NodeJS.Platform;
  /** fs.statfsSync(dir).type */
  statfsType(dir: string): number | null;
  /** fs.realpathSync.native: on Windows it gives \\server\share\... for a mapped network drive. */
  realpathNative(p: string): string;
  /** macOS: the output of `mount`. */
  mountTable(): string;
}

export const realProbe: LocationProbe = {
  platform: process.platform,
  statfsType: (dir) => {
    try {
      return fs.statfsSync(dir).type;
    } catch {
      return null;
    }
  },
  realpathNative: (p) => fs.realpathSync.native(p),
  mountTable: () => execFileSync('/sbin/mount', { encoding: 'utf8', timeout: 3000 }),
};

const isUnc = (p: string) => /^(\\\\|\/\/)[^\\/]+[\\/][^\\/]+/.test(p) && !/^(\\\\|\/\/)[?.][\\/]/.test(p);

/**
 * True for a UNC path (\\server\share\...), a drive letter mapped to a share, or (where the
 * platform reports it) a folder on a network file system. Any probe that fails counts as local.
 */
export function isNetworkLocation(file: string, probe: LocationProbe = realProbe): boolean {
  const dir = probe.platform === 'win32' ? path.win32.dirname(file) : path.dirname(file);
  try {
    if (probe.platform === 'win32') {
      if (isUnc(file)) return true;
      const root = path.win32.parse(path.win32.resolve(file)).root; // "X:\"
      return isUnc(probe.realpathNative(root));
    }
    if (probe.platform === 'darwin') {
      let best = { mount: '', type: '' };
      for (const line of probe.mountTable().split('\n')) {
        const m = / on (.+) \(([^,)]+)/.exec(line);
        if (m && (dir === m[1] || dir.startsWith(m[1]!.endsWith('/') ? m[1]! : m[1] + '/')) && m[1]!.length > best.mount.length) best = { mount: m[1]!, type: m[2]! };
      }
      return DARWIN_NETWORK_FS.has(best.type);
    }
    const type = probe.statfsType(dir);
    return type !== null && (type >>> 0) in LINUX_NETWORK_FS;
  } catch {
    return false;
  }
}

export type NotWritable = 'file' | 'folder';

/**
 * Whether Regieboek may write the workspace: the file itself, and its folder (SQLite makes its
 * journal and WAL files next to it). Root passes access() on any mode bits, except on a read-only
 * mount, which is what the operating system would enforce too.
 */
export function notWritable(file: string): NotWritable | null {
  try {
    fs.accessSync(file, fs.constants.W_OK);
  } catch {
    return 'file';
  }
  try {
    fs.accessSync(path.dirname(file), fs.constants.W_OK);
  } catch {
    return 'folder';
  }
  return null;
}
