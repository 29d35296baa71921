/**
 * The plan's numbers read as suggestions (issue 15, point 3): the shapes plans write figures per
 * school year in, under question 10 (a sentence with "van … naar …", a list of periods, "1e jaar",
 * calendar years, tables with a column or a row per period) and question 8; and what is left alone
 * (a figure without a period, dates, codes, a year that is a baseline).
 */
import { describe, expect, it } from 'vitest';
import { momentsOf, participantLines, resultSuggestions, type FoundIndicator } from '../../electron/core/plan/suggest';
import { periodCode } from '../../shared/results/periods';

const brief = (f: FoundIndicator) => ({
  name: f.name,
  unit: f.unit,
  direction: f.direction,
  baseline: f.baselineValue === null ? null : [f.baselineValue, f.baselineDate],
  targets: f.targets.map((x) => `${periodCode(x.period)}=${x.value}`),
});
const fromLines = (lines: string[], first: number | null = 2026) => resultSuggestions({ lines, tables: [], firstSchoolYear: first }).indicators.map(brief);

describe('question 10: a sentence or a list names a figure per period', () => {
  it.each([
    [
      'Het vsv-percentage van deze doelgroep daalt van 5,0% naar 4,0% in 2028/2029.',
      { name: 'Vsv-percentage van deze doelgroep', unit: 'percentage', direction: 'lager', baseline: [5, null], targets: ['2028/2029=4'] },
    ],
    [
      'Het vsv-percentage onder leerlingen in vmbo leerjaar 4 daalt van 3,1% (nulmeting schooljaar 2022/2023, peildatum 1 oktober) naar 2,5% in schooljaar 2027/2028.',
      { name: 'Vsv-percentage onder leerlingen in vmbo leerjaar 4', unit: 'percentage', direction: 'lager', baseline: [3.1, '2022-10-01'], targets: ['2027/2028=2.5'] },
    ],
    ['Streefcijfers aantal trajecten: 2026/2027: 120; 2027/2028: 140; 2028-2029: 1.160', { name: 'Aantal trajecten', unit: 'aantal', direction: 'hoger', baseline: null, targets: ['2026/2027=120', '2027/2028=140', '2028/2029=1160'] }],
    [
      '- Percentage dat na een jaar nog op school zit: 1e jaar 80%, 2e jaar 85%, 3e jaar 90%',
      { name: 'Percentage dat na een jaar nog op school zit', unit: 'percentage', direction: 'hoger', baseline: null, targets: ['2026/2027=80', '2027/2028=85', '2028/2029=90'] },
    ],
    ['Uitval in het eerste jaar: 2026/27 12 procent, 2027/28 10 procent', { name: 'Uitval in het eerste jaar', unit: 'percentage', direction: 'lager', baseline: null, targets: ['2026/2027=12', '2027/2028=10'] }],
    ['Aantal thuiszitters per kalenderjaar: 2027: 30; 2028: 25', { name: 'Aantal thuiszitters per kalenderjaar', unit: 'aantal', direction: 'lager', baseline: null, targets: ['2027=30', '2028=25'] }],
  ])('%s', (line, want) => {
    expect(fromLines([line])).toEqual([want]);
  });

  it('leaves alone what names no period, and dates, codes and baseline years', () => {
    expect(
      fromLines([
        'Het aantal bereikte deelnemers per schooljaar (streef: 120)',
        'Op 1 februari en 1 augustus van elk schooljaar.',
        'De projectleider rapporteert twee keer per jaar; 80% van de scholen doet mee.',
        'Start 01-08-2026, looptijd tot en met 31-07-2029.',
        'Deelactiviteit 2.1.3 loopt in 2026/2027 door.',
        'Nulmeting 2024/2025: 12%',
      ]),
    ).toEqual([]);
    // "1e jaar" needs a first school year to count from.
    expect(fromLines(['Percentage in beeld: 1e jaar 80%'], null)).toEqual([]);
  });

  it('participants are planned participants, not an indicator; one indicator named twice keeps the targets of both', () => {
    const r = resultSuggestions({
      lines: ['Aantal deelnemers: 2026/2027: 40; 2027/2028: 50', 'Het percentage uitval daalt van 12% naar 10% in 2027/2028.'],
      tables: [{ rows: [['Indicator', '2026/2027', '2028/2029'], ['Percentage uitval', '11%', '9%']], before: '' }],
      firstSchoolYear: 2026,
    });
    expect(r.participants.map((p) => [p.schoolYear, p.count])).toEqual([
      ['2026/2027', 40],
      ['2027/2028', 50],
    ]);
    expect(r.indicators.map(brief)).toEqual([{ name: 'Percentage uitval', unit: 'percentage', direction: 'lager', baseline: [12, null], targets: ['2026/2027=11', '2027/2028=10', '2028/2029=9'] }]);
  });
});

