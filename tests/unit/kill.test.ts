import { spawn } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createWorkspaceFile } from '../../electron/core/db/workspace-file';
import { findRegion } from '../../shared/regions';
import { tempDir } from './helpers';

describe('a kill during writes', () => {
  it('leaves a consistent file: every programme with exactly its own history, nothing half', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'kill.regieboek');
    await createWorkspaceFile(file, findRegion(12)!).close();
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, '../fixtures/writer.ts'), dir, file], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    await new Promise((r) => setTimeout(r, 700)); // let it write for a while
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));

    const db = new Database(file); // opening recovers from the WAL as SQLite does after a crash
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const programmes = (db.prepare('SELECT count(*) AS n FROM programme').get() as { n: number }).n;
    const creates = (db.prepare("SELECT count(*) AS n FROM change WHERE op = 'create' AND entity = 'programme'").get() as { n: number }).n;
    const sets = (db.prepare('SELECT count(*) AS n FROM change_set').get() as { n: number }).n;
    expect(programmes).toBeGreaterThan(0);
    expect(creates).toBe(programmes);
    expect(sets).toBe(programmes);
    const orphans = db.prepare('SELECT count(*) AS n FROM programme p WHERE NOT EXISTS (SELECT 1 FROM change c WHERE c.entity_id = p.id)').get() as { n: number };
    expect(orphans.n).toBe(0);
    db.close();
  }, 30_000);
});
