/**
 * Two writers on one file (issue 10, point 5): every update and delete carries the version of the
 * record it was based on; a write based on an older version is refused with a Dutch conflict that
 * shows what is stored now and what the user sent, and nothing is written. Two dispatchers (two
 * windows) on one open workspace, as the desktop shell and the browser host run them.
 */
import { describe, expect, it } from 'vitest';
import { makeCore, programmeInput } from './helpers';
import { createDispatcher } from '../../electron/core/dispatch';
import type { Channel, In, Out } from '../../shared/contract';
import type { AppError } from '../../shared/result';
import { dumpTables } from './undo-helpers';

async function twoWindows(opts: { example?: boolean } = {}) {
  const core = await makeCore({ workspace: !opts.example });
  if (opts.example) await core.call('workspace.openExample');
  const window = (session: string) => {
    const dispatch = createDispatcher(core.app, { session, log: () => {} });
    return {
      async call<C extends Channel>(channel: C, input: In<C>): Promise<Out<C>> {
        const r = await dispatch(channel, input);
        if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
        return r.value as Out<C>;
      },
      async fail(channel: Channel, input: unknown): Promise<AppError> {
        const r = await dispatch(channel, input);
        if (r.ok) throw new Error(`${channel} had to be refused`);
        return r.error;
      },
      /** Ctrl+Z, confirming a big change set as the dialog would. */
      async undo(): Promise<void> {
        const r = await this.call('history.undo', {});
        if (r.status === 'confirm') await this.call('history.undo', { changeSetId: r.changeSetId });
      },
    };
  };
  return { core, sqlite: core.app.requireWorkspace().sqlite, one: window('venster-1'), two: window('venster-2') };
}