describe('question 10: tables', () => {
  it('a column per period: each row an indicator, a baseline column, empty cells skipped', () => {
    const r = resultSuggestions({
      lines: [],
      tables: [
        {
          rows: [
            ['Indicator', 'Nulmeting 2024/2025', 'Streef 2026/2027', '2027/2028', '2028/2029'],
            ['Percentage uitval in het eerste jaar', '12%', '11%', '10%', '9%'],
            ['Aantal huisbezoeken', '', '200', '', '240'],
            ['Toelichting', 'zie bijlage', '', '', ''],
          ],
          before: '',
        },
      ],
      firstSchoolYear: 2026,
    });
    expect(r.indicators.map(brief)).toEqual([
      { name: 'Percentage uitval in het eerste jaar', unit: 'percentage', direction: 'lager', baseline: [12, '2025-07-31'], targets: ['2026/2027=11', '2027/2028=10', '2028/2029=9'] },
      { name: 'Aantal huisbezoeken', unit: 'aantal', direction: 'hoger', baseline: null, targets: ['2026/2027=200', '2028/2029=240'] },
    ]);
  });

  it('a row per period: a generic column header takes its name from the line above the table', () => {
    const r = resultSuggestions({
      lines: [],
      tables: [
        {
          rows: [
            ['Schooljaar', 'Streefwaarde'],
            ['2026/2027', '70%'],
            ['2027/2028', '75%'],
          ],
          before: 'Percentage jongeren met een passende plek:',
        },
      ],
      firstSchoolYear: 2026,
    });
    expect(r.indicators.map(brief)).toEqual([{ name: 'Percentage jongeren met een passende plek', unit: 'percentage', direction: 'hoger', baseline: null, targets: ['2026/2027=70', '2027/2028=75'] }]);
  });
});

describe('question 8 and the measurement moments', () => {
  it('participants per school year in the ways plans write them', () => {
    expect(participantLines(['1e jaar 400', '2e jaar 1.200', '2028/2029: 60 deelnemers', '2026/2027: 99 (al genoemd)'], 2026).map((p) => [p.schoolYear, p.count])).toEqual([
      ['2026/2027', 400],
      ['2027/2028', 1200],
      ['2028/2029', 60],
    ]);
    expect(participantLines(['Schooljaar | Aantal deelnemers', '2027/2028 | 50', '70 deelnemers in 2028/2029'], null).map((p) => [p.schoolYear, p.count])).toEqual([
      ['2027/2028', 50],
      ['2028/2029', 70],
    ]);
  });

  it('moments: two dates are half-yearly, one is yearly, none leaves the default', () => {
    expect(momentsOf('Op 1 augustus en 1 februari van elk schooljaar.')).toEqual({ kind: 'halfjaarlijks', dates: ['02-01', '08-01'] });
    expect(momentsOf('Jaarlijks op peildatum 1 oktober.')).toEqual({ kind: 'jaarlijks', dates: ['10-01'] });
    expect(momentsOf('Per kwartaal, en in november bij DUO.')).toBeNull();
    expect(momentsOf('Op 31 februari.')).toBeNull();
  });
});
