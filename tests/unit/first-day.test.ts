/**
 * Issue 17: what a new user tripped over on the first day, at the level of the shared rules
 * (messages, number reading, plurals, times). Each expectation failed on the old behaviour.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { nl, t } from '../../shared/i18n/nl';
import { dateError, dateInputProblem, formatDateTime } from '../../shared/dates';
import { longText, isoDate } from '../../shared/schemas/fields';
import { parseNumberInput, percentReading, readPercentage } from '../../shared/results/format';
import { sinceText } from '../../electron/core/files/lock';
import { makeCore, programmeInput } from './helpers';
import { partnerLabel, similarPartners } from '../../shared/partners/names';
import { valueAxis } from '../../shared/results/axis';

describe('a date in the right shape whose day does not exist says so', () => {
  it('31-2-2017 is not "badly written" but a day February 2017 does not have', () => {
    expect(dateError('31-2-2017')).toBe('31-2-2017 bestaat niet: februari 2017 heeft 28 dagen.');
    expect(dateInputProblem('29-02-2024')).toBeNull();
    expect(dateInputProblem('31-04-2026')).toBe('31-04-2026 bestaat niet: april 2026 heeft 30 dagen.');
    expect(dateInputProblem('12-13-2026')).toMatch(/^12-13-2026 bestaat niet: er is geen maand 13/);
    // A wrong shape keeps the message that shows the shape.
    expect(dateError('morgen')).toBe('geen geldige datum; schrijf dd-mm-jjjj, bijvoorbeeld 31-07-2026.');
  });
  it('the schema at the core boundary (IPC, CLI, Excel) says the same about an ISO date', () => {
    const r = z.object({ d: isoDate() }).safeParse({ d: '2017-02-31' });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toBe('2017-02-31 bestaat niet: februari 2017 heeft 28 dagen.');
  });
});

describe('a percentage field says how it read the input', () => {
  it('"0.975" is not read as 975 (a thousands group never starts with 0)', () => {
    expect(parseNumberInput('0.975')).toBeNull();
    expect(parseNumberInput('1.234')).toBe(1234);
    expect(readPercentage('0.975')).toEqual({ value: 0.975 });
    expect(percentReading('0.975')).toBe('Gelezen als 0,975%: de punt is als komma gelezen. Bedoelt u iets anders, schrijf dan bijvoorbeeld 97,5.');
    expect(percentReading('97,5')).toBe('Gelezen als 97,5%.');
    expect(percentReading('geen')).toBeUndefined();
  });
  it('an out-of-range percentage is refused with how it was read', () => {
    expect(readPercentage('1.975')).toEqual({ value: null, error: 'Gelezen als 1.975%. Een percentage ligt tussen 0 en 100.' });
    expect(readPercentage('abc').error).toBe(t('val.number'));
  });
});

describe('a text that is too long gives both lengths in nl-NL', () => {
  it('via a field builder and via a plain .max()', () => {
    const r = z.object({ a: longText(50_000) }).safeParse({ a: 'x'.repeat(50_123) });
    expect(r.error!.issues[0]!.message).toBe('te lang (50.123 tekens); hooguit 50.000 tekens.');
    // A schema without its own message goes through the project's error map (locale.ts).
    const plain = z.object({ a: z.string().max(50_000) }).safeParse({ a: 'x'.repeat(50_001) });
    expect(plain.error!.issues[0]!.message).toBe('te lang (50.001 tekens); hooguit 50.000 tekens.');
  });
});

describe('counts use singular and plural forms, never "(s)" or abbreviations', () => {
  it('picks the singular for 1 and the plural otherwise (Intl.PluralRules)', () => {
    expect(t('mon.actions.overdueCount', { n: 1 })).toMatch(/^1 actie is te laat/);
    expect(t('mon.actions.overdueCount', { n: 3 })).toMatch(/^3 acties zijn te laat/);
    expect(t('mon.actions.overdueCount', { n: 0 })).toMatch(/^0 acties zijn te laat/);
    expect(t('tree.counts', { measures: t('tree.measures', { n: 1 }), activities: t('tree.measureCounts', { n: 1 }) })).toBe('1 maatregel · 1 activiteit');
    expect(t('tree.subCount', { n: 4 })).toBe('4 deelactiviteiten');
    expect(t('tree.subCount', { n: 1 })).toBe('1 deelactiviteit');
  });
  it('no message with a count in the catalogue writes "(s)", "(en)" or "deelact."', () => {
    const bad = Object.entries(nl).filter(([, v]) => /\{(n|count|pending)\}/.test(v) && /\w\((s|en|'s)\)|deelact\./.test(v));
    expect(bad).toEqual([]);
  });
  it('no screen text abbreviates ("deelact.", "t.o.v.", "bijv.")', () => {
    const bad = Object.entries(nl).filter(([k, v]) => !/^(xl|xlh|cli)\./.test(k) && /deelact\.|t\.o\.v\.|bijv\./.test(v));
    expect(bad).toEqual([]);
  });
});

describe('times are shown in Dutch time whatever zone the process runs in', () => {
  const tz = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = 'UTC'; // as on this machine and in CI: the old code showed UTC
  });
  afterAll(() => {
    if (tz === undefined) delete process.env.TZ;
    else process.env.TZ = tz;
  });
  it('winter and summer time', () => {
    expect(formatDateTime('2026-11-23T14:05:00.000Z')).toBe('23-11-2026 15:05');
    expect(formatDateTime('2026-07-01T12:00:00.000Z')).toBe('01-07-2026 14:00');
  });
  it('the lock box\'s "sinds" is the Dutch time, and "today" is the Dutch day', () => {
    expect(sinceText('2026-11-23T08:12:00.000Z', new Date('2026-11-23T10:00:00.000Z'))).toBe('09:12');
    // 23:30 UTC is already the next day in Amsterdam: the same Dutch day as 10:00 UTC on the 24th.
    expect(sinceText('2026-11-23T23:30:00.000Z', new Date('2026-11-24T10:00:00.000Z'))).toBe('00:30');
    expect(sinceText('2026-11-22T08:12:00.000Z', new Date('2026-11-23T10:00:00.000Z'))).toBe('22-11-2026 09:12');
  });
});

describe('a failed daily backup is shown, with what to do, until a backup succeeds', () => {
  it('backup.problem names the failure after an opening whose backup failed, and clears after a manual backup', async () => {
    const { call, app } = await makeCore();
    const file = app.workspace!.path;
    expect(await call('backup.problem')).toBeNull();
    await call('workspace.close');
    // The backup folder cannot be made: a file stands where it should be.
    fs.rmSync(app.backupsDir, { recursive: true, force: true });
    fs.writeFileSync(app.backupsDir, 'geen map');
    await call('workspace.open', { path: file });
    const problem = await call('backup.problem');
    expect(problem?.message).toMatch(/^De automatische reservekopie van vandaag is niet gemaakt\. /);
    expect(problem?.message).toContain('Maak er nu een op de pagina Reservekopieën');
    expect(problem?.message).not.toMatch(/ENOTDIR|EEXIST|Error/);
    // Fixed by the user, then a backup by hand: the notice goes.
    fs.rmSync(app.backupsDir, { force: true });
    await call('backup.create');
    expect(await call('backup.problem')).toBeNull();
  });
});

describe('no partner twice', () => {
  const org = (name: string, extra: Partial<{ brin: string; kvk: string; place: string }> = {}) => ({ name, type: 'mbo' as const, brin: '', kvk: '', place: '', notes: '', ...extra });
  it('a second partner with the same BRIN or KvK number is refused, naming the first; editing itself is fine', async () => {
    const { call, fail } = await makeCore();
    const arcus = await call('organisation.create', org('Arcus College', { brin: '25LJ', kvk: '12345678' }));
    const brin = await fail('organisation.create', org('Arcus College', { brin: '25lj' }));
    expect(brin.field).toBe('brin');
    expect(brin.message).toBe('BRIN-nummer: 25LJ is al het BRIN-nummer van partner "Arcus College". Een BRIN-nummer hoort bij één partner: open die partner, of controleer het nummer.');
    const kvk = await fail('organisation.create', org('Arcus', { kvk: '1234.5678' }));
    expect(kvk.field).toBe('kvk');
    expect((await call('organisation.list')).length).toBe(1);
    // Saving the partner itself again, and a vestiging (25LJ01), are not duplicates.
    await call('organisation.update', { id: arcus.id, rowVersion: arcus.rowVersion, ...org('Arcus College Amersfoort', { brin: '25LJ', kvk: '12345678' }) });
    await call('organisation.create', org('Arcus College vestiging Zeist', { brin: '25LJ01' }));
    const other = await call('organisation.create', org('ROC Zuid', { brin: '99XY' }));
    expect((await fail('organisation.update', { id: other.id, rowVersion: other.rowVersion, ...org('ROC Zuid', { brin: '25LJ' }) })).field).toBe('brin');
  });

  it('a partner coming back from the Prullenbak or by undo may not bring a number another partner took meanwhile', async () => {
    const { call, fail, app, as } = await makeCore();
    const arcus = await call('organisation.create', org('Arcus College', { brin: '25LJ' }));
    await call('organisation.delete', { id: arcus.id, rowVersion: arcus.rowVersion });
    const zeist = await call('organisation.create', org('Arcus Zeist', { brin: '25LJ' }));
    const item = (await call('trash.list')).find((x) => x.label === 'Arcus College')!;
    const back = await fail('trash.restore', { changeSetId: item.changeSetId });
    expect(back.message).toBe(
      'Partner "Arcus College" kan niet terugkomen met BRIN-nummer 25LJ: dat nummer is nu van partner "Arcus Zeist". Een nummer hoort bij één partner: pas het nummer bij "Arcus Zeist" aan of zet die partner eerst in de Prullenbak.',
    );
    const live = () => app.workspace!.db.selectFrom('organisation').select('name').where('brin', '=', '25LJ').where('deletedAt', 'is', null).execute();
    expect(await live()).toEqual([{ name: 'Arcus Zeist' }]);
    // Zeist takes another number: now Arcus College may come back.
    await call('organisation.update', { id: zeist.id, rowVersion: zeist.rowVersion, ...org('Arcus Zeist', { brin: '25LJ01' }) });
    await call('trash.restore', { changeSetId: item.changeSetId });
    expect((await live()).map((r) => r.name)).toEqual(['Arcus College']);
    // Undo in one window of a number change, after another window gave that number to a new partner.
    const midden = await call('organisation.create', org('ROC Midden', { brin: '40AB' }));
    await call('organisation.update', { id: midden.id, rowVersion: midden.rowVersion, ...org('ROC Midden', { brin: '41AB' }) });
    await as('venster-2').call('organisation.create', org('ROC Oost', { brin: '40AB' }));
    expect((await fail('history.undo', {})).message).toBe(
      'Partner "ROC Midden" kan niet terugkomen met BRIN-nummer 40AB: dat nummer is nu van partner "ROC Oost". Een nummer hoort bij één partner: pas het nummer bij "ROC Oost" aan of zet die partner eerst in de Prullenbak.',
    );
    expect((await app.workspace!.db.selectFrom('organisation').select('brin').where('id', '=', midden.id).executeTakeFirstOrThrow()).brin).toBe('41AB');
  });

  it('near-duplicate names are found (to ask before saving), different partners are not', () => {
    const all = [
      { id: '1', name: 'Arcus College' },
      { id: '2', name: 'Gemeente Voorbeeldstad' },
      { id: '3', name: 'ROC Midden' },
    ];
    expect(similarPartners('arcus college ', all).map((p) => p.id)).toEqual(['1']);
    expect(similarPartners('Arcus-College', all).map((p) => p.id)).toEqual(['1']);
    expect(similarPartners('Arkus Colege', all).map((p) => p.id)).toEqual(['1']);
    expect(similarPartners('Voorbeeldstad', all).map((p) => p.id)).toEqual(['2']);
    expect(similarPartners('ROC Oost', all)).toEqual([]);
    expect(similarPartners('Arcus College', all, '1')).toEqual([]); // itself, when edited
  });

  it('twins are told apart in pickers, and a partner request by an ambiguous name asks which one', async () => {
    const a = { id: 'a', name: 'Arcus College', brin: '25LJ', kvk: '', place: 'Amersfoort' };
    const b = { id: 'b', name: 'Arcus College', brin: '', kvk: '', place: 'Zeist' };
    expect(partnerLabel(a, [a, b])).toBe('Arcus College (BRIN 25LJ, Amersfoort)');
    expect(partnerLabel(b, [a, b])).toBe('Arcus College (Zeist)');
    expect(partnerLabel(a, [a])).toBe('Arcus College');
    // Two with one name (possible: names need not be unique, numbers must): the request refuses to guess.
    const { call, fail } = await makeCore();
    await call('programme.create', programmeInput());
    await call('organisation.create', org('Arcus College', { brin: '25LJ', place: 'Amersfoort' }));
    const second = await call('organisation.create', org('Arcus College', { place: 'Zeist' }));
    const e = await fail('exchange.export', { kind: 'partner', partner: 'Arcus College' });
    expect(e.message).toMatch(/^Er zijn 2 partners met de naam "Arcus College": Arcus College \(BRIN 25LJ, Amersfoort\); Arcus College \(Zeist\)\. Kies welke u bedoelt/);
    const byId = await call('exchange.export', { kind: 'partner', partners: [second.id] });
    expect(byId.files).toHaveLength(1);
  });
});

describe('trend charts start their value axis at a meaningful base', () => {
  it('a high-lying percentage gets at least 10 points of scale; low rates and counts start at 0', () => {
    expect(valueAxis([97.2, 97.9, 98], 'percentage')).toEqual({ lo: 80, hi: 100, ticks: [80, 90, 100] });
    expect(valueAxis([1.8, 2.3], 'percentage')).toEqual({ lo: 0, hi: 2.5, ticks: [0, 1.25, 2.5] });
    expect(valueAxis([120, 430], 'count')).toEqual({ lo: 0, hi: 450, ticks: [0, 225, 450] });
    expect(valueAxis([-40, -10], 'count').lo).toBe(-40);
  });
});
