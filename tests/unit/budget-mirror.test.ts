/**
 * The budget lines' mirror with their spend totals (budget_line_total, migration 0013) is what the
 * budget overview adds up. Triggers keep it exact; these tests try to break that: random sequences
 * of writes through the real handlers and the tracker (lines, measures and spend created, edited,
 * trashed, restored, a spend entry moved to another line, undo and redo, definitive delete and
 * Prullenbak legen, an Excel import that changes spend and lines), after each of which every mirror row must
 * equal a fresh computation from budget_line and spend. And a mirror damaged by hand is caught, by
 * the comparison and by `regieboek check`, in Dutch.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import path from 'node:path';
import { budgetMirrorDifferences } from '../../electron/core/db/queries/budget-mirror';
import { tracked } from '../../electron/core/history/tracker';
import { cli, makeCore, programmeInput } from './helpers';
import { measureInput } from './programme-tree-helpers';
import { load, save } from './excel-helpers';
import type { In } from '../../shared/contract';
import { FUNDING_SOURCES, SPENDING_CATEGORIES } from '../../shared/budget';

type Core = Awaited<ReturnType<typeof makeCore>>;

const line = (measureId: string, over: Partial<In<'budgetLine.create'>> = {}): In<'budgetLine.create'> => ({
  measureId,
  activityId: null,
  year: 2026,
  costItem: 'Inzet trajectbegeleider',
  kind: 'personeel',
  fte: null,
  hours: null,
  fundingSource: 'ocw',
  category: 'C',
  management: false,
  partnerId: null,
  inKind: false,
  plannedCents: 1_000_000,
  notes: '',
  ...over,
});

const spendOf = (year: number, cents: number, yearTotal = false): Omit<In<'spend.create'>, 'budgetLineId'> => ({
  kind: yearTotal ? 'year_total' : 'entry',
  date: yearTotal ? null : `${year}-03-15`,
  amountCents: cents,
  description: 'Factuur',
  reference: '',
});

/** A programme with two measures, a partner, three lines and some spend, all through the handlers. */
async function setup(): Promise<Core & { measures: string[]; partner: string }> {
  const core = await makeCore();
  const p = await core.call('programme.create', programmeInput({ periodStart: '2026-01-01', periodEnd: '2027-12-31' }));
  const m1 = await core.call('measure.create', measureInput(p.id, '1', 'Verzuim'));
  const m2 = await core.call('measure.create', measureInput(p.id, '2', 'Overstap'));
  const org = await core.call('organisation.create', { name: 'Gemeente Voorbeeldstad', type: 'gemeente', brin: '', kvk: '', place: '', notes: '' });
  const l1 = await core.call('budgetLine.create', line(m1.id));
  const l2 = await core.call('budgetLine.create', line(m2.id, { fundingSource: 'cofin_gemeente', partnerId: org.id, inKind: true, year: 2027 }));
  await core.call('budgetLine.create', line(m2.id, { category: 'G', plannedCents: -50_000 }));
  await core.call('spend.create', { budgetLineId: l1.id, ...spendOf(2026, 400_000) });
  await core.call('spend.create', { budgetLineId: l2.id, ...spendOf(2027, 1_200_000, true) });
  return { ...core, measures: [m1.id, m2.id], partner: org.id };
}

type Op =
  | { k: 'createLine'; m: number; source: number; category: number; cents: number; partner: boolean; inKind: boolean; year: number }
  | { k: 'updateLine'; i: number; m: number; source: number; cents: number; year: number }
  | { k: 'trashLine'; i: number }
  | { k: 'trashMeasure'; i: number }
  | { k: 'createSpend'; i: number; cents: number; yearTotal: boolean }
  | { k: 'updateSpend'; i: number; cents: number }
  | { k: 'trashSpend'; i: number }
  | { k: 'moveSpend'; i: number; to: number }
  | { k: 'restore'; i: number }
  | { k: 'erase'; i: number }
  | { k: 'empty' }
  | { k: 'import'; i: number; to: number; cents: number }
  | { k: 'undo' }
  | { k: 'redo' };

