import { migrations, LATEST_VERSION } from './migrations';
import type { Sqlite } from './sqlite';

/** Runs every migration above the file's user_version, each in its own transaction. */
export function migrate(sqlite: Sqlite, upTo = LATEST_VERSION): number[] {
  const applied: number[] = [];
  const current = sqlite.pragma('user_version', { simple: true }) as number;
  for (const m of migrations) {
    if (m.version <= current || m.version > upTo) continue;
    sqlite.transaction(() => {
      sqlite.exec(m.sql);
      sqlite.pragma(`user_version = ${m.version}`);
    })();
    applied.push(m.version);
  }
  return applied;
}

export function pendingMigrations(version: number): number {
  return migrations.filter((m) => m.version > version).length;
}

export { LATEST_VERSION };
