/**
 * Importing a DUO VSV file into the region figures: first a dry run (planDuo) that says how the file
 * was read, which column means what, per row what happens and per region figure whether it is new,
 * changed or unchanged; then, on request, the same plan applied (applyDuo) in one transaction as one
 * change set whose source is the file name. The region's rows are picked by RMC code, region name or
 * the region's gemeenten; rows of one school year and type of education are added up (a file per
 * school gives the region's total). A count DUO suppressed stays empty, so the region's total is
 * empty too, never a partial sum. Voorlopig and definitief figures are kept side by side.
 * A dry run writes nothing; an apply that would change nothing writes nothing either.
 */
import crypto from 'node:crypto';
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { tracked } from '../history/tracker';
import { UserError } from '../errors';
import { personalDataHint } from '../excel/book';
import { readTableFile, type Table } from './read';
import { autoMapping, headerKey, missingFields, rememberedMapping, rememberMapping, headerNorm } from './columns';
import { detectNumberStyle, parseNumber, parseSchoolYear, soortOf, statusFromFileName, statusOf, type NumberStyle } from './values';
import { REGIONS, regionLabel } from '../../../shared/regions';
import { t, type MessageKey } from '../../../shared/i18n/nl';
import { formatNumber } from '../../../shared/results/format';
import type { DuoField, DuoFigure, DuoMapping, DuoOptions, DuoPlan, DuoResult, DuoRow } from '../../../shared/schemas/duo';
import type { ONDERWIJSSOORTEN } from '../../../shared/schemas/results';

export type Onderwijssoort = (typeof ONDERWIJSSOORTEN)[number];
type Db = Kysely<Database>;
type Status = 'voorlopig' | 'definitief';

const pct1 = (v: number) => Math.round(v * 100) / 100;
const soortName = (s: string) => t(`onderwijssoort.${s}` as MessageKey);

/** The header row: of the first ten rows with two or more cells, the one whose cells mean the most fields. */
function headerRowOf(table: Table): number {
  let best = { index: 0, score: -1 };
  table.rows.slice(0, 10).forEach((r, i) => {
    if (r.cells.filter(Boolean).length < 2) return;
    const score = Object.keys(autoMapping(r.cells)).length;
    if (score > best.score) best = { index: i, score };
  });
  return best.index;
}

/** A region code or name cell to a region number ("16", "016", "RMC16", "16 Eem en Vallei", "Eem en Vallei"). */
function regionNumberOf(raw: string): number | null {
  const s = raw.trim();
  const m = /^(?:rmc[\s-]*(?:regio)?\s*)?0*(\d{1,2})(?:\D|$)/i.exec(s);
  if (m) return Number(m[1]);
  const n = headerNorm(s);
  return REGIONS.find((r) => headerNorm(r.name) === n)?.number ?? null;
}

const municipalityNorm = (s: string) => headerNorm(s.replace(/^\s*gemeente\s+/i, ''));

interface Context {
  region: { number: number; name: string; contactMunicipality: string | null };
  municipalities: Set<string>;
}

async function contextOf(db: Db): Promise<Context> {
  const region = await db.selectFrom('region').select(['number', 'name', 'contactMunicipality']).executeTakeFirstOrThrow();
  // The region's gemeenten: its contactgemeente and the gemeenten among its partners.
  const orgs = await db.selectFrom('organisation').select(['name', 'place']).where('type', '=', 'gemeente').where('deletedAt', 'is', null).execute();
  const municipalities = new Set([region.contactMunicipality ?? '', ...orgs.flatMap((o) => [o.name, o.place])].map(municipalityNorm).filter(Boolean));
  return { region, municipalities };
}

interface Parsed {
  plan: DuoPlan;
  /** Figures to write, by key. */
  write: DuoFigure[];
  mapping: DuoMapping;
  remember: boolean;
}