describe('a stale write is refused, not applied', () => {
  it('a form opened before a colleague renamed the programme does not put the old name back', async () => {
    const { core, sqlite, one, two } = await twoWindows();
    const p = await one.call('programme.create', programmeInput({ name: 'Regionaal programma' }));
    // Window 1 opens the form (version 1); window 2 renames the programme.
    const loaded = await one.call('programme.get', { id: p.id });
    core.app.setSettings({ userName: 'Anna de Vries' });
    await two.call('programme.update', { ...programmeInput({ name: 'RP VSV 2026-2029' }), id: p.id, rowVersion: loaded.rowVersion });
    core.app.setSettings({ userName: 'Testgebruiker' });
    const before = dumpTables(sqlite);
    const changeSets = sqlite.prepare('SELECT count(*) AS n FROM change_set').get();

    // Window 1 saves its form: its old name and a new note.
    const mine = { ...programmeInput({ name: 'Regionaal programma', notes: 'Besproken in de stuurgroep.', requestedCents: 150_000_000 }), id: p.id, rowVersion: loaded.rowVersion };
    const e = await one.fail('programme.update', mine);
    expect(e.code).toBe('conflict');
    expect(e.message).toMatch(/^Programma "RP VSV 2026-2029" is gewijzigd door Anna de Vries \(\d\d-\d\d-\d{4} \d\d:\d\d\), nadat u het opende\. /);
    expect(e.message).toContain('Naam: nu "RP VSV 2026-2029", uw waarde "Regionaal programma".');
    expect(e.message).toContain('Aangevraagd bedrag: nu "€ 1.234.567,89", uw waarde "€ 1.500.000,00".');
    expect(e.message).toMatch(/Laad de nieuwste versie, of sla uw versie toch op\.$/);
    expect(e.conflict).toMatchObject({ entity: 'programme', id: p.id, rowVersion: loaded.rowVersion + 1, by: 'Anna de Vries' });
    expect(e.conflict!.fields.map((f) => [f.label, f.current, f.yours])).toEqual([
      ['Naam', 'RP VSV 2026-2029', 'Regionaal programma'],
      ['Aangevraagd bedrag', '€ 1.234.567,89', '€ 1.500.000,00'],
      ['Notities', '—', 'Besproken in de stuurgroep.'],
    ]);
    // Nothing written: no field, no version, no history entry.
    expect(dumpTables(sqlite)).toEqual(before);
    expect(sqlite.prepare('SELECT count(*) AS n FROM change_set').get()).toEqual(changeSets);
    expect((await one.call('programme.get', { id: p.id })).rowVersion).toBe(loaded.rowVersion + 1);

    // "Mijn versie opslaan": the same values with the version the conflict named.
    const saved = await one.call('programme.update', { ...mine, rowVersion: e.conflict!.rowVersion });
    expect(saved).toMatchObject({ name: 'Regionaal programma', notes: 'Besproken in de stuurgroep.', rowVersion: loaded.rowVersion + 2 });
    // Window 2 still shows the version before: its next save is refused in turn.
    expect((await two.fail('programme.update', { ...programmeInput({ name: 'RP VSV 2026-2029' }), id: p.id, rowVersion: loaded.rowVersion + 1 })).code).toBe('conflict');
  });

  it('refuses a stale delete of every kind of record, and deletes once the user saw the newest version', async () => {
    const { sqlite, one, two } = await twoWindows({ example: true });
    const cases: [Channel, string][] = [
      ['programme.delete', 'programme'],
      ['organisation.delete', 'organisation'],
      ['contact.delete', 'contact'],
      ['line.delete', 'programme_line'],
      ['measure.delete', 'measure'],
      ['activity.delete', 'activity'],
      ['subActivity.delete', 'sub_activity'],
      ['award.delete', 'award'],
      ['budgetLine.delete', 'budget_line'],
      ['spend.delete', 'spend'],
      ['indicator.delete', 'indicator'],
      ['measurement.delete', 'measurement'],
      ['regionFigure.delete', 'region_figure'],
      ['monitoring.round.delete', 'monitoring_round'],
      ['monitoring.interview.remove', 'monitoring_interview'],
      ['monitoring.attendee.remove', 'monitoring_attendee'],
      ['monitoring.action.delete', 'monitoring_action'],
    ];
    for (const [channel, table] of cases) {
      const row = sqlite.prepare(`SELECT id, row_version AS v FROM ${table} WHERE deleted_at IS NULL ORDER BY id LIMIT 1`).get() as { id: string; v: number } | undefined;
      expect(row, table).toBeDefined();
      const { id, v } = row!;
      // Window 2 changes the record (here: to the Prullenbak and back with Ctrl+Z).
      await two.call(channel, { id, rowVersion: v } as never);
      await two.undo();
      const before = dumpTables(sqlite);
      const e = await one.fail(channel, { id, rowVersion: v });
      expect(e.code, channel).toBe('conflict');
      expect(e.message, channel).toMatch(/is gewijzigd door Testgebruiker \(.*\), nadat u het opende\. Bekijk de nieuwste versie, of verwijder het toch\.$/);
      expect(dumpTables(sqlite), channel).toEqual(before);
      // With the version the conflict named, the delete goes through.
      await one.call(channel, { id, rowVersion: e.conflict!.rowVersion } as never);
      expect((sqlite.prepare(`SELECT deleted_at FROM ${table} WHERE id = ?`).get(id) as { deleted_at: string | null }).deleted_at, channel).not.toBeNull();
      await one.undo();
    }
  }, 120_000);

  it('refuses stale moves, status changes and answers too', async () => {
    const { sqlite, one, two } = await twoWindows({ example: true });
    const first = (sql: string) => sqlite.prepare(sql).get() as { id: string; v: number; other?: string };
    const before = () => dumpTables(sqlite);

    const act = first("SELECT a.id, a.row_version AS v, (SELECT m2.id FROM measure m2 WHERE m2.programme_id = m.programme_id AND m2.id != m.id AND m2.shape = 'measure' AND m2.deleted_at IS NULL LIMIT 1) AS other FROM activity a JOIN measure m ON m.id = a.measure_id WHERE a.deleted_at IS NULL AND m.shape = 'measure' LIMIT 1");
    const action = first("SELECT id, row_version AS v FROM monitoring_action WHERE deleted_at IS NULL AND status = 'open' LIMIT 1");
    const input = first("SELECT id, row_version AS v FROM monitoring_interview WHERE deleted_at IS NULL AND status = 'concept' LIMIT 1");
    const detail = await two.call('monitoring.interview.get', { id: input.id });
    const question = detail.questions[0]!.questionId;

    // Window 2 writes first: an answer (raises the input's version), a status, a move.
    await two.call('monitoring.interview.saveAnswers', { id: input.id, rowVersion: input.v, answers: [{ questionId: question, answer: 'Antwoord uit venster 2.' }] });
    await two.call('monitoring.action.setStatus', { id: action.id, rowVersion: action.v, status: 'loopt' });
    await two.call('activity.move', { id: act.id, rowVersion: act.v, measureId: act.other! });

    const state = before();
    for (const [channel, input2] of [
      ['monitoring.interview.saveAnswers', { id: input.id, rowVersion: input.v, answers: [{ questionId: question, answer: 'Ouder antwoord uit venster 1.' }] }],
      ['monitoring.interview.setStatus', { id: input.id, rowVersion: input.v, status: 'ingediend' }],
      ['monitoring.action.setStatus', { id: action.id, rowVersion: action.v, status: 'afgerond' }],
      ['activity.move', { id: act.id, rowVersion: act.v, lineId: null }],
    ] as [Channel, unknown][]) {
      const e = await one.fail(channel, input2);
      expect(e.code, channel).toBe('conflict');
      expect(e.message, channel).toContain('nadat u het opende');
    }
    expect(before()).toEqual(state);
    expect((await one.call('monitoring.interview.get', { id: input.id })).questions[0]!.answer).toBe('Antwoord uit venster 2.');
  }, 60_000);
});
