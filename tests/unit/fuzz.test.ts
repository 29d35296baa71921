/**
 * Dutch at every boundary (issue 10, point 7): every channel of the contract is called with random
 * input — anything at all, and objects with the channel's own field names filled with awkward values
 * and real ids of the example region. Every answer must be the Result envelope; a refusal carries a
 * Dutch message with no English zod phrase and no programmer's text, and writes nothing (the file's
 * data_version, seen from a second connection, and the data folder stay as they were).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Database from 'better-sqlite3';
import type { z } from 'zod';
import { makeCore } from './helpers';
import { channels, contract } from '../../shared/contract';
import type { ErrorCode } from '../../shared/result';
import { fieldLabel } from '../../shared/i18n/nl';

const CALLS_PER_CHANNEL = 52;
const CODES: ErrorCode[] = ['invalid_input', 'not_found', 'conflict', 'no_workspace', 'not_a_workspace', 'too_new', 'user_error', 'unknown_channel', 'read_only', 'locked', 'disk_full'];
/** zod's English messages and the texts of programming errors: none may reach a user. */
const ENGLISH =
  /Invalid|expected|received|Too (big|small)|Unrecognized|Required|must (be|match|start|end|include|contain)|one of|Number must|TypeError|Cannot read|is not a function|undefined|is not iterable|SQLITE|constraint failed|FOREIGN KEY|NOT NULL|UNIQUE|no such|JSON at position|Unexpected token|\bat [\w.]+ \(/;

/** The field names of a channel's input, through optional, default, nullable and pipe wrappers. */
function fieldsOf(schema: z.ZodType): string[] {
  let s: unknown = schema;
  for (let i = 0; i < 10 && s; i++) {
    const def = (s as { _zod: { def: Record<string, unknown> } })._zod.def;
    if (def.type === 'object') return Object.keys(def.shape as object);
    s = def.innerType ?? def.in ?? def.schema;
  }
  return [];
}

/** Every field name anywhere in a schema (objects, lists, unions, wrappers). */
function allFieldNames(schema: unknown, out = new Set<string>(), depth = 0): Set<string> {
  const def = (schema as { _zod?: { def: Record<string, unknown> } } | undefined)?._zod?.def;
  if (!def || depth > 12) return out;
  if (def.type === 'object') for (const [k, v] of Object.entries(def.shape as object)) allFieldNames(v, out.add(k), depth + 1);
  for (const key of ['innerType', 'in', 'out', 'schema', 'element', 'valueType']) allFieldNames(def[key], out, depth + 1);
  if (Array.isArray(def.options)) for (const o of def.options) allFieldNames(o, out, depth + 1);
  return out;
}

/** Sizes and names of everything in the data folder (the -shm index changes on reads: left out). */
function listing(dir: string): string {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (!e.name.endsWith('-shm')) out.push(`${path.relative(dir, p)}:${fs.statSync(p).size}`);
    }
  };
  walk(dir);
  return out.sort().join('\n');
}

describe('fuzzing every channel', () => {
  it('has a Dutch label for every input field of every channel, so no message names a field in code', () => {
    const missing: string[] = [];
    for (const [channel, spec] of Object.entries(contract))
      for (const name of allFieldNames(spec.input)) if (fieldLabel(name, channel.split('.')[0]) === name) missing.push(`${channel}: ${name}`);
    expect(missing).toEqual([]);
  });

  it(`answers ${CALLS_PER_CHANNEL} random calls per channel with the Dutch envelope and writes nothing when it refuses`, async () => {
    const core = await makeCore({ workspace: false });
    await core.call('workspace.openExample');
    const file = core.app.requireWorkspace().path;
    const sqlite = core.app.requireWorkspace().sqlite;
    const ids = (sqlite.prepare('SELECT id FROM programme UNION ALL SELECT id FROM measure UNION ALL SELECT id FROM activity UNION ALL SELECT id FROM organisation UNION ALL SELECT id FROM indicator UNION ALL SELECT id FROM monitoring_round UNION ALL SELECT id FROM monitoring_interview UNION ALL SELECT id FROM budget_line LIMIT 400').all() as { id: string }[]).map((r) => r.id);
    const pool: unknown[] = [
      '', ' ', 'x', 'Tekst', 'a'.repeat(70), 'b'.repeat(5000), '<script>', "'; DROP TABLE programme; --",
      0, 1, 2, -1, 1.5, 100, 1e15, 2 ** 53, -(2 ** 31),
      true, false, null, [], {}, [''], [1], [{}], { x: 1 },
      '2026-07-31', '2026-02-31', '31-07-2026', '2025/2026', '2025/2027', 'lopend', 'concept', 'mbo', 'exact', 'workspace', 'partner',
      'UEsDBA==', 'bm90IGEgd29ya2Jvb2s=', 'bestand.xlsx', '../../etc/passwd', file,
      ...ids.slice(0, 40),
    ];
    const value = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...pool) }, { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) }, { weight: 1, arbitrary: fc.array(fc.constantFrom(...pool), { maxLength: 3 }) });

    let watcher = new Database(file, { readonly: true, fileMustExist: true });
    const version = () => watcher.pragma('data_version', { simple: true }) as number;
    let calls = 0;
    let refused = 0;
    for (const channel of channels) {
      const keys = fieldsOf(contract[channel].input as z.ZodType);
      const input = keys.length
        ? fc.oneof({ weight: 1, arbitrary: fc.anything() }, { weight: 5, arbitrary: fc.dictionary(fc.constantFrom(...keys, 'onbekend'), value, { maxKeys: keys.length + 1 }) })
        : fc.anything();
      for (const raw of fc.sample(input, { numRuns: CALLS_PER_CHANNEL, seed: 20261130 + channel.length })) {
        const dv = version();
        const files = listing(core.dir);
        const r = await core.dispatch(channel, raw, { session: 'fuzz' });
        calls++;
        // The envelope, and nothing a JSON transport would lose.
        expect(typeof r.ok, channel).toBe('boolean');
        expect((JSON.parse(JSON.stringify(r)) as { ok: boolean }).ok, channel).toBe(r.ok);
        if (r.ok) {
          // A call that did something may have switched or closed the workspace: carry on in the example.
          if (core.app.workspace?.path !== file) {
            watcher.close();
            await core.app.open(file);
            watcher = new Database(file, { readonly: true, fileMustExist: true });
          }
          continue;
        }
        refused++;
        const where = `${channel} ${JSON.stringify(raw)?.slice(0, 300)}: ${r.error.message}`;
        expect(CODES, where).toContain(r.error.code);
        expect(r.error.message.trim().length, where).toBeGreaterThan(3);
        expect(r.error.message, where).not.toMatch(ENGLISH);
        for (const i of r.error.issues ?? []) expect(i.message, where).not.toMatch(ENGLISH);
        expect(version(), `${where} schreef in het werkbestand`).toBe(dv);
        expect(listing(core.dir), `${where} veranderde de gegevensmap`).toBe(files);
      }
    }
    watcher.close();
    expect(calls).toBeGreaterThanOrEqual(5000);
    expect(refused).toBeGreaterThan(calls * 0.8);
  }, 300_000);
});