async function buildPlan(db: Db, buf: Buffer, fileName: string, options: DuoOptions): Promise<Parsed> {
  const table = await readTableFile(buf, fileName);
  const ctx = await contextOf(db);
  const problems: string[] = [];
  const notices: string[] = [];
  const hIndex = headerRowOf(table);
  const headerRow = table.rows[hIndex];
  const headers = (headerRow?.cells ?? []).map((h) => h.trim());
  const key = headerKey(headers);

  // Rows about individual young people are refused before anything is read (Regieboek keeps totals only).
  const personal = headers.filter((h) => personalDataHint(h));
  if (personal.length) throw new UserError('user_error', t('duo.personalData', { file: fileName, columns: personal.map((h) => `"${h}"`).join(', ') }));

  // Mapping: the user's corrections over what was remembered for these headers, else DUO's names.
  const auto = autoMapping(headers);
  const remembered = await rememberedMapping(db, key);
  const user = options.mapping ?? null;
  const mapping: DuoMapping = { ...auto, ...(remembered ?? {}), ...(user ?? {}) };
  for (const [f, h] of Object.entries(mapping)) if (h && !headers.includes(h)) delete mapping[f as DuoField];
  const mappingFrom: DuoPlan['mappingFrom'] = user ? 'user' : remembered ? 'remembered' : 'auto';
  const missing = missingFields(mapping);
  const col = (f: DuoField) => (mapping[f] ? headers.indexOf(mapping[f]!) : -1);
  const known = Object.keys(auto).length;
  if (missing.length) {
    if (known < 2 && !user) problems.push(t('duo.notDuo', { file: fileName, headers: headers.slice(0, 12).map((h) => `"${h}"`).join(', ') || t('duo.noHeaders') }));
    else problems.push(t('duo.missing', { fields: missing.map((f) => t(`duo.field.${f}` as MessageKey)).join(', ') }));
  }

  const dataRows = table.rows.slice(hIndex + 1);
  const cell = (r: { cells: string[] }, f: DuoField) => (col(f) >= 0 ? (r.cells[col(f)] ?? '').trim() : '');
  const style: NumberStyle = detectNumberStyle(
    dataRows.flatMap((r) => (['students', 'leavers', 'percentage', 'nationalNorm'] as const).map((f) => cell(r, f))),
    table.separator,
  );

  // Status: a column in the file, else the user's choice, else the file's name.
  const fromName = statusFromFileName(fileName);
  const status: Status | null = col('status') >= 0 ? null : (options.status ?? fromName);
  const statusFrom: DuoPlan['statusFrom'] = col('status') >= 0 ? 'column' : options.status ? 'choice' : fromName ? 'fileName' : null;
  if (!missing.length && col('status') < 0 && !status) problems.push(t('duo.needStatus'));

  const single = !missing.length && dataRows.some((r) => 'single' in parseSchoolYear(cell(r, 'schoolYear'), null));
  if (single && !options.yearIs) problems.push(t('duo.needYearIs'));

  const regionBy = (['regionCode', 'regionName', 'municipality'] as const).find((f) => col(f) >= 0) ?? null;
  const rows: DuoRow[] = [];
  const other = new Map<string, number>();
  const groups = new Map<string, { schoolYear: string; soort: Onderwijssoort; status: Status; rows: number[]; students: number | null; leavers: number | null; percentage: number | null; nationalNorm: number | null; suppressed: Set<'students' | 'leavers' | 'percentage'>; errors: string[]; pctFromFile: number | null }>();
  const where = (r: { row: number }, f: DuoField) => t('duo.at', { row: r.row, col: colLetter(col(f)), header: mapping[f] ?? '' });

  if (!missing.length)
    for (const r of dataRows) {
      // Which region is this row about?
      let mine: boolean | null = null;
      let label = '';
      for (const f of ['regionCode', 'regionName'] as const) {
        const v = cell(r, f);
        if (mine !== null || !v) continue;
        const n = regionNumberOf(v);
        if (n !== null) {
          mine = n === ctx.region.number;
          label = REGIONS.find((x) => x.number === n) ? regionLabel(REGIONS.find((x) => x.number === n)!) : v;
        }
      }
      if (mine === null && cell(r, 'municipality')) {
        mine = ctx.municipalities.has(municipalityNorm(cell(r, 'municipality')));
        label = t('duo.municipality', { name: cell(r, 'municipality') });
      }
      if (mine === null) {
        rows.push({ row: r.row, outcome: 'error', figure: null, messages: [t('duo.noRegion', { at: t('duo.atRow', { row: r.row }) })] });
        continue;
      }
      if (!mine) {
        other.set(label, (other.get(label) ?? 0) + 1);
        continue;
      }
      const errs: string[] = [];
      const notes: string[] = [];
      const sy = parseSchoolYear(cell(r, 'schoolYear'), options.yearIs ?? null);
      const so = soortOf(cell(r, 'onderwijssoort'));
      if ('skip' in so) {
        rows.push({ row: r.row, outcome: 'skipped', figure: null, messages: [t(so.skip === 'total' ? 'duo.skipTotal' : 'duo.skipOutside', { value: cell(r, 'onderwijssoort') })] });
        continue;
      }
      if ('bad' in sy) errs.push(`${where(r, 'schoolYear')}: ${t('duo.badYear', { value: sy.bad })}`);
      if ('unknown' in so) errs.push(`${where(r, 'onderwijssoort')}: ${t('duo.badSoort', { value: cell(r, 'onderwijssoort') })}`);
      let rowStatus = status;
      if (col('status') >= 0) {
        rowStatus = statusOf(cell(r, 'status'));
        if (!rowStatus) errs.push(`${where(r, 'status')}: ${t('duo.badStatus', { value: cell(r, 'status') })}`);
      }
      // The numbers are read in any case, so every mistake in the row is said at once.
      const nums: Partial<Record<'students' | 'leavers' | 'percentage' | 'nationalNorm', number | 'suppressed'>> = {};
      for (const f of ['students', 'leavers'] as const) {
        const p = parseNumber(cell(r, f), style);
        if (p.kind === 'value' && !Number.isInteger(p.value)) errs.push(`${where(r, f)}: ${t('duo.notWhole', { value: cell(r, f) })}`);
        else if (p.kind === 'value') nums[f] = p.value;
        else if (p.kind === 'suppressed') {
          nums[f] = 'suppressed';
          notes.push(`${where(r, f)}: ${t('duo.suppressed', { value: p.text })}`);
        } else if (p.kind === 'empty') errs.push(`${where(r, f)}: ${t('duo.emptyCount')}`);
        else errs.push(`${where(r, f)}: ${t('duo.badNumber', { value: p.text })}`);
      }
      for (const f of ['percentage', 'nationalNorm'] as const) {
        if (col(f) < 0) continue;
        const p = parseNumber(cell(r, f), style, { percent: true });
        if (p.kind === 'value' && p.value > 100) errs.push(`${where(r, f)}: ${t('duo.badPercent', { value: cell(r, f) })}`);
        else if (p.kind === 'value') nums[f] = p.value;
        else if (p.kind === 'suppressed') nums[f] = 'suppressed';
        else if (p.kind === 'bad') errs.push(`${where(r, f)}: ${t('duo.badNumber', { value: p.text })}`);
      }
      // Waiting for a choice the problems above ask for (begin or end of a single year; the status).
      if (!('schoolYear' in sy) || !('soort' in so) || !rowStatus) {
        rows.push({ row: r.row, outcome: errs.length ? 'error' : 'pending', figure: null, messages: [...errs, ...notes] });
        continue;
      }
      const gkey = `${sy.schoolYear}|${so.soort}|${rowStatus}`;
      const figure = `${sy.schoolYear} ${soortName(so.soort)} ${t(`measurementStatus.${rowStatus}` as MessageKey).toLowerCase()}`;
      const g =
        groups.get(gkey) ??
        { schoolYear: sy.schoolYear, soort: so.soort, status: rowStatus, rows: [], students: 0, leavers: 0, percentage: null, nationalNorm: null, suppressed: new Set(), errors: [], pctFromFile: null };
      groups.set(gkey, g);
      g.rows.push(r.row);
      g.errors.push(...errs);
      for (const f of ['students', 'leavers'] as const) {
        const v = nums[f];
        if (v === 'suppressed') g.suppressed.add(f);
        // One suppressed (or unreadable) row makes the region's total unknown: empty, never a partial sum.
        g[f] = v === undefined || v === 'suppressed' || g[f] === null ? null : g[f]! + v;
      }
      if (nums.percentage === 'suppressed') g.suppressed.add('percentage');
      else if (nums.percentage !== undefined) g.pctFromFile = nums.percentage;
      if (typeof nums.nationalNorm === 'number') g.nationalNorm = nums.nationalNorm;
      rows.push({ row: r.row, outcome: errs.length ? 'error' : notes.length ? 'suppressed' : 'used', figure, messages: [...errs, ...notes] });
    }

  if (!missing.length && regionBy === null) problems.push(t('duo.noRegionColumn'));
  const otherRegions = [...other.entries()].map(([label, n]) => ({ label, rows: n })).sort((a, b) => b.rows - a.rows);
  if (!missing.length && regionBy !== null && !rows.length && !problems.length) {
    problems.push(
      t('duo.notThisRegion', {
        region: regionLabel(ctx.region),
        found: otherRegions.length ? otherRegions.slice(0, 5).map((o) => t('duo.regionRows', { label: o.label, n: o.rows })).join(', ') : t('duo.nothing'),
      }),
    );
  }

  // Per figure: the region's total, compared with what the store has for that school year, kind and status.
  const existing = await db.selectFrom('regionFigure').selectAll().where('deletedAt', 'is', null).orderBy('definitionVersion').execute();
  const figures: DuoFigure[] = [...groups.entries()]
    .map(([gk, g]) => {
      const notes: string[] = [];
      const errors = [...g.errors];
      const manyRows = g.rows.length > 1;
      let percentage: number | null = null;
      if (g.students !== null && g.leavers !== null) {
        if (g.leavers > g.students) errors.push(t('duo.leaversTooMany', { leavers: formatNumber(g.leavers), students: formatNumber(g.students) }));
        percentage = g.students > 0 ? pct1((g.leavers / g.students) * 100) : null;
        if (!manyRows && g.pctFromFile !== null && percentage !== null && Math.abs(g.pctFromFile - percentage) > 0.05)
          notes.push(t('duo.percentMismatch', { file: formatNumber(g.pctFromFile, 2), computed: formatNumber(percentage, 2) }));
      } else if (!manyRows && !g.suppressed.has('percentage')) percentage = g.pctFromFile;
      const old = existing.find((e) => e.schoolYear === g.schoolYear && e.onderwijssoort === g.soort && e.status === g.status) ?? null;
      const next = { students: g.students, leavers: g.leavers, percentage, nationalNorm: g.nationalNorm ?? old?.nationalNorm ?? null };
      const same = old && old.students === next.students && old.leavers === next.leavers && old.percentage === next.percentage && old.nationalNorm === next.nationalNorm;
      return {
        key: gk,
        schoolYear: g.schoolYear,
        onderwijssoort: g.soort,
        status: g.status,
        ...next,
        rows: g.rows,
        suppressed: [...g.suppressed],
        outcome: errors.length ? ('rejected' as const) : !old ? ('new' as const) : same ? ('unchanged' as const) : ('changed' as const),
        old: old ? { students: old.students, leavers: old.leavers, percentage: old.percentage, nationalNorm: old.nationalNorm } : null,
        messages: errors.length ? [t('duo.figureRejected'), ...errors] : notes,
      };
    })
    .sort((a, b) => a.schoolYear.localeCompare(b.schoolYear) || a.onderwijssoort.localeCompare(b.onderwijssoort) || a.status.localeCompare(b.status));

  if (style.thousands || style.decimal) notices.push(t(style.decimal === ',' ? 'duo.styleComma' : 'duo.styleDot'));
  const counts = {
    new: figures.filter((f) => f.outcome === 'new').length,
    changed: figures.filter((f) => f.outcome === 'changed').length,
    unchanged: figures.filter((f) => f.outcome === 'unchanged').length,
    rejected: figures.filter((f) => f.outcome === 'rejected').length,
    rowsUsed: rows.filter((r) => r.outcome === 'used' || r.outcome === 'suppressed').length,
    rowsOtherRegion: [...other.values()].reduce((a, b) => a + b, 0),
    rowsSkipped: rows.filter((r) => r.outcome === 'skipped').length,
    rowsError: rows.filter((r) => r.outcome === 'error').length,
  };
  const plan: DuoPlan = {
    fileName,
    sha256: crypto.createHash('sha256').update(buf).digest('hex'),
    format: { kind: table.kind, encoding: table.encoding, separator: table.separator, decimal: style.decimal, thousands: style.thousands, sheet: table.sheet, headerRow: headerRow?.row ?? 1 },
    headers,
    headerKey: key,
    mapping,
    mappingFrom,
    missing,
    region: { number: ctx.region.number, name: ctx.region.name },
    regionBy,
    otherRegions,
    status: col('status') >= 0 ? null : status,
    statusFrom,
    singleYears: single,
    yearIs: options.yearIs ?? null,
    rows,
    figures,
    counts,
    problems,
    notices,
  };
  // The mapping is remembered when the user made or corrected it, and only with an applied import.
  return { plan, write: problems.length ? [] : figures.filter((f) => f.outcome === 'new' || f.outcome === 'changed'), mapping, remember: mappingFrom === 'user' };
}

