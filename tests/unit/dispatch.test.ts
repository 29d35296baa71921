import { describe, expect, it } from 'vitest';
import { makeCore, programmeInput } from './helpers';
import { AppState } from '../../electron/core/app-state';
import { createDispatcher } from '../../electron/core/dispatch';
import { assertNoOverlap } from '../../electron/core/handlers';
import { contract } from '../../shared/contract';
import type { Handlers } from '../../electron/core/handlers/types';

describe('dispatch', () => {
  it('returns the value in an ok envelope', async () => {
    const { dispatch } = await makeCore();
    const r = await dispatch('regions.list', {});
    expect(r.ok).toBe(true);
    if (r.ok) expect((r.value as unknown[]).length).toBe(40);
  });

  it('refuses an unknown channel in Dutch', async () => {
    const { dispatch } = await makeCore();
    expect(await dispatch('programme.dropAll', {})).toEqual({ ok: false, error: { code: 'unknown_channel', message: 'Onbekende opdracht "programme.dropAll".' } });
  });

  it('names the field and says what to fix for invalid input', async () => {
    const { fail } = await makeCore();
    const e = await fail('programme.create', programmeInput({ name: '  ', periodEnd: '2020-01-01' }));
    expect(e.code).toBe('invalid_input');
    expect(e.field).toBe('name');
    expect(e.message).toContain('Naam: vul dit veld in.');
    expect(e.issues?.map((i) => i.field)).toEqual(expect.arrayContaining(['name', 'periodEnd']));
    expect(e.message).toContain('Einddatum: de einddatum ligt vóór de startdatum.');
  });

  it('refuses wrong types, impossible dates, negative and fractional cents, and unknown fields', async () => {
    const { fail } = await makeCore();
    expect((await fail('programme.create', programmeInput({ periodStart: '31-02-2026' }))).message).toMatch(/Startdatum: 31-02-2026 bestaat niet: februari 2026 heeft 28 dagen/);
    expect((await fail('programme.create', programmeInput({ requestedCents: -1 }))).message).toMatch(/Aangevraagd bedrag: mag niet negatief/);
    expect((await fail('programme.create', programmeInput({ requestedCents: 10.5 }))).message).toMatch(/Aangevraagd bedrag: een bedrag in hele centen/);
    expect((await fail('programme.create', { ...programmeInput(), bsn: '123' })).message).toMatch(/onbekend.*bsn/);
    expect((await fail('programme.create', 'zomaar tekst')).code).toBe('invalid_input');
  });

  it('names a field by what it means for that kind of record', async () => {
    const { fieldLabel } = await import('../../shared/i18n/nl');
    expect(fieldLabel('date', 'spend')).toBe('Datum');
    expect(fieldLabel('date', 'measurement')).toBe('Meetdatum');
    expect(fieldLabel('items.2.date', 'spend')).toBe('Datum');
    expect(fieldLabel('periodEnd', 'programme')).toBe('Einddatum');
  });

  it('says to open a workspace first when none is open', async () => {
    const { fail } = await makeCore({ workspace: false });
    const e = await fail('programme.list', {});
    expect(e).toMatchObject({ code: 'no_workspace', message: expect.stringMatching(/Open of maak eerst een werkbestand/) });
  });

  it('turns an unexpected error into a generic Dutch message and logs it', async () => {
    const logged: unknown[] = [];
    const app = new AppState({ dataDir: (await makeCore({ workspace: false })).dir, host: 'test' });
    const handlers = { 'regions.list': () => { throw new Error('kapot'); } } as unknown as Handlers;
    const dispatch = createDispatcher(app, { handlers, log: (_m, e) => logged.push(e) });
    const r = await dispatch('regions.list', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringMatching(/Er ging iets mis.*kapot/) } });
    expect(logged).toHaveLength(1);
  });

  it('has exactly one handler for every channel of the contract', async () => {
    const { allHandlers } = await import('../../electron/core/handlers');
    expect(Object.keys(allHandlers).sort()).toEqual(Object.keys(contract).sort());
    expect(() => assertNoOverlap([{ a: 1 }, { a: 2 }])).toThrow(/handled twice/);
  });
});
