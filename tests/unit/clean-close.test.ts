/**
 * Opening is cheap (issue 13): the whole-file check runs only when the last session did not end
 * cleanly or the file changed since Regieboek closed it; a damaged file is still called damaged.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWorkspaceFile, openWorkspaceFile } from '../../electron/core/db/workspace-file';
import { markerPath } from '../../electron/core/files/clean-close';
import { findRegion } from '../../shared/regions';
import { tempDir } from './helpers';

const region = findRegion(28)!;

function setup() {
  const dir = tempDir();
  const backupsRoot = path.join(dir, 'reservekopieen');
  const file = path.join(dir, 'Regio.regieboek');
  const open = () => openWorkspaceFile(file, { backupsRoot });
  return { file, backupsRoot, open };
}

describe('the clean-shutdown marker', () => {
  it('skips the whole-file check after a clean close, and checks again after an unclean end', async () => {
    const { file, backupsRoot, open } = setup();
    const created = createWorkspaceFile(file, region, {}, { backupsRoot });
    expect(created.state.wholeFileChecked).toBe(true); // never closed here before
    created.sqlite.prepare("INSERT INTO meta (key, value) VALUES ('x', 'y')").run();
    await created.close();
    expect(fs.existsSync(markerPath(backupsRoot, file))).toBe(true);

    const again = open();
    expect(again.state.wholeFileChecked).toBe(false);
    // While open there is no marker: a kill now leaves none behind.
    expect(fs.existsSync(markerPath(backupsRoot, file))).toBe(false);
    again.sqlite.prepare("UPDATE meta SET value = 'z' WHERE key = 'x'").run();
    // An unclean end: the connection goes away without Regieboek's close (as in a kill), WAL left behind.
    again.state.lock?.release();
    const crashed = open();
    expect(crashed.state.wholeFileChecked).toBe(true);
    expect(crashed.sqlite.prepare("SELECT value FROM meta WHERE key = 'x'").get()).toEqual({ value: 'z' });
    await crashed.close();
    await again.close().catch(() => null);
  });

  it('a file changed after the clean close is checked, so damage is still called damaged (also with its time set back)', async () => {
    const { file, backupsRoot, open } = setup();
    const ws = createWorkspaceFile(file, region, {}, { backupsRoot });
    const put = ws.sqlite.prepare("INSERT INTO programme (id, name, period_start, period_end, status, analysis, created_at, updated_at) VALUES (?, ?, '2026-08-01', '2029-07-31', 'lopend', ?, 'x', 'x')");
    for (let i = 0; i < 40; i++) put.run(`p${i}`, `P${i}`, 'z'.repeat(3000));
    await ws.close();
    const stat = fs.statSync(file);
    const bytes = fs.readFileSync(file);
    bytes.fill(0x55, 4096 * 6, 4096 * 8); // a bad sector, a broken copy
    fs.writeFileSync(file, bytes);
    fs.utimesSync(file, stat.atime, stat.mtime); // the modification time set back: the change time cannot be
    expect(() => open()).toThrow(/beschadigd of onvolledig/);
  });

  it('a file replaced by another one after the clean close is checked', async () => {
    const { file, backupsRoot, open } = setup();
    await createWorkspaceFile(file, region, {}, { backupsRoot }).close();
    const other = path.join(path.dirname(file), 'ander.regieboek');
    await createWorkspaceFile(other, region, {}, { backupsRoot: path.join(path.dirname(file), 'elders') }).close();
    fs.renameSync(other, file);
    const ws = open();
    expect(ws.state.wholeFileChecked).toBe(true);
    await ws.close();
  });
});
