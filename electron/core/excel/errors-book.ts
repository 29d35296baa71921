/**
 * The error workbook: the file as it came in, with every rejected cell shaded and a comment that
 * says what to fix, plus a "Fouten" sheet listing them all, so it can go back to whoever filled it in.
 */
import type ExcelJS from 'exceljs';
import { loadWorkbook, norm, LIMITS, type Limits } from './book';
import { ERROR_FILL } from './sheets';
import type { ImportPlan } from '../../../shared/schemas/exchange';
import { t } from '../../../shared/i18n/nl';

export async function buildErrorWorkbook(buf: Buffer, fileName: string, plan: ImportPlan, limits: Limits = LIMITS): Promise<Buffer> {
  const wb: ExcelJS.Workbook = await loadWorkbook(buf, fileName, limits);
  const issues = plan.rows.filter((r) => r.status === 'rejected').flatMap((r) => r.issues);
  for (const i of issues) {
    const ws = wb.worksheets.find((w) => norm(w.name) === norm(i.sheet));
    if (!ws || !i.row) continue;
    const cell = i.col ? ws.getCell(`${i.col}${i.row}`) : ws.getRow(i.row).getCell(1);
    const prev = typeof cell.note === 'string' ? cell.note + '\n' : '';
    cell.note = prev + t('xl.errors.fix', { message: i.message });
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: ERROR_FILL } };
    // A partner's sheet is protected: the marked cells must be editable to be fixed.
    cell.protection = { locked: false };
  }
  const list = wb.addWorksheet(t('xl.sheet.errors'));
  list.columns = [
    { header: t('xl.errors.sheet'), key: 'sheet', width: 22 },
    { header: t('xl.errors.row'), key: 'row', width: 8 },
    { header: t('xl.errors.column'), key: 'col', width: 24 },
    { header: t('xl.errors.message'), key: 'message', width: 90 },
  ];
  list.getRow(1).font = { bold: true };
  for (const i of issues) list.addRow({ sheet: i.sheet, row: i.row ?? '', col: i.header ? `${i.header} (${i.col ?? ''})` : (i.col ?? ''), message: i.message });
  list.views = [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }];
  list.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 4 } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
