/**
 * Targets and results of the example region (fictional figures). Every activity of the current
 * programme gets the built-in participants indicator and, where it has one, its vsv-percentage;
 * a few activities get a hand-made indicator: a lower-is-better count with a relative target, a
 * range target, a band, a disaggregated indicator, percentages with numerator and denominator, an
 * indicator without data, a linked ("waarvan") pair. The DUO figures are measured in November,
 * about the school year that ended before (their moments report on the previous school year).
 * Values are chosen so every status occurs, up to 23-11-2026; docs/RESULTS.md lists the statuses.
 * Everything here is written in that calendar; the Writer moves each record to the clock's year
 * (calendar.ts).
 */
import { randomUUID } from 'node:crypto';
import type { Tracker } from '../history/tracker';
import { seedLines, type SeedActivity } from './tree-data';
import { virtualParticipants } from '../db/queries/results';
import { schoolYearOf, schoolYearRange } from '../../../shared/results/schoolYear';
import type { MomentKind, TargetSpec } from '../../../shared/results/types';
import { defaultMomentPeriod, describedAt, momentRuleFor, reportingPeriod, type MomentPeriod } from '../../../shared/results/periods';
import { MOMENT_WINDOW_DAYS } from '../../../shared/results/moments';
import type { DemoCalendar } from './calendar';

const YEARS = ['2024/2025', '2025/2026', '2026/2027', '2027/2028'];
const round1 = (n: number) => Math.round(n * 10) / 10;
const at = (date: string) => `${date}T10:00:00.000Z`;

type IndicatorSeed = {
  name: string;
  unit: string;
  direction: string;
  aggregation: string;
  momentKind: string;
  momentDates: string[];
  dataSource: string;
  baselineValue: number | null;
  baselineDate: string | null;
  baselineSource?: string;
  baselineNote?: string;
  description?: string;
  freeUnit?: string;
  categories?: string[];
  /** Per moment the period it reports on; left out, the default for its month. */
  momentPeriods?: MomentPeriod[];
  parentId?: string;
  phrase?: string;
};

type MeasurementSeed = {
  date: string;
  value?: number | null;
  numerator?: number;
  denominator?: number;
  categories?: [string, number][];
  status?: 'voorlopig' | 'definitief';
  recordedAt?: string;
  source?: string;
  explanation?: string;
};

class Writer {
  constructor(
    private tr: Tracker,
    private cal: DemoCalendar,
  ) {}
  private stamp = () => ({ createdAt: this.tr.at, updatedAt: this.tr.at, deletedAt: null, deletedIn: null });
  /** Each indicator's moments, so a measurement gets its period by the same rule as one typed in. */
  private moments = new Map<string, { kind: MomentKind; dates: string[]; periods: MomentPeriod[] }>();

  /** The built-in participants indicator: its moment is 31 July, about the school year it ends. */
  registerMoments(indicatorId: string, kind: MomentKind, dates: string[], periods: MomentPeriod[]): void {
    this.moments.set(indicatorId, { kind, dates, periods });
  }

  async indicator(owner: { activityId?: string; measureId?: string }, written: IndicatorSeed, sortOrder: number): Promise<string> {
    const s = this.cal.deep(written);
    const id = randomUUID();
    const momentPeriods = s.momentPeriods ?? s.momentDates.map((d) => defaultMomentPeriod('schooljaar', s.momentKind === 'lijst' ? d.slice(5) : d));
    this.registerMoments(id, s.momentKind as MomentKind, s.momentDates, momentPeriods);
    await this.tr.insert('indicator', {
      id,
      activityId: owner.activityId ?? null,
      measureId: owner.measureId ?? null,
      builtin: null,
      name: s.name,
      description: s.description ?? '',
      unit: s.unit,
      freeUnit: s.freeUnit ?? '',
      direction: s.direction,
      aggregation: s.aggregation,
      dataSource: s.dataSource,
      momentKind: s.momentKind,
      momentDates: JSON.stringify(s.momentDates),
      categories: JSON.stringify(s.categories ?? []),
      baselineValue: s.baselineValue,
      baselineDate: s.baselineDate,
      baselineSource: s.baselineSource ?? s.dataSource,
      baselineNote: s.baselineNote ?? '',
      sortOrder,
      periodKind: 'schooljaar',
      momentPeriods: JSON.stringify(momentPeriods),
      parentId: s.parentId ?? null,
      phrase: s.phrase ?? '',
      ...this.stamp(),
    });
    return id;
  }

