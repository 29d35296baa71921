/**
 * The plan as a Word document in the standard template: cover, table of contents, programme lines,
 * measures and activities with the eleven questions numbered and answered, sub-activities and
 * participants per school year as tables, and where the workspace has them the budget per year and
 * the indicators with their targets. nl-NL formats, page numbers, a header with region and date.
 *
 * Answers are written in the paragraph style "Regieboek Antwoord" and questions in "Regieboek
 * Vraag", so reading the document back never mistakes an answer for a heading or a question.
 */
import { AlignmentType, Document, Footer, Header, HeadingLevel, LevelFormat, Packer, PageNumber, Paragraph, Table, TableCell, TableOfContents, TableRow, TextRun, WidthType } from 'docx';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { findActivity, programmeTree } from '../db/queries/tree';
import { programmeViews } from '../db/queries/results';
import { UserError } from '../errors';
import { today } from '../clock';
import { t } from '../../../shared/i18n/nl';
import { formatDate } from '../../../shared/dates';
import { formatCents } from '../../../shared/money';
import { formatNumber, formatRange, formatIndicatorValue } from '../../../shared/results/format';
import { EXPORT_SUBS, questionLabelKey, subLabelKey, type PlanField, type QuestionNo } from '../../../shared/plan/template';
import { regionLabel } from '../../../shared/regions';
import { holdsOneActivity, type Activity } from '../../../shared/schemas/tree';
import type { IndicatorView } from '../../../shared/schemas/results';

type Db = Kysely<Database>;
type Child = Paragraph | Table | TableOfContents;

export const ANSWER_STYLE = 'RegieboekAntwoord';
export const QUESTION_STYLE = 'RegieboekVraag';
export const SUBQUESTION_STYLE = 'RegieboekDeelvraag';

const answer = (text: string): Paragraph[] =>
  text
    ? text.split('\n').map((l) =>
        l.startsWith('- ') ? new Paragraph({ style: ANSWER_STYLE, numbering: { reference: 'bol', level: 0 }, children: [new TextRun(l.slice(2))] }) : new Paragraph({ style: ANSWER_STYLE, children: [new TextRun(l)] }),
      )
    : [];

function cell(text: string, header: boolean): TableCell {
  return new TableCell({ children: (text || '').split('\n').map((l) => new Paragraph({ style: ANSWER_STYLE, children: [new TextRun({ text: l, bold: header })] })) });
}
function table(header: string[], rows: string[][], widths: number[]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: widths,
    rows: [header, ...rows].map((r, i) => new TableRow({ tableHeader: i === 0, children: r.map((c) => cell(c, i === 0)) })),
  });
}

// A programme line starts on a new page; measures and activities get room above them.
const heading = (level: 1 | 2 | 3, text: string) =>
  new Paragraph({
    heading: level === 1 ? HeadingLevel.HEADING_1 : level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3,
    pageBreakBefore: level === 1,
    spacing: { before: level === 1 ? 0 : 360, after: 120 },
    keepNext: true,
    children: [new TextRun(text)],
  });
const coded = (word: string, code: string, name: string) => `${word}${code ? ` ${code}` : ''}: ${name}`;

interface Extras {
  budget: Map<string, Map<number, number>>;
  indicators: Map<string, IndicatorView[]>;
}

function targetText(ind: IndicatorView): string {
  return ind.targets
    .filter((x) => x.current)
    .map((x) => {
      const shown = formatRange(ind.unit, x.resolvedMin === null ? null : { min: x.resolvedMin, max: x.resolvedMax! }, ind.freeUnit);
      const what = x.kind === 'relatief' && x.percent !== null ? t('results.relative', { value: shown, percent: `${x.percent > 0 ? '+' : ''}${formatNumber(x.percent)}` }) : shown;
      return `${x.period}: ${what}`;
    })
    .join('\n');
}

