/**
 * Bench: the privacy guard (issue 11).
 *  - guard: `scanText` over 100,000 texts as they reach the guard (cells of an import, fields of a
 *    form: sentences, names of partners, numbers, dates, codes; 1 in 200 with a BSN or a name).
 *    Reference: one plain regex test (`/\d{9}/`) over the same texts — the least any check costs.
 *  - scan: the Privacycontrole (`scanWorkspace`) of the example region (every record, change and
 *    label). Reference: better-sqlite3 reading the same rows (`SELECT *` of every record table and
 *    of change and change_set), nothing checked.
 * One warm-up round is discarded; measured and reference runs alternate.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
import { scanText } from '../shared/privacy/guard';
import { scanWorkspace } from '../electron/core/privacy/scan';
import { entities } from '../electron/core/history/entities';
import { openSqlite } from '../electron/core/db/sqlite';
import { runCli } from '../electron/core/cli/main';
import type { Database } from '../electron/core/db/schema';
import { report, row, timed } from './util';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TEXTS = 100_000;

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = prng(20261130);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
const WORDS = 'jongeren leerlingen school mbo overstap begeleiding mentor intake dossier gemeente leerplicht regio netwerk werkgevers opleiding diploma uitval preventie aanpak monitor scholen partners doelgroep schooljaar traject'.split(' ');
const kinds = [
  () => Array.from({ length: 8 + Math.floor(rnd() * 30) }, () => pick(WORDS)).join(' ') + '.',
  () => `ROC ${pick(['Voorbeeldstad', 'Lindehaven', 'Heidebeek'])}`,
  () => String(Math.floor(rnd() * 1_000_000)),
  () => `${1 + Math.floor(rnd() * 28)}-${1 + Math.floor(rnd() * 12)}-20${20 + Math.floor(rnd() * 10)}`,
  () => `${1 + Math.floor(rnd() * 4)}.${1 + Math.floor(rnd() * 4)}.${1 + Math.floor(rnd() * 9)}`,
  () => `Schooljaar 20${20 + Math.floor(rnd() * 9)}/20${21 + Math.floor(rnd() * 9)}: ${Math.floor(rnd() * 900)} leerlingen`,
];
const texts = Array.from({ length: TEXTS }, (_, i) => (i % 400 === 0 ? 'Intake leerling Sanne de Vries' : i % 400 === 200 ? 'BSN 111 222 333 gemeld' : pick(kinds)()));

async function main() {
  const guard: number[] = [];
  const guardRef: number[] = [];
  let found = 0;
  for (let r = 0; r <= RUNS; r++) {
    const [ms] = await timed(async () => {
      found = 0;
      for (const s of texts) found += scanText(s).length;
    });
    const [ref] = await timed(async () => {
      let n = 0;
      for (const s of texts) if (/\d{9}/.test(s)) n++;
      return n;
    });
    if (r === 0) continue;
    guard.push(ms);
    guardRef.push(ref);
  }
  if (found !== TEXTS / 200) throw new Error(`guard found ${found}, expected ${TEXTS / 200}`);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regieboek-bench-privacy-'));
  try {
    const file = path.join(dir, 'voorbeeld.regieboek');
    if ((await runCli(['demo', '--db', file], { out: () => {}, err: (s) => process.stderr.write(s) })) !== 0) throw new Error('demo failed');
    const sqlite = openSqlite(file, { readonly: true });
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }), plugins: [new CamelCasePlugin()] });
    const tables = Object.values(entities).map((d) => d.table.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase()));
    const scan: number[] = [];
    const scanRef: number[] = [];
    for (let r = 0; r <= RUNS; r++) {
      const [ms, res] = await timed(() => scanWorkspace(db));
      if (res.hits.length !== 0) throw new Error('the example region has hits');
      const [ref] = await timed(async () => {
        let n = 0;
        for (const t of [...new Set(tables), 'change', 'change_set']) n += sqlite.prepare(`SELECT * FROM "${t}"`).all().length;
        return n;
      });
      if (r === 0) continue;
      scan.push(ms);
      scanRef.push(ref);
    }
    sqlite.close();
    report([
      row('privacy', `guard: scanText over ${TEXTS.toLocaleString('nl-NL')} texts`, guard, { what: 'one regex test per text', samples: guardRef }),
      row('privacy', 'Privacycontrole of the example region', scan, { what: 'raw SELECT * of the same rows', samples: scanRef }),
    ]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