  async target(indicatorId: string, writtenYear: string, spec: TargetSpec, writtenRevision?: { supersedesId: string; reason: string; decisionDate: string }): Promise<string> {
    const year = this.cal.text(writtenYear);
    const revision = writtenRevision && { ...writtenRevision, reason: this.cal.text(writtenRevision.reason), decisionDate: this.cal.date(writtenRevision.decisionDate) };
    const id = randomUUID();
    const r = schoolYearRange(year);
    await this.tr.insert('target', {
      id,
      indicatorId,
      schoolYear: year,
      periodKind: 'schooljaar',
      periodStart: r.start,
      periodEnd: r.end,
      kind: spec.kind,
      value: spec.kind === 'exact' ? spec.value : null,
      min: spec.kind === 'bereik' ? spec.min : null,
      max: spec.kind === 'bereik' ? spec.max : null,
      percent: spec.kind === 'relatief' ? spec.percent : null,
      supersedesId: revision?.supersedesId ?? null,
      reason: revision?.reason ?? '',
      decisionDate: revision?.decisionDate ?? null,
      ...this.stamp(),
      // Targets were set when the programme started; a revision on the day of its decision.
      createdAt: revision ? at(revision.decisionDate) : at(this.cal.date('2024-09-15')),
    });
    return id;
  }

  async measurement(indicatorId: string, written: MeasurementSeed): Promise<void> {
    const m = this.cal.deep(written);
    const spec = this.moments.get(indicatorId)!;
    const period = reportingPeriod('schooljaar', momentRuleFor(spec, m.date, MOMENT_WINDOW_DAYS), m.date);
    await this.tr.insert('measurement', {
      id: randomUUID(),
      indicatorId,
      date: m.date,
      schoolYear: schoolYearOf(describedAt({ date: m.date, period })),
      periodKind: period.kind,
      periodStart: period.start,
      periodEnd: period.end,
      value: m.value ?? null,
      numerator: m.numerator ?? null,
      denominator: m.denominator ?? null,
      categories: m.categories ? JSON.stringify(m.categories.map(([name, count]) => ({ name, count }))) : null,
      status: m.status ?? 'definitief',
      source: m.source ?? '',
      explanation: m.explanation ?? '',
      recordedAt: m.recordedAt ?? at(m.date),
      ...this.stamp(),
      createdAt: m.recordedAt ?? at(m.date),
    });
  }
}

const OUTCOMES = ['verzuim verbeterd', 'geen verbetering', 'ander traject', 'uitgeschreven', 'diploma behaald'];

/** How far along the route each vsv indicator is in 2026/2027: behaald, op koers, aandacht, achter, op koers. */
const VSV_PATTERN = [1.1, 0.86, 0.7, 0.4, 0.9];
const REACHED_PAST = [1.04, 0.97, 1.1, 0.92];
const REACHED_NOW = [0.3, 0.27, 0.12, 0.33, 0.05];