const idx = fc.nat({ max: 30 });
const money = fc.integer({ min: -200_000, max: 5_000_000 });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    k: fc.constant('createLine' as const),
    m: idx,
    source: fc.nat({ max: FUNDING_SOURCES.length - 1 }),
    category: fc.nat({ max: SPENDING_CATEGORIES.length - 1 }),
    cents: fc.nat({ max: 5_000_000 }),
    partner: fc.boolean(),
    inKind: fc.boolean(),
    year: fc.constantFrom(2026, 2027),
  }),
  fc.record({ k: fc.constant('updateLine' as const), i: idx, m: idx, source: fc.nat({ max: FUNDING_SOURCES.length - 1 }), cents: fc.nat({ max: 5_000_000 }), year: fc.constantFrom(2026, 2027) }),
  fc.record({ k: fc.constant('trashLine' as const), i: idx }),
  fc.record({ k: fc.constant('trashMeasure' as const), i: idx }),
  fc.record({ k: fc.constant('createSpend' as const), i: idx, cents: money, yearTotal: fc.boolean() }),
  fc.record({ k: fc.constant('createSpend' as const), i: idx, cents: money, yearTotal: fc.constant(false) }),
  fc.record({ k: fc.constant('updateSpend' as const), i: idx, cents: money }),
  fc.record({ k: fc.constant('trashSpend' as const), i: idx }),
  fc.record({ k: fc.constant('moveSpend' as const), i: idx, to: idx }),
  fc.record({ k: fc.constant('restore' as const), i: idx }),
  fc.record({ k: fc.constant('erase' as const), i: idx }),
  fc.constant({ k: 'empty' as const }),
  fc.record({ k: fc.constant('import' as const), i: idx, to: idx, cents: money }),
  fc.constant({ k: 'undo' as const }),
  fc.constant({ k: 'undo' as const }),
  fc.constant({ k: 'redo' as const }),
);

/**
 * Exports the workspace, changes in the workbook one spend entry's amount, moves another entry to
 * another line and changes a line's planned amount, and imports it back. Returns what it changed.
 */
async function importChanges(core: Core, o: { i: number; to: number; cents: number }): Promise<{ moved?: string; to?: string } | undefined> {
  const ex = await core.call('exchange.export', { kind: 'workspace' });
  const wb = await load(Buffer.from(ex.base64, 'base64'));
  const lines = wb.getWorksheet('Begrotingsregels')!;
  const spend = wb.getWorksheet('Bestedingen')!;
  const col = (sheet: typeof lines, header: string) => (sheet.getRow(1).values as unknown[]).indexOf(header);
  const lineCount = lines.rowCount - 1;
  const spendCount = spend.rowCount - 1;
  if (lineCount < 1 || spendCount < 1) return undefined;
  const planned = lines.getRow(2 + (o.i % lineCount)).getCell(col(lines, 'Begroot'));
  planned.value = Math.abs(o.cents) / 100;
  spend.getRow(2 + (o.i % spendCount)).getCell(col(spend, 'Bedrag')).value = o.cents / 100;
  let moved: { moved?: string; to?: string } = {};
  if (spendCount > 1 && lineCount > 1) {
    const row = spend.getRow(2 + ((o.i + 1) % spendCount));
    const target = String(lines.getRow(2 + (o.to % lineCount)).getCell(col(lines, 'Id')).value);
    row.getCell(col(spend, 'Begrotingsregel (id)')).value = target;
    moved = { moved: String(row.getCell(col(spend, 'Id')).value), to: target };
  }
  const file = { fileName: 'werkbestand.xlsx', base64: (await save(wb)).toString('base64') };
  const plan = await core.call('exchange.plan', file);
  const r = await core.dispatch('exchange.apply', { ...file, sha256: plan.sha256 });
  return r.ok ? moved : undefined;
}

/** A step of Ctrl+Z / Ctrl+Shift+Z, confirming a big change set as the dialog would. */
async function step(core: Core, channel: 'history.undo' | 'history.redo'): Promise<void> {
  const r = await core.dispatch(channel, {});
  if (r.ok && (r.value as { status: string }).status === 'confirm') await core.dispatch(channel, { changeSetId: (r.value as { changeSetId: number }).changeSetId });
}

