/**
 * DUO VSV figures pasted from a spreadsheet: one row per line, columns separated by tabs:
 * schooljaar, onderwijssoort, deelnemers, vsv'ers, voorlopig/definitief, definitieversie, landelijke norm.
 * The last three may be left out. A header line is skipped. Nothing is guessed: a line that cannot
 * be read is reported with its number and left out.
 */
import { parseNumberInput } from './format';
import { isSchoolYear } from './schoolYear';
import { t } from '../i18n/nl';

export const SOORT_LABELS: Record<string, string> = {
  vo_onderbouw: 'vo-onderbouw',
  vmbo_bovenbouw: 'vmbo-bovenbouw',
  havo_vwo_bovenbouw: 'havo/vwo-bovenbouw',
  mbo1: 'mbo 1',
  mbo2: 'mbo 2',
  mbo34: 'mbo 3/4',
};

const norm = (s: string) => s.toLowerCase().replace(/[\s_\-/.]+/g, '');
const SOORT_BY_KEY = new Map(Object.entries(SOORT_LABELS).flatMap(([code, label]) => [[norm(code), code], [norm(label), code]]));
SOORT_BY_KEY.set(norm('mbo niveau 1'), 'mbo1');
SOORT_BY_KEY.set(norm('mbo niveau 2'), 'mbo2');
SOORT_BY_KEY.set(norm('mbo niveau 3/4'), 'mbo34');
SOORT_BY_KEY.set(norm('mbo 3-4'), 'mbo34');
SOORT_BY_KEY.set(norm('havo/vwo bovenbouw'), 'havo_vwo_bovenbouw');

export interface PastedFigure {
  schoolYear: string;
  onderwijssoort: string;
  students: number;
  leavers: number;
  percentage: null;
  nationalNorm: number | null;
  status: 'voorlopig' | 'definitief';
  definitionVersion: string;
  source: string;
}

export function parseRegionPaste(text: string, source = t('paste.source')): { rows: PastedFigure[]; errors: { line: number; message: string }[] } {
  const rows: PastedFigure[] = [];
  const errors: { line: number; message: string }[] = [];
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (!raw.trim()) return;
    const cells = raw.split('\t').map((c) => c.trim());
    const year = (cells[0] ?? '').replace(/-/g, '/');
    if (!isSchoolYear(year)) {
      if (i === 0) return; // header
      errors.push({ line, message: t('paste.notSchoolYear', { value: cells[0] ?? '' }) });
      return;
    }
    const soort = SOORT_BY_KEY.get(norm(cells[1] ?? ''));
    if (!soort) return void errors.push({ line, message: t('paste.unknownSoort', { value: cells[1] ?? '' }) });
    const students = parseNumberInput(cells[2] ?? '');
    const leavers = parseNumberInput(cells[3] ?? '');
    if (students === null || !Number.isInteger(students) || students < 0) return void errors.push({ line, message: t('paste.studentsNotWhole', { value: cells[2] ?? '' }) });
    if (leavers === null || !Number.isInteger(leavers) || leavers < 0) return void errors.push({ line, message: t('paste.leaversNotWhole', { value: cells[3] ?? '' }) });
    if (leavers > students) return void errors.push({ line, message: t('paste.leaversTooMany') });
    const st = (cells[4] ?? '').toLowerCase();
    if (st && st !== 'voorlopig' && st !== 'definitief') return void errors.push({ line, message: t('paste.badStatus', { value: cells[4] ?? '' }) });
    let nationalNorm: number | null = null;
    if (cells[6]) {
      nationalNorm = parseNumberInput(cells[6]);
      if (nationalNorm === null || nationalNorm < 0 || nationalNorm > 100) return void errors.push({ line, message: t('paste.badNorm', { value: cells[6] ?? '' }) });
    }
    rows.push({ schoolYear: year, onderwijssoort: soort, students, leavers, percentage: null, nationalNorm, status: st === 'voorlopig' ? 'voorlopig' : 'definitief', definitionVersion: cells[5] ?? '', source });
  });
  return { rows, errors };
}