function activityBlock(a: Activity, lineName: string, extras: Extras, holderId: string | null): Child[] {
  const out: Child[] = [];
  const q = (n: QuestionNo) => out.push(new Paragraph({ style: QUESTION_STYLE, children: [new TextRun(t(questionLabelKey(n)))] }));
  const sub = (f: PlanField) => out.push(new Paragraph({ style: SUBQUESTION_STYLE, children: [new TextRun(t(subLabelKey(f)))] }));
  const fields = a as unknown as Record<string, string>;
  q(1);
  out.push(...answer(lineName));
  q(2);
  out.push(...answer(a.name));
  q(3);
  out.push(...answer(a.description));
  q(4);
  out.push(...answer(a.aim));
  q(5);
  if (a.startDate) out.push(...answer(t('plan.doc.start', { date: formatDate(a.startDate) })));
  if (a.endDate) out.push(...answer(t('plan.doc.end', { date: formatDate(a.endDate) })));
  out.push(...answer(a.durationNote));
  q(6);
  if (a.subActivities.length)
    out.push(table([t('plan.doc.subNumber'), t('entity.subActivity'), t('field.period'), t('field.intendedResult')], a.subActivities.map((s) => [s.number, s.name, s.period, s.intendedResult]), [900, 3600, 2200, 3300]));
  q(7);
  out.push(...answer(a.subActivitiesDuration));
  q(8);
  for (const f of EXPORT_SUBS[8]!) {
    sub(f);
    if (f === 'targetGroups') out.push(...answer(a.targetGroups.map((g) => `- ${g}`).join('\n')));
    else if (f === 'plannedParticipants') {
      if (a.plannedParticipants.length) out.push(table([t('plan.doc.participantsYear'), t('plan.doc.participantsCount')], a.plannedParticipants.map((p) => [p.schoolYear, p.count.toLocaleString('nl-NL')]), [3000, 3000]));
    } else out.push(...answer(fields[f] ?? ''));
  }
  for (const n of [9, 10, 11] as const) {
    q(n);
    for (const f of EXPORT_SUBS[n]!) {
      sub(f);
      out.push(...answer(fields[f] ?? ''));
    }
  }
  // Regieboek's own figures: read back, these are skipped (they are no answers to the template).
  const years = new Map<number, number>();
  for (const id of [a.id, holderId]) for (const [y, c] of extras.budget.get(id ?? '') ?? []) years.set(y, (years.get(y) ?? 0) + c);
  if (years.size) {
    out.push(new Paragraph({ style: QUESTION_STYLE, children: [new TextRun(t('plan.doc.budget'))] }));
    out.push(table([t('plan.doc.budgetYear'), t('plan.doc.budgetAmount')], [...years].sort((x, y) => x[0] - y[0]).map(([y, c]) => [String(y), formatCents(c)]), [3000, 3000]));
  }
  const inds = [...(extras.indicators.get(a.id) ?? []), ...(holderId ? (extras.indicators.get(holderId) ?? []) : [])];
  if (inds.length) {
    out.push(new Paragraph({ style: QUESTION_STYLE, children: [new TextRun(t('plan.doc.indicators'))] }));
    out.push(
      table(
        [t('plan.doc.indicator'), t('plan.doc.baseline'), t('plan.doc.targets')],
        inds.map((i) => [i.name, i.baselineValue === null ? '' : `${formatIndicatorValue(i.unit, i.baselineValue, i.freeUnit)}${i.baselineDate ? ` (${formatDate(i.baselineDate)})` : ''}`, targetText(i)]),
        [4200, 2200, 3600],
      ),
    );
  }
  return out;
}

async function extrasFor(db: Db, programmeId: string): Promise<Extras> {
  const rows = await db
    .selectFrom('budgetLine')
    .innerJoin('measure', 'measure.id', 'budgetLine.measureId')
    .select(['budgetLine.measureId', 'budgetLine.activityId', 'budgetLine.year', 'budgetLine.plannedCents'])
    .where('measure.programmeId', '=', programmeId)
    .where('budgetLine.deletedAt', 'is', null)
    .where('measure.deletedAt', 'is', null)
    .execute();
  const budget = new Map<string, Map<number, number>>();
  for (const r of rows) {
    const key = r.activityId ?? r.measureId;
    const m = budget.get(key) ?? new Map<number, number>();
    m.set(r.year, (m.get(r.year) ?? 0) + r.plannedCents);
    budget.set(key, m);
  }
  const indicators = new Map<string, IndicatorView[]>();
  const results = await programmeViews(db, programmeId);
  for (const m of results?.measures ?? []) {
    // The built-in participants indicator repeats question 8; the table shows the indicators people made.
    const own = (list: IndicatorView[]) => list.filter((i) => !i.builtin && !i.virtual);
    if (own(m.indicators).length) indicators.set(m.id, own(m.indicators));
    for (const a of m.activities) if (own(a.indicators).length) indicators.set(a.id, own(a.indicators));
  }
  return { budget, indicators };
}