async function apply(core: Core & { measures: string[]; partner: string }, o: Op): Promise<void> {
  const sqlite = core.app.requireWorkspace().sqlite;
  const live = (table: string) => (sqlite.prepare(`SELECT id FROM ${table} WHERE deleted_at IS NULL ORDER BY id`).all() as { id: string }[]).map((r) => r.id);
  const pick = (table: string, i: number) => {
    const ids = live(table);
    return ids.length ? ids[i % ids.length] : undefined;
  };
  const ver = (table: string, id: string) => core.versionOf(table, id);
  const lineOf = (id: string) => sqlite.prepare('SELECT * FROM budget_line WHERE id = ?').get(id) as { year: number; measure_id: string; category: string };
  let r: { ok: boolean; error?: { code: string } } = { ok: true };
  switch (o.k) {
    case 'createLine':
      r = await core.dispatch(
        'budgetLine.create',
        line(core.measures[o.m % 2]!, {
          fundingSource: FUNDING_SOURCES[o.source]!,
          category: SPENDING_CATEGORIES[o.category]!,
          plannedCents: o.cents,
          partnerId: o.partner ? core.partner : null,
          inKind: o.inKind,
          year: o.year,
        }),
      );
      break;
    case 'updateLine': {
      const id = pick('budget_line', o.i);
      if (!id) break;
      const l = lineOf(id);
      r = await core.dispatch('budgetLine.update', {
        ...line(core.measures[o.m % 2]!, { fundingSource: FUNDING_SOURCES[o.source]!, plannedCents: o.cents, category: l.category as never, year: o.year }),
        id,
        rowVersion: ver('budgetLine', id),
      });
      break;
    }
    case 'trashLine': {
      const id = pick('budget_line', o.i);
      if (id) r = await core.dispatch('budgetLine.delete', { id, rowVersion: ver('budgetLine', id) });
      break;
    }
    case 'trashMeasure': {
      // Takes its lines along into the Prullenbak; the mirror carries the measure's trash mark too.
      const id = pick('measure', o.i);
      if (id) r = await core.dispatch('measure.delete', { id, rowVersion: ver('measure', id) });
      break;
    }
    case 'createSpend': {
      const id = pick('budget_line', o.i);
      if (id) r = await core.dispatch('spend.create', { budgetLineId: id, ...spendOf(lineOf(id).year, o.cents, o.yearTotal) });
      break;
    }
    case 'updateSpend': {
      const id = pick('spend', o.i);
      if (!id) break;
      const s = sqlite.prepare('SELECT kind, year FROM spend WHERE id = ?').get(id) as { kind: string; year: number };
      r = await core.dispatch('spend.update', { id, rowVersion: ver('spend', id), ...spendOf(s.year, o.cents, s.kind === 'year_total') });
      break;
    }
    case 'trashSpend': {
      const id = pick('spend', o.i);
      if (id) r = await core.dispatch('spend.delete', { id, rowVersion: ver('spend', id) });
      break;
    }
    case 'moveSpend': {
      // No screen moves an entry (the Excel import can); the tracker does it as the import would.
      const id = pick('spend', o.i);
      const to = pick('budget_line', o.to);
      if (id && to) await tracked(core.app.requireWorkspace().db, { user: 'Test', session: 'main', action: 'update', label: 'Besteding verplaatst' }, (tr) => tr.update('spend', id, { budgetLineId: to }));
      break;
    }
    case 'restore': {
      const items = await core.call('trash.list');
      if (items.length) r = await core.dispatch('trash.restore', { changeSetId: items[o.i % items.length]!.changeSetId });
      break;
    }
    case 'erase': {
      const items = await core.call('trash.list');
      if (items.length) r = await core.dispatch('trash.erase', { changeSetId: items[o.i % items.length]!.changeSetId });
      break;
    }
    case 'empty':
      r = await core.dispatch('trash.empty', {});
      break;
    case 'import':
      await importChanges(core, o);
      break;
    case 'undo':
      await step(core, 'history.undo');
      break;
    case 'redo':
      await step(core, 'history.redo');
      break;
  }
  // A refusal is a user's matter (a stale version, a line that went), never a crash.
  if (!r.ok) expect(['invalid_input', 'user_error', 'not_found', 'conflict']).toContain(r.error!.code);
}