export async function seedResults(tr: Tracker, cal: DemoCalendar, programmeId: string): Promise<void> {
  const w = new Writer(tr, cal);
  const seedByCode = new Map<string, SeedActivity>();
  for (const l of seedLines) for (const m of l.measures) for (const a of m.activities) seedByCode.set(a.code, a);
  const rows = await tr.trx
    .selectFrom('activity')
    .innerJoin('measure', 'measure.id', 'activity.measureId')
    .select(['activity.id as id', 'activity.code as code', 'activity.plannedParticipants as planned', 'activity.startDate as start', 'activity.endDate as end', 'measure.id as measureId', 'measure.code as measureCode'])
    .where('measure.programmeId', '=', programmeId)
    .orderBy('activity.code')
    .execute();

  let vsvIndex = 0;
  for (const [i, a] of rows.entries()) {
    const seed = seedByCode.get(a.code);
    const planned = JSON.parse(a.planned) as { schoolYear: string; count: number }[];
    const plannedFor = (y: string) => planned.find((p) => p.schoolYear === cal.text(y))?.count ?? 0;

    // 1. Participants reached: the built-in indicator, stored under its fixed id once it has values.
    if (planned.length) {
      const row = virtualParticipants(a.id, tr.at);
      await tr.insert('indicator', { ...row, dataSource: 'Eigen registratie', createdAt: tr.at, updatedAt: tr.at });
      w.registerMoments(row.id, 'jaarlijks', ['07-31'], ['lopend']);
      for (const [k, y] of YEARS.slice(0, 2).entries()) {
        if (!plannedFor(y)) continue;
        await w.measurement(row.id, { date: schoolYearRange(y).end, value: Math.round(plannedFor(y) * REACHED_PAST[(i + k) % REACHED_PAST.length]!), source: 'Registratie uitvoerders' });
      }
      if (plannedFor(YEARS[2]!) && i % 3 !== 2)
        await w.measurement(row.id, { date: '2026-11-01', value: Math.round(plannedFor(YEARS[2]!) * REACHED_NOW[i % REACHED_NOW.length]!), status: 'voorlopig', recordedAt: at('2026-11-10'), source: 'Tussenstand uitvoerders' });
    }

    // 2. The vsv-percentage of the first target group: lower is better, DUO, provisional in November.
    if (seed && seed.vsv[0] > 0) {
      const [b, final] = seed.vsv;
      const k = vsvIndex++;
      const id = await w.indicator(
        { activityId: a.id },
        {
          name: `VSV-percentage ${seed.targetGroups[0] ?? 'doelgroep'}`,
          unit: 'percentage',
          direction: 'lager',
          aggregation: 'niveau',
          momentKind: 'jaarlijks',
          momentDates: ['11-01'],
          dataSource: 'DUO',
          baselineValue: b,
          baselineDate: '2022-10-01',
          baselineSource: 'DUO, schooljaar 2022/2023, peildatum 1 oktober',
        },
        2,
      );
      const targets = YEARS.map((_, y) => round1(b - ((b - final) * (y + 1)) / 4));
      for (const [y, year] of YEARS.entries()) await w.target(id, year, { kind: 'exact', value: targets[y]! });
      const p = VSV_PATTERN[k % VSV_PATTERN.length]!;
      const along = (target: number, share: number) => round1(b - (b - target) * share);
      // DUO's figures come in November, about the school year that ended in July (the moment reports
      // on the school year before it): 2024/2025 provisional in November 2025, definitive in March.
      await w.measurement(id, { date: '2025-11-01', value: along(targets[0]!, 0.95), status: 'voorlopig', recordedAt: at('2025-11-20'), source: 'DUO voorlopige cijfers 2024/2025' });
      // One region never received the definitive figure for 2024/2025: it stays provisional (and on the attention list).
      if (k % 5 !== 2) await w.measurement(id, { date: '2025-11-01', value: along(targets[0]!, 0.92), status: 'definitief', recordedAt: at('2026-03-10'), source: 'DUO definitieve cijfers 2024/2025' });
      await w.measurement(id, {
        date: '2026-11-01',
        value: along(targets[1]!, p),
        status: 'voorlopig',
        recordedAt: at('2026-11-18'),
        source: 'DUO voorlopige cijfers 2025/2026',
        explanation: p < 0.8 ? 'Meer uitval na de zomer door een tekort aan stageplaatsen; de regiegroep bespreekt extra inzet in december.' : '',
      });
    }

    // 3. Hand-made indicators that show the other kinds.
    switch (a.code) {
      case '1.1.1': {
        const id = await w.indicator(
          { activityId: a.id },
          { name: 'Leerlingen vmbo 4 met twee doe-dagen', unit: 'percentage', direction: 'hoger', aggregation: 'niveau', momentKind: 'jaarlijks', momentDates: ['02-01'], dataSource: 'Eigen registratie scholen', baselineValue: 60, baselineDate: '2024-02-01' },
          3,
        );
        for (const [y, v] of [80, 90, 95, 95].entries()) await w.target(id, YEARS[y]!, { kind: 'exact', value: v });
        await w.measurement(id, { date: '2025-02-01', numerator: 736, denominator: 900, source: 'Loopbaandossiers' });
        await w.measurement(id, { date: '2026-02-01', numerator: 860, denominator: 950, source: 'Loopbaandossiers' });
        break;
      }
      case '2.1.1': {
        // "98% van de overstappers in beeld, waarvan 95% met een ingevuld DDD": a linked pair.
        const id = await w.indicator(
          { activityId: a.id },
          { name: 'Overstappers in beeld op 1 juni', phrase: 'in beeld', unit: 'percentage', direction: 'hoger', aggregation: 'niveau', momentKind: 'jaarlijks', momentDates: ['06-01'], dataSource: 'Intergrip', baselineValue: 93.5, baselineDate: '2024-06-01' },
          3,
        );
        for (const [y, v] of [95, 96, 97, 98].entries()) await w.target(id, YEARS[y]!, { kind: 'exact', value: v });
        await w.measurement(id, { date: '2025-06-01', numerator: 238, denominator: 250, source: 'Intergrip' });
        // Waarvan: its denominator is the parent's numerator (238 in beeld). No baseline: the status comes from the target alone.
        const ddd = await w.indicator(
          { activityId: a.id },
          {
            name: 'Overstappers met een ingevuld DDD',
            phrase: 'met een ingevuld DDD',
            parentId: id,
            unit: 'percentage',
            direction: 'hoger',
            aggregation: 'niveau',
            momentKind: 'jaarlijks',
            momentDates: ['06-01'],
            dataSource: 'Intergrip',
            baselineValue: null,
            baselineDate: null,
            description: 'Van de overstappers die in beeld zijn: het deel met een ingevuld Digitaal Doorstroom Dossier.',
          },
          4,
        );
        for (const [y, v] of [88, 90, 92, 95].entries()) await w.target(ddd, YEARS[y]!, { kind: 'exact', value: v });
        await w.measurement(ddd, { date: '2025-06-01', numerator: 205, denominator: 238, source: 'Intergrip' });
        // No figure for 1 June 2026 yet: a measurement moment passed without a value.
        break;
      }
      case '2.2.2': {
        const id = await w.indicator(
          { activityId: a.id },
          { name: 'Tevredenheid ouders over de overdracht', unit: 'vrij', freeUnit: 'rapportcijfer', direction: 'hoger', aggregation: 'niveau', momentKind: 'lijst', momentDates: ['2027-06-30', '2028-06-30'], dataSource: 'Enquête ouders', baselineValue: null, baselineDate: null, description: 'Eerste enquête in juni 2027.' },
          3,
        );
        for (const y of YEARS.slice(2)) await w.target(id, y, { kind: 'exact', value: 7.5 });
        break;
      }
      case '2a.1': {
        const id = await w.indicator(
          { activityId: a.id },
          { name: 'Doorlooptijd van melding tot plaatsing', unit: 'dagen', direction: 'bandbreedte', aggregation: 'niveau', momentKind: 'halfjaarlijks', momentDates: ['01-31', '07-31'], dataSource: 'Plaatsingsoverleg', baselineValue: 63, baselineDate: '2024-07-31', baselineNote: 'Sneller dan vier weken lukt niet zonder zorgvuldige intake; daarom een band.' },
          3,
        );
        await w.target(id, YEARS[0]!, { kind: 'bereik', min: 35, max: 49 });
        for (const y of YEARS.slice(1)) await w.target(id, y, { kind: 'bereik', min: 28, max: 42 });
        for (const [date, value] of [['2025-01-31', 55], ['2025-07-31', 47], ['2026-01-31', 44], ['2026-07-31', 45]] as const) await w.measurement(id, { date, value, source: 'Plaatsingsoverleg' });
        break;
      }
      case '2a.2': {
        // "40-70% naar een passend traject": a range target on a higher-is-better percentage.
        const id = await w.indicator(
          { activityId: a.id },
          { name: 'Deelnemers naar een passend traject', unit: 'percentage', direction: 'hoger', aggregation: 'aantal', momentKind: 'halfjaarlijks', momentDates: ['01-31', '07-31'], dataSource: 'Eigen registratie', baselineValue: 35, baselineDate: '2025-07-31' },
          3,
        );
        for (const y of YEARS.slice(1)) await w.target(id, y, { kind: 'bereik', min: 40, max: 70 });
        await w.measurement(id, { date: '2026-01-31', numerator: 5, denominator: 12 });
        await w.measurement(id, { date: '2026-07-31', numerator: 6, denominator: 12 });
        break;
      }
      case '3.1.1': {
        const id = await w.indicator(
          { activityId: a.id },
          { name: 'Uitkomsten huisbezoeken', unit: 'aantal', direction: 'hoger', aggregation: 'aantal', momentKind: 'halfjaarlijks', momentDates: ['01-31', '07-31'], dataSource: 'Leerplicht', baselineValue: 540, baselineDate: '2024-07-31', categories: OUTCOMES },
          3,
        );
        for (const [y, v] of [600, 650, 650, 650].entries()) await w.target(id, YEARS[y]!, { kind: 'exact', value: v });
        const visit = (date: string, counts: number[], total: number | null = null) =>
          w.measurement(id, { date, value: total, categories: OUTCOMES.map((o, j) => [o, counts[j]!] as [string, number]), source: 'Leerplicht' });
        await visit('2025-01-31', [150, 60, 40, 20, 10]);
        // Entered total 330 while the outcomes add up to 320: flagged, never fixed.
        await visit('2025-07-31', [160, 70, 45, 25, 20], 330);
        await visit('2026-01-31', [165, 65, 40, 22, 8]);
        await visit('2026-07-31', [180, 70, 55, 30, 25]);
        break;
      }
      case '3.2.2': {
        const id = await w.indicator(
          { activityId: a.id },
          { name: 'Wachttijd tot eerste gesprek', unit: 'dagen', direction: 'lager', aggregation: 'niveau', momentKind: 'halfjaarlijks', momentDates: ['01-31', '07-31'], dataSource: 'Eigen registratie', baselineValue: 12, baselineDate: '2024-08-01' },
          3,
        );
        const first = await w.target(id, YEARS[0]!, { kind: 'exact', value: 10 });
        await w.target(id, YEARS[0]!, { kind: 'exact', value: 10.5 }, { supersedesId: first, reason: 'Personeelstekort in het eerste halfjaar; stuurgroep stelt de streefwaarde bij.', decisionDate: '2024-12-12' });
        for (const [y, v] of [8, 6, 5].entries()) await w.target(id, YEARS[y + 1]!, { kind: 'exact', value: v });
        for (const [date, value] of [['2025-01-31', 11], ['2025-07-31', 10.2], ['2026-01-31', 9]] as const) await w.measurement(id, { date, value });
        await w.measurement(id, { date: '2026-07-31', value: 8.5, status: 'voorlopig', recordedAt: at('2026-08-10') });
        await w.measurement(id, { date: '2026-07-31', value: 8.7, status: 'definitief', recordedAt: at('2026-10-01'), explanation: 'Definitief na controle van de agenda’s.' });
        break;
      }
      case '4.3.1': {
        // "Thuiszitters -50% t.o.v. 01-10-2023": relative targets, lower is better.
        const id = await w.indicator(
          { activityId: a.id },
          { name: 'Aantal thuiszitters', unit: 'aantal', direction: 'lager', aggregation: 'niveau', momentKind: 'halfjaarlijks', momentDates: ['03-01', '10-01'], dataSource: 'Leerplicht', baselineValue: 48, baselineDate: '2023-10-01', baselineSource: 'Leerplicht, telling 1 oktober 2023' },
          3,
        );
        for (const [y, pct] of [-15, -25, -40, -50].entries()) await w.target(id, YEARS[y]!, { kind: 'relatief', percent: pct });
        for (const [date, value] of [['2024-10-01', 46], ['2025-03-01', 41], ['2025-10-01', 38], ['2026-03-01', 36]] as const) await w.measurement(id, { date, value, source: 'Leerplicht' });
        await w.measurement(id, { date: '2026-10-01', value: 33, status: 'voorlopig', recordedAt: at('2026-10-20'), source: 'Leerplicht' });
        break;
      }
    }
  }

  // A measure-level indicator: new early school leavers in the region.
  const m22 = rows.find((r) => r.measureCode === '2.2');
  if (m22) {
    const id = await w.indicator(
      { measureId: m22.measureId },
      { name: 'Nieuwe voortijdig schoolverlaters in de regio', unit: 'aantal', direction: 'lager', aggregation: 'niveau', momentKind: 'jaarlijks', momentDates: ['11-01'], dataSource: 'DUO', baselineValue: 352, baselineDate: '2023-10-01' },
      1,
    );
    for (const [y, v] of [340, 325, 310, 300].entries()) await w.target(id, YEARS[y]!, { kind: 'exact', value: v });
    // Each November figure is about the school year that ended in July.
    await w.measurement(id, { date: '2025-11-01', value: 330, source: 'DUO, schooljaar 2024/2025' });
    await w.measurement(id, { date: '2026-11-01', value: 328, status: 'voorlopig', recordedAt: at('2026-11-18'), source: 'DUO voorlopige cijfers 2025/2026' });
  }

  // "VSV-cijfer vmbo-bovenbouw onder de landelijke norm": the norm as the target, on measure 1.1.
  const m11 = rows.find((r) => r.measureCode === '1.1');
  if (m11) {
    const id = await w.indicator(
      { measureId: m11.measureId },
      {
        name: 'VSV-percentage vmbo-bovenbouw onder de landelijke norm',
        unit: 'percentage',
        direction: 'lager',
        aggregation: 'niveau',
        momentKind: 'jaarlijks',
        momentDates: ['11-01'],
        dataSource: 'DUO',
        baselineValue: 2.8,
        baselineDate: '2023-10-01',
        baselineSource: 'DUO, schooljaar 2022/2023',
        baselineNote: 'Streefwaarde: de landelijke norm van 2,75%.',
      },
      2,
    );
    for (const y of YEARS) await w.target(id, y, { kind: 'exact', value: 2.75 });
    await w.measurement(id, { date: '2025-11-01', value: 2.54, status: 'voorlopig', recordedAt: at('2025-11-20'), source: 'DUO voorlopige cijfers 2024/2025' });
    await w.measurement(id, { date: '2025-11-01', value: 2.54, status: 'definitief', recordedAt: at('2026-03-12'), source: 'DUO definitieve cijfers 2024/2025' });
  }

  // Region figures from DUO, per school year and type of education, with the national norm.
  const series: [string, number, number, number[]][] = [
    ['vo_onderbouw', 15200, 0.5, [0.42, 0.38, 0.36, 0.35, 0.31]],
    ['vmbo_bovenbouw', 7400, 2.75, [3.1, 2.95, 2.8, 2.7, 2.55]],
    ['havo_vwo_bovenbouw', 9100, 0.5, [0.55, 0.52, 0.47, 0.45, 0.41]],
    ['mbo1', 980, 24, [26.5, 25.8, 24.9, 24.4, 23.6]],
    ['mbo2', 4210, 8, [8.8, 8.4, 8.1, 7.9, 7.6]],
    ['mbo34', 16800, 3.5, [3.9, 3.8, 3.6, 3.5, 3.3]],
  ];
  const figureYears = ['2020/2021', '2021/2022', '2022/2023', '2023/2024', '2024/2025'];
  for (const [soort, students, norm, pcts] of series)
    for (const [y, year] of figureYears.entries()) {
      const n = Math.round(students * (1 + (y - 2) * 0.01));
      const leavers = Math.round((n * pcts[y]!) / 100);
      const provisional = y === figureYears.length - 1;
      await tr.insert('regionFigure', {
        id: randomUUID(),
        schoolYear: cal.text(year),
        onderwijssoort: soort,
        students: n,
        leavers,
        percentage: Math.round((leavers / n) * 10000) / 100,
        nationalNorm: norm,
        status: provisional ? 'voorlopig' : 'definitief',
        definitionVersion: year < '2022/2023' ? 'VSV 2012' : 'VSV 2022',
        source: provisional ? 'DUO voorlopige VSV-cijfers' : 'DUO',
        createdAt: tr.at,
        updatedAt: tr.at,
        deletedAt: null,
        deletedIn: null,
      });
    }
}