export async function exportPlan(db: Db, programmeId: string): Promise<{ buffer: Buffer; fileName: string }> {
  const programme = await db.selectFrom('programme').selectAll().where('id', '=', programmeId).where('deletedAt', 'is', null).executeTakeFirst();
  const tree = await programmeTree(db, programmeId);
  if (!programme || !tree) throw new UserError('not_found', t('err.notFound', { entity: t('entity.programme') }));
  const region = await db.selectFrom('region').selectAll().executeTakeFirstOrThrow();
  const label = regionLabel(region);
  const made = formatDate(today());
  const extras = await extrasFor(db, programmeId);

  const body: Child[] = [];
  if (programme.analysis) body.push(heading(1, t('plan.doc.analysis')), ...answer(programme.analysis));
  // Measures without a programme line first: read back, they belong to no line.
  const lines = [...tree.lines.filter((l) => l.id === null), ...tree.lines.filter((l) => l.id !== null)];
  for (const line of lines) {
    if (line.id) body.push(heading(1, coded(t('plan.doc.line'), line.code, line.name)), ...answer(line.description));
    const lineName = line.id ? line.name : t('plan.doc.noLine');
    for (const m of line.measures) {
      if (holdsOneActivity(m.shape)) {
        const a = await findActivity(db, m.activities[0]!.id);
        if (!a) continue;
        body.push(heading(2, coded(t(m.shape === 'activity' ? 'plan.doc.activity' : 'plan.doc.measure'), m.code, m.name)), ...activityBlock(a, lineName, extras, m.id));
        continue;
      }
      const measure = await db.selectFrom('measure').select('description').where('id', '=', m.id).executeTakeFirstOrThrow();
      body.push(heading(2, coded(t('plan.doc.measure'), m.code, m.name)), ...answer(measure.description));
      const own = extras.budget.get(m.id);
      if (own?.size) {
        body.push(new Paragraph({ style: QUESTION_STYLE, children: [new TextRun(t('plan.doc.budget'))] }));
        body.push(table([t('plan.doc.budgetYear'), t('plan.doc.budgetAmount')], [...own].sort((x, y) => x[0] - y[0]).map(([y, c]) => [String(y), formatCents(c)]), [3000, 3000]));
      }
      for (const ta of m.activities) {
        const a = await findActivity(db, ta.id);
        if (a) body.push(heading(3, coded(t('plan.doc.activity'), a.code, a.name)), ...activityBlock(a, lineName, extras, null));
      }
    }
  }

  const small = (text: string) => new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text, size: 16, color: '555555' })] });
  const doc = new Document({
    creator: 'Regieboek',
    title: programme.name,
    description: label,
    styles: {
      default: { document: { run: { font: 'Arial', size: 20 } } },
      paragraphStyles: [
        { id: ANSWER_STYLE, name: 'Regieboek Antwoord', basedOn: 'Normal', quickFormat: true, paragraph: { spacing: { after: 80 } } },
        { id: QUESTION_STYLE, name: 'Regieboek Vraag', basedOn: 'Normal', quickFormat: true, run: { bold: true }, paragraph: { spacing: { before: 200, after: 80 }, keepNext: true } },
        { id: SUBQUESTION_STYLE, name: 'Regieboek Deelvraag', basedOn: 'Normal', quickFormat: true, run: { italics: true, color: '444444' }, paragraph: { spacing: { before: 80, after: 40 }, keepNext: true } },
      ],
    },
    numbering: { config: [{ reference: 'bol', levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 360, hanging: 260 } } } }] }] },
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, spacing: { before: 2400 }, children: [new TextRun(programme.name)] }),
          new Paragraph({ children: [new TextRun({ text: t('plan.doc.region', { region: label }), size: 28 })] }),
          new Paragraph({ children: [new TextRun({ text: t('plan.doc.period', { start: formatDate(programme.periodStart), end: formatDate(programme.periodEnd) }), size: 28 })] }),
          new Paragraph({ spacing: { before: 600 }, children: [new TextRun({ text: t('plan.doc.made', { date: made }), color: '555555' })] }),
        ],
      },
      {
        headers: { default: new Header({ children: [small(`${label} — ${programme.name} — ${made}`)] }) },
        footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [`${t('plan.doc.page')} `, PageNumber.CURRENT] })] })] }) },
        children: [
          new Paragraph({ children: [new TextRun({ text: t('plan.doc.toc'), bold: true, size: 32 })] }),
          // Written clean with its entries, so Word opens without asking to update fields (F9 adds page numbers);
          // docx/layout's page estimate would add them but costs seconds per plan.
          new TableOfContents(t('plan.doc.toc'), { hyperlink: true, headingStyleRange: '1-3', beginDirty: false }),
          ...body,
        ],
      },
    ],
  });
  const buffer = await Packer.toBuffer(doc);
  const safe = `${programme.name}`.replace(/[\\/:*?"<>|]+/g, '-').slice(0, 120);
  return { buffer, fileName: `${safe} - plan.docx` };
}