function colLetter(i: number): string {
  let n = i + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** The dry run: reads the file and compares it with the region figures. Writes nothing. */
export async function planDuo(db: Db, buf: Buffer, fileName: string, options: DuoOptions = {}): Promise<DuoPlan> {
  return (await buildPlan(db, buf, fileName, options)).plan;
}

const NOTHING = Symbol('nothing to apply');

/**
 * Applies the plan in one transaction and one change set (source: the file name): new figures are
 * added, changed ones updated; rejected ones and a file with problems are not. A file that changes
 * nothing leaves the workspace as it was, to the byte.
 */
export async function applyDuo(db: Db, buf: Buffer, fileName: string, o: DuoOptions & { user: string; session?: string | null }): Promise<DuoResult> {
  let result: DuoResult | null = null;
  const first = await buildPlan(db, buf, fileName, o);
  if (first.plan.problems.length) throw new UserError('user_error', t('duo.cannotApply', { problems: first.plan.problems.join('\n') }));
  try {
    await tracked(db, { user: o.user, session: o.session ?? null, action: 'import', label: t('duo.label', { file: fileName }), source: fileName }, async (tr) => {
      // Planned again inside the transaction, so what is written is what the store holds now.
      const { plan, write, mapping, remember } = await buildPlan(tr.trx as unknown as Db, buf, fileName, o);
      result = { plan, applied: 0, changeSetId: null };
      if (!write.length) throw NOTHING;
      const existing = await tr.trx.selectFrom('regionFigure').selectAll().where('deletedAt', 'is', null).orderBy('definitionVersion').execute();
      const source = t('duo.source', { file: fileName });
      for (const f of write) {
        const cols = { students: f.students, leavers: f.leavers, percentage: f.percentage, nationalNorm: f.nationalNorm, source };
        const old = existing.find((e) => e.schoolYear === f.schoolYear && e.onderwijssoort === f.onderwijssoort && e.status === f.status);
        if (old) await tr.update('regionFigure', old.id, cols);
        else
          await tr.insert('regionFigure', {
            id: randomUUID(),
            schoolYear: f.schoolYear,
            onderwijssoort: f.onderwijssoort,
            status: f.status,
            definitionVersion: '',
            ...cols,
            createdAt: tr.at,
            updatedAt: tr.at,
            deletedAt: null,
            deletedIn: null,
          });
      }
      if (remember) await rememberMapping(tr.trx, plan.headerKey, plan.headers, mapping, tr.at);
      result = { plan, applied: write.length, changeSetId: tr.changeSetId };
    });
  } catch (e) {
    if (e !== NOTHING) throw e;
  }
  return result!;
}
