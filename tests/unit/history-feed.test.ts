/**
 * The readable Geschiedenis (issue 10, point 2): one entry per user action with its details folded
 * in, where it happened, values as people read them (no JSON, no ISO timestamps, no ids), long
 * texts shortened with the full text at hand, and filters by person, date and record.
 */
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { makeCore, pinToday, programmeInput } from './helpers';
import { entities } from '../../electron/core/history/entities';
import { fieldLabel } from '../../shared/i18n/nl';
import { formatValue } from '../../shared/display';
import type { HistoryFeed } from '../../shared/schemas/history';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const ISO_STAMP = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/;
const JSON_TEXT = /[{[]\s*"/;

/** Every text the screen shows from an entry (the instant `at` is formatted by the screen itself). */
function shownTexts(feed: HistoryFeed): string[] {
  const out: string[] = [];
  for (const s of feed.sets) {
    out.push(s.label, ...s.where.map((w) => `${w.entityName} ${w.label}`), ...s.summary.map((x) => x.entityName));
    for (const it of s.items) {
      out.push(it.entityName, it.itemLabel);
      for (const c of it.changes) out.push(c.label, c.old, c.new, c.oldFull ?? '', c.newFull ?? '');
    }
  }
  return out;
}

describe('the Geschiedenis feed', () => {
  it('shows an interview submission as one entry naming programme, round and measure, with readable values', async () => {
    const { call } = await makeCore({ workspace: false, today: '2026-11-30' });
    await call('workspace.openExample');
    const rounds = await call('monitoring.round.list');
    const round = rounds.find((r) => r.interviews.some((i) => i.status === 'concept'))!;
    const interview = round.interviews.find((i) => i.status === 'concept')!;
    const detail = await call('monitoring.interview.get', { id: interview.id });
    const long = `Het gaat goed. ${'Er is veel bereikt met de scholen in de regio. '.repeat(8)}`.trim();
    const saved = await call('monitoring.interview.saveAnswers', {
      id: interview.id,
      rowVersion: detail.rowVersion,
      answers: [{ questionId: detail.questions[0]!.questionId, answer: long }],
    });
    await call('monitoring.interview.setStatus', { id: interview.id, rowVersion: saved.rowVersion, status: 'ingediend' });

    const feed = await call('history.feed', { limit: 5 });
    const [submitted, answered] = feed.sets;
    // One action, one entry: the submission touched the input and its answers (13 rows before this).
    expect(submitted!.label).toMatch(/ingediend/);
    expect(submitted!.records).toBeGreaterThan(5);
    expect(feed.sets.filter((s) => /ingediend/.test(s.label) && s.changeSetId > answered!.changeSetId)).toHaveLength(1);
    expect(submitted!.where.map((w) => w.entityName)).toEqual(['Programma', 'Monitoringronde', 'Maatregel']);
    expect(submitted!.where[1]!.label).toBe(round.name);
    expect(submitted!.where[2]!.label).toBe(`${interview.measureCode} ${interview.measureName}`);
    // Its main record first, with the frozen facts as a summary and the time as people write it.
    const input = submitted!.items[0]!;
    expect(input.entity).toBe('monitoringInterview');
    const byField = Object.fromEntries(input.changes.map((c) => [c.field, c]));
    expect(byField.status).toMatchObject({ label: 'Status', old: 'Concept', new: 'Ingediend' });
    expect(byField.factsSnapshot!.label).toBe('Vastgelegde feiten');
    expect(byField.factsSnapshot!.new).toMatch(/^Feiten van 30-11-2026: resultaten: \d+, (begroting \d{4}(–\d{4})?: € [\d.]+,\d\d|geen begroting), open acties: \d+$/);
    expect(byField.submittedAt!.new).toMatch(/^30-11-2026 \d\d:\d\d$/);
    // The answer before: a long text shortened, the whole of it at hand.
    const answer = answered!.items.find((i) => i.entity === 'monitoringAnswer')!;
    const text = answer.changes.find((c) => c.field === 'answer')!;
    expect(text.new.length).toBeLessThanOrEqual(160);
    expect(text.new.endsWith('…')).toBe(true);
    expect(text.newFull).toBe(long);
    expect(answered!.where.map((w) => w.label)).toContain(round.name);

    for (const s of shownTexts(feed)) {
      expect(s).not.toMatch(JSON_TEXT);
      expect(s).not.toMatch(ISO_STAMP);
      expect(s).not.toMatch(ISO_DATE);
      expect(s).not.toMatch(UUID);
    }
  });

  it('folds a big action into one entry with counts per kind of record', async () => {
    const { call, app } = await makeCore({ workspace: false });
    await call('workspace.openExample');
    const feed = await call('history.feed', {});
    expect(feed.sets).toHaveLength(1);
    const [example] = feed.sets;
    const rows = (app.requireWorkspace().sqlite.prepare('SELECT count(*) AS n FROM change').get() as { n: number }).n;
    expect(example!.records).toBe(rows);
    expect(example!.items.length).toBeLessThanOrEqual(25);
    expect(example!.moreItems).toBe(rows - example!.items.length);
    expect(example!.summary.reduce((a, x) => a + x.n, 0)).toBe(rows);
    expect(example!.summary[0]).toMatchObject({ entity: 'programme', entityName: 'Programma', op: 'create' });
    for (const s of shownTexts(feed)) expect(s).not.toMatch(UUID);
  });

  it('filters by person, by date and by record', async () => {
    const { call, app } = await makeCore();
    pinToday('2026-03-02');
    const a = await call('programme.create', programmeInput({ name: 'Programma A' }));
    app.setSettings({ userName: 'Fatima de Wit' });
    pinToday('2026-03-05');
    const b = await call('programme.create', programmeInput({ name: 'Programma B' }));
    await call('programme.update', { ...programmeInput({ name: 'Programma B2' }), id: b.id, rowVersion: b.rowVersion });
    app.setSettings({ userName: 'Testgebruiker' });
    await call('programme.update', { ...programmeInput({ name: 'Programma A2' }), id: a.id, rowVersion: a.rowVersion });

    const all = await call('history.feed', {});
    expect(all.users).toEqual(['Fatima de Wit', 'Testgebruiker']);
    expect(all.sets).toHaveLength(4);
    const byFatima = await call('history.feed', { user: 'Fatima de Wit' });
    expect(byFatima.sets.map((s) => s.user)).toEqual(['Fatima de Wit', 'Fatima de Wit']);
    // Dates: the screen sends local midnights; a day either side holds for any time zone.
    const fromThird = await call('history.feed', { from: '2026-03-03T12:00:00.000Z', to: '2026-03-06T12:00:00.000Z' });
    expect(fromThird.sets).toHaveLength(3);
    const untilThird = await call('history.feed', { to: '2026-03-03T12:00:00.000Z' });
    expect(untilThird.sets.map((s) => s.items[0]!.itemLabel)).toEqual(['Programma A2']);
    const onlyA = await call('history.feed', { entity: 'programme', id: a.id });
    expect(onlyA.sets).toHaveLength(2);
    expect(onlyA.record).toEqual({ entity: 'programme', entityName: 'Programma', label: 'Programma A2' });
    const renamed = onlyA.sets[0]!.items[0]!.changes.find((c) => c.field === 'name');
    expect(renamed).toEqual({ field: 'name', label: 'Naam', old: 'Programma A', new: 'Programma A2' });
    // Pages: older than the last entry shown.
    const first = await call('history.feed', { limit: 3 });
    expect(first.more).toBe(true);
    const next = await call('history.feed', { limit: 3, before: first.sets[2]!.changeSetId });
    expect(next.more).toBe(false);
    expect([...first.sets, ...next.sets].map((s) => s.changeSetId)).toEqual(all.sets.map((s) => s.changeSetId));
  });

  it('has a Dutch label for every column a history entry can show', async () => {
    const { app } = await makeCore();
    const db = app.requireWorkspace().sqlite as Database.Database;
    const hidden = new Set(['id', 'created_at', 'updated_at', 'deleted_at', 'deleted_in', 'row_version', 'sort_order']);
    const missing: string[] = [];
    for (const [entity, def] of Object.entries(entities)) {
      const table = def.table.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase());
      for (const col of db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]) {
        if (hidden.has(col.name)) continue;
        const field = col.name.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
        if (fieldLabel(field) === field) missing.push(`${entity}.${field}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('values as people read them', () => {
  it('never shows a stored JSON record or list of records', () => {
    expect(formatValue('factsSnapshot', JSON.stringify({ measureId: 'x', asOf: '2017-11-06', results: { items: [{}, {}] }, budget: { years: [{ year: 2017, budgetedCents: 123456 }, { year: 2018, budgetedCents: 100 }] }, openActions: [{}] }))).toBe(
      'Feiten van 06-11-2017: resultaten: 2, begroting 2017–2018: € 1.235,56, open acties: 1',
    );
    expect(formatValue('snapshot', JSON.stringify([{ id: 'q1', questionText: 'Wat loopt goed?' }, { id: 'q2', questionText: 'Wat kan beter?' }]))).toBe('2 onderdelen');
    expect(formatValue('mapping', JSON.stringify({ schoolYear: 'Jaar', brin: null }))).toBe('1 gegevens');
    expect(formatValue('categories', JSON.stringify([{ name: 'mbo 2', count: 4 }]))).toBe('mbo 2: 4');
    expect(formatValue('paymentDates', JSON.stringify(['2026-07-31']))).toBe('31-07-2026');
  });
});