describe('the budget lines mirror stays exact', () => {
  it('after random writes, moves, undo, redo, definitive deletes and imports, every mirror row equals a fresh computation (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 16 }), async (ops) => {
        const core = await setup();
        const sqlite = core.app.requireWorkspace().sqlite;
        expect(budgetMirrorDifferences(sqlite)).toEqual([]);
        for (const [n, o] of ops.entries()) {
          await apply(core, o);
          expect(budgetMirrorDifferences(sqlite), `na stap ${n + 1}: ${JSON.stringify(o)}`).toEqual([]);
        }
        // Every line is mirrored once, trashed ones too.
        expect((sqlite.prepare('SELECT count(*) AS n FROM budget_line_total').get() as { n: number }).n).toBe((sqlite.prepare('SELECT count(*) AS n FROM budget_line').get() as { n: number }).n);
      }),
      { numRuns: Number(process.env.MIRROR_RUNS ?? 12), seed: Number(process.env.MIRROR_SEED ?? 20261130) },
    );
  }, 180_000);

  it('an Excel import that moves an entry and changes amounts, and undoing it, keep the mirror exact', async () => {
    const core = await setup();
    const sqlite = core.app.requireWorkspace().sqlite;
    const totals = () => sqlite.prepare('SELECT id, realised_cents AS r, spend_count AS n, planned_cents AS p FROM budget_line_total ORDER BY id').all();
    const before = totals();
    const moved = await importChanges(core, { i: 0, to: 2, cents: 123_456 });
    expect(moved?.moved).toBeDefined();
    expect((sqlite.prepare('SELECT budget_line_id AS l FROM spend WHERE id = ?').get(moved!.moved) as { l: string }).l).toBe(moved!.to);
    expect(totals()).not.toEqual(before);
    expect(budgetMirrorDifferences(sqlite)).toEqual([]);
    await core.call('exchange.undoImport');
    expect(totals()).toEqual(before);
    expect(budgetMirrorDifferences(sqlite)).toEqual([]);
  }, 60_000);

  it('a mirror damaged by hand is caught row by row, and regieboek check reports it in Dutch', async () => {
    const core = await setup();
    const ws = core.app.requireWorkspace();
    const sqlite = ws.sqlite;
    const [a, b, c] = (sqlite.prepare('SELECT id FROM budget_line ORDER BY id').all() as { id: string }[]).map((r) => r.id);
    expect(budgetMirrorDifferences(sqlite)).toEqual([]);
    sqlite.prepare('UPDATE budget_line_total SET realised_cents = realised_cents + 1 WHERE id = ?').run(a);
    expect(budgetMirrorDifferences(sqlite)).toEqual([a]);
    sqlite.prepare('UPDATE budget_line_total SET cofin = 1 - cofin WHERE id = ?').run(b);
    sqlite.prepare('DELETE FROM budget_line_total WHERE id = ?').run(c);
    expect(budgetMirrorDifferences(sqlite)).toEqual([a, b, c].sort());
    sqlite.prepare("INSERT INTO budget_line_total SELECT 'geen-regel', measure_id, programme_id, measure_deleted_at, deleted_at, year, funding_source, category, partner_id, in_kind, cofin, planned_cents, realised_cents, spend_count, year_total_count FROM budget_line_total WHERE id = ?").run(a);
    expect(budgetMirrorDifferences(sqlite)).toContain('geen-regel');

    const file = ws.path;
    await core.call('workspace.close');
    const checked = await cli('check', '--db', file);
    expect(checked.code).toBe(1);
    expect(checked.err).toMatch(/^Integriteitscontrole mislukt voor .*: de begrotingsregels en hun opgetelde bestedingen lopen niet gelijk bij 4 begrotingsregels\./);
    expect(checked.err).not.toMatch(/budget_line|realised|Error/);
    expect(path.isAbsolute(file)).toBe(true);
  }, 60_000);
});
