/**
 * The clean-shutdown marker: opening does not read the whole file (`PRAGMA quick_check`) when
 * Regieboek itself closed it cleanly and nothing touched it since.
 *
 * On a clean close (the WAL folded into the file and removed) Regieboek writes, in the workspace's
 * backups folder, the file's identity: size, modification and change times, inode. Opening
 * removes that marker first, so a process that is killed or crashes leaves none behind. The check
 * is skipped only when the marker is there and the file is exactly as it was left: any write since
 * (by anyone: another program, a copy back from a USB stick, a restore) changes the change time,
 * which no tool can set back. A WAL or rollback journal next to the file means an unclean end and
 * always gets the check, as does a file never closed here. `regieboek check` keeps the full check.
 */
import fs from 'node:fs';
import path from 'node:path';
import { workspaceFolder } from './backups';

const MARKER = 'netjes-gesloten.json';

interface Identity {
  size: number;
  mtimeNs: string;
  ctimeNs: string;
  ino: string;
}

function identity(file: string): Identity | null {
  try {
    const s = fs.statSync(file, { bigint: true });
    return { size: Number(s.size), mtimeNs: String(s.mtimeNs), ctimeNs: String(s.ctimeNs), ino: String(s.ino) };
  } catch {
    return null;
  }
}

export const markerPath = (root: string, file: string) => path.join(workspaceFolder(root, file), MARKER);

/**
 * True when `file` was closed cleanly by Regieboek and is unchanged since; the marker is removed
 * either way (the open that follows makes it stale).
 */
export function takeCleanMark(root: string, file: string): boolean {
  const marker = markerPath(root, file);
  let stored: Identity | null = null;
  try {
    stored = JSON.parse(fs.readFileSync(marker, 'utf8')) as Identity;
  } catch {
    return false; // none (never closed here, or the last session ended uncleanly) or unreadable
  } finally {
    try {
      fs.rmSync(marker, { force: true });
    } catch {
      // the backups folder is unusable (e.g. a file in its place): the open goes on and checks the file
    }
  }
  for (const s of ['-wal', '-journal']) {
    try {
      if (fs.statSync(file + s).size > 0) return false;
    } catch {
      // not there: as after a clean close
    }
  }
  const now = identity(file);
  return !!now && !!stored && now.size === stored.size && now.mtimeNs === stored.mtimeNs && now.ctimeNs === stored.ctimeNs && now.ino === stored.ino;
}

/** After a clean close: remembers the file as it is now. A failure only costs a check next time. */
export function writeCleanMark(root: string, file: string): void {
  const id = identity(file);
  if (!id) return;
  try {
    const marker = markerPath(root, file);
    fs.mkdirSync(path.dirname(marker), { recursive: true });
    fs.writeFileSync(marker, JSON.stringify(id));
  } catch {
    // no marker: the next open checks the file
  }
}
