/**
 * A small .xlsx writer for the workbooks Regieboek makes: typed cells with shared styles, shared
 * strings, comments (notes), column widths, row heights, frozen header, filter, data validation per
 * range, sheet protection, merged cells and print setup (paper, orientation, fit, repeated rows and
 * columns, header and footer). It writes the XML directly, which is several times faster than
 * building an object per cell, and holds one compact record per cell until the file is packed.
 */
import { zip } from './zip';

export type WValue = string | number | boolean | Date | null;

export interface WStyle {
  /** Number format code in Excel's invariant syntax ('#,##0.00', 'dd-mm-yyyy', '@'). */
  numFmt?: string;
  bold?: boolean;
  italic?: boolean;
  size?: number;
  /** Font colour, ARGB. */
  color?: string;
  /** Solid fill, ARGB. */
  fill?: string;
  wrap?: boolean;
  vertical?: 'top' | 'center' | 'bottom';
  horizontal?: 'left' | 'center' | 'right';
  borderBottom?: boolean;
  /** Unlocked cells can be edited on a protected sheet. */
  unlocked?: boolean;
}

export interface WValidation {
  type: 'list' | 'whole' | 'decimal' | 'date';
  operator?: 'between' | 'greaterThanOrEqual' | 'lessThanOrEqual';
  /** Formula texts: a list as '"A,B,C"', numbers as digits, dates as serial numbers. */
  formulae: (string | number)[];
  allowBlank: boolean;
  errorTitle: string;
  error: string;
  promptTitle?: string;
  prompt?: string;
}

export interface WPage {
  landscape: boolean;
  /** Pages wide and high to fit on; 0 means as many as needed. Absent: no fitting (100%). */
  fitToWidth?: number;
  fitToHeight?: number;
  /** Print scale in percent when not fitting. */
  scale?: number;
  /** Rows repeated at the top of every page, e.g. [1, 1]. */
  titleRows?: [number, number];
  /** Columns repeated at the left of every page, e.g. [1, 3]. */
  titleCols?: [number, number];
  /** Margins in inches. */
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  header?: string;
  footer?: string;
  /** A page break after each of these rows. */
  rowBreaks?: number[];
  /** A page break after each of these columns. */
  colBreaks?: number[];
  /** Print a wide sheet's pages row band by row band (left half, right half, next rows …). */
  overThenDown?: boolean;
}

interface Row {
  values: WValue[];
  styles: number[];
  height?: number;
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
/**
 * A number as Excel keeps it: 15 significant digits. A computed share such as 476/500*100 is
 * 95.19999999999999 in binary floating point; Excel would show that noise in the formula bar.
 */
export function excelNumber(v: number): number {
  return Number.isInteger(v) ? v : Number(v.toPrecision(15));
}

/** A Date as Excel's serial day number (1900 system), in UTC as exceljs writes it. */
export const dateToSerial = (d: Date) => (d.getTime() - EXCEL_EPOCH) / 86_400_000;

// eslint-disable-next-line no-control-regex -- control characters must be escaped
const SPECIAL = /[&<>"\u0000-\u001F\uD800-\uDFFF\uFFFE\uFFFF]|_x/;

/** Characters XML cannot carry, and literal "_xHHHH_" texts, escaped the way Excel does. */
function xmlText(s: string): string {
  if (!SPECIAL.test(s)) return s;
  let out = s;
  if (/_x[0-9A-Fa-f]{4}_/.test(out)) out = out.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1');
  // eslint-disable-next-line no-control-regex -- control characters are what is escaped here
  out = out.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
  // Lone halves of a surrogate pair are not XML either.
  if (/[\uD800-\uDFFF]/.test(out)) out = out.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
  return esc(out);
}

const esc = (s: string) => (/[&<>"]/.test(s) ? s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;') : s);

export function colName(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** A sheet name inside a formula or defined name: 'Programma''s'. */
const quoted = (name: string) => `'${name.replace(/'/g, "''")}'`;

export class SheetWriter {
  readonly rows: Row[] = [];
  readonly cols: { width?: number; hidden?: boolean }[] = [];
  readonly notes: { r: number; c: number; text: string }[] = [];
  readonly merges: string[] = [];
  readonly validations: { ref: string; v: WValidation }[] = [];
  frozen: { rows: number; cols: number } | null = null;
  filter: { r1: number; c1: number; r2: number; c2: number } | null = null;
  protection = false;
  page: WPage | null = null;
  hidden = false;

  constructor(
    readonly book: WorkbookWriter,
    readonly name: string,
  ) {}

  /** Sets a cell (1-based row and column). */
  set(r: number, c: number, value: WValue, style?: WStyle): void {
    const row = (this.rows[r] ??= { values: [], styles: [] });
    row.values[c] = value;
    row.styles[c] = style ? this.book.styleId(style) : 0;
  }

  note(r: number, c: number, text: string): void {
    this.notes.push({ r, c, text });
  }

  height(r: number, points: number): void {
    (this.rows[r] ??= { values: [], styles: [] }).height = points;
  }

  col(c: number, o: { width?: number; hidden?: boolean }): void {
    this.cols[c] = { ...this.cols[c], ...o };
  }

  freeze(rows: number, cols = 0): void {
    this.frozen = { rows, cols };
  }

  autoFilter(r1: number, c1: number, r2: number, c2: number): void {
    this.filter = { r1, c1, r2, c2 };
  }

  validate(ref: string, v: WValidation): void {
    this.validations.push({ ref, v });
  }

  merge(ref: string): void {
    this.merges.push(ref);
  }

  /** Protects the sheet without a password: locked cells cannot be edited, filter and column widths still can. */
  protect(): void {
    this.protection = true;
  }

  get lastRow(): number {
    return this.rows.length - 1;
  }

  get lastCol(): number {
    let n = this.cols.length - 1;
    for (const r of this.rows) if (r && r.values.length - 1 > n) n = r.values.length - 1;
    return Math.max(1, n);
  }

  xml(strings: (s: string) => number, legacyDrawing: string | null): string {
    const out: string[] = [];
    const lastRow = Math.max(1, this.lastRow);
    const lastCol = this.lastCol;
    out.push(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">',
    );
    if (this.page?.fitToWidth !== undefined) out.push('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
    out.push(`<dimension ref="A1:${colName(lastCol)}${lastRow}"/>`);
    out.push('<sheetViews><sheetView workbookViewId="0"');
    if (this.book.sheets[0] === this) out.push(' tabSelected="1"');
    out.push('>');
    if (this.frozen) {
      const { rows, cols } = this.frozen;
      const tl = `${colName(cols + 1)}${rows + 1}`;
      const pane = rows && cols ? 'bottomRight' : rows ? 'bottomLeft' : 'topRight';
      out.push(`<pane${cols ? ` xSplit="${cols}"` : ''}${rows ? ` ySplit="${rows}"` : ''} topLeftCell="${tl}" activePane="${pane}" state="frozen"/>`);
      out.push(`<selection pane="${pane}" activeCell="${tl}" sqref="${tl}"/>`);
    }
    out.push('</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>');
    if (this.cols.length) {
      out.push('<cols>');
      this.cols.forEach((c, i) => {
        if (!c) return;
        out.push(`<col min="${i}" max="${i}"${c.width !== undefined ? ` width="${c.width}" customWidth="1"` : ' width="9.140625"'}${c.hidden ? ' hidden="1"' : ''}/>`);
      });
      out.push('</cols>');
    }
    out.push('<sheetData>');
    const names = Array.from({ length: lastCol + 1 }, (_, c) => colName(c));
    for (let r = 1; r < this.rows.length; r++) {
      const row = this.rows[r];
      if (!row) continue;
      out.push(`<row r="${r}"${row.height !== undefined ? ` ht="${row.height}" customHeight="1"` : ''}>`);
      const { values, styles } = row;
      for (let c = 1; c < values.length; c++) {
        const v = values[c];
        const s = styles[c];
        if (v === undefined && s === undefined) continue;
        const ref = (names[c] ?? colName(c)) + r;
        const sa = s ? ` s="${s}"` : '';
        if (v === null || v === undefined || v === '') out.push(`<c r="${ref}"${sa}/>`);
        else if (typeof v === 'string') out.push(`<c r="${ref}"${sa} t="s"><v>${strings(v)}</v></c>`);
        else if (typeof v === 'number') out.push(Number.isFinite(v) ? `<c r="${ref}"${sa}><v>${excelNumber(v)}</v></c>` : `<c r="${ref}"${sa}/>`);
        else if (typeof v === 'boolean') out.push(`<c r="${ref}"${sa} t="b"><v>${v ? 1 : 0}</v></c>`);
        else if (v instanceof Date) out.push(Number.isNaN(v.getTime()) ? `<c r="${ref}"${sa}/>` : `<c r="${ref}"${sa}><v>${dateToSerial(v)}</v></c>`);
      }
      out.push('</row>');
    }
    out.push('</sheetData>');
    if (this.protection)
      out.push(
        '<sheetProtection sheet="1" objects="1" scenarios="1" formatCells="1" formatColumns="0" formatRows="0" insertColumns="1" insertRows="1" insertHyperlinks="1" deleteColumns="1" deleteRows="1" selectLockedCells="0" sort="1" autoFilter="0" pivotTables="1" selectUnlockedCells="0"/>',
      );
    if (this.filter) out.push(`<autoFilter ref="${colName(this.filter.c1)}${this.filter.r1}:${colName(this.filter.c2)}${this.filter.r2}"/>`);
    if (this.merges.length) out.push(`<mergeCells count="${this.merges.length}">${this.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`);
    if (this.validations.length) {
      out.push(`<dataValidations count="${this.validations.length}">`);
      for (const { ref, v } of this.validations) {
        out.push(
          `<dataValidation type="${v.type}"${v.operator && v.type !== 'list' ? ` operator="${v.operator}"` : ''}${v.allowBlank ? ' allowBlank="1"' : ''} showInputMessage="1" showErrorMessage="1"` +
            ` errorTitle="${esc(v.errorTitle)}" error="${esc(v.error)}"${v.promptTitle ? ` promptTitle="${esc(v.promptTitle)}"` : ''}${v.prompt ? ` prompt="${esc(v.prompt)}"` : ''} sqref="${ref}">`,
        );
        v.formulae.forEach((f, i) => out.push(`<formula${i + 1}>${esc(String(f))}</formula${i + 1}>`));
        out.push('</dataValidation>');
      }
      out.push('</dataValidations>');
    }
    const p = this.page;
    if (p) {
      const m = p.margins;
      out.push(`<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>`);
      out.push(
        `<pageSetup paperSize="9"${p.scale ? ` scale="${p.scale}"` : ''}${p.fitToWidth !== undefined ? ` fitToWidth="${p.fitToWidth}" fitToHeight="${p.fitToHeight ?? 0}"` : ''}${p.overThenDown ? ' pageOrder="overThenDown"' : ''} orientation="${p.landscape ? 'landscape' : 'portrait'}"/>`,
      );
      if (p.header || p.footer)
        out.push(`<headerFooter>${p.header ? `<oddHeader>${esc(p.header)}</oddHeader>` : ''}${p.footer ? `<oddFooter>${esc(p.footer)}</oddFooter>` : ''}</headerFooter>`);
      if (p.rowBreaks?.length)
        out.push(`<rowBreaks count="${p.rowBreaks.length}" manualBreakCount="${p.rowBreaks.length}">${p.rowBreaks.map((b) => `<brk id="${b}" max="16383" man="1"/>`).join('')}</rowBreaks>`);
      if (p.colBreaks?.length)
        out.push(`<colBreaks count="${p.colBreaks.length}" manualBreakCount="${p.colBreaks.length}">${p.colBreaks.map((b) => `<brk id="${b}" max="1048575" man="1"/>`).join('')}</colBreaks>`);
    }
    if (legacyDrawing) out.push(`<legacyDrawing r:id="${legacyDrawing}"/>`);
    out.push('</worksheet>');
    return out.join('');
  }

  commentsXml(): string {
    const list = this.notes.map((n) => `<comment ref="${colName(n.c)}${n.r}" authorId="0"><text><r><t xml:space="preserve">${xmlText(n.text)}</t></r></text></comment>`).join('');
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>Regieboek</author></authors><commentList>${list}</commentList></comments>`;
  }

  vmlXml(): string {
    const shapes = this.notes
      .map(
        (n, i) =>
          `<v:shape id="_x0000_s${1025 + i}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:240pt;height:90pt;z-index:${i + 1};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
          '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
          `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${n.c}, 15, ${n.r - 1}, 2, ${n.c + 3}, 15, ${n.r + 4}, 4</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${n.r - 1}</x:Row><x:Column>${n.c - 1}</x:Column></x:ClientData></v:shape>`,
      )
      .join('');
    return (
      '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
      '<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout>' +
      '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>' +
      `${shapes}</xml>`
    );
  }
}

export interface BookProps {
  creator: string;
  created: Date;
  title?: string;
}

/** The built-in number formats Excel knows by number; others get ids from 164. */
const BUILTIN_FMT: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10, '@': 49 };

export class WorkbookWriter {
  readonly sheets: SheetWriter[] = [];
  private readonly styleKeys = new Map<string, number>();
  private readonly styleObjects = new WeakMap<WStyle, number>();
  private readonly xfs: WStyle[] = [{}];

  constructor(readonly props: BookProps) {}

  addSheet(name: string): SheetWriter {
    const ws = new SheetWriter(this, name);
    this.sheets.push(ws);
    return ws;
  }

  sheet(name: string): SheetWriter | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  /** The cell style index of a style; equal styles share one (looked up by object first, then by content). */
  styleId(style: WStyle): number {
    const known = this.styleObjects.get(style);
    if (known !== undefined) return known;
    const key = JSON.stringify([style.numFmt, style.bold, style.italic, style.size, style.color, style.fill, style.wrap, style.vertical, style.horizontal, style.borderBottom, style.unlocked]);
    let id = this.styleKeys.get(key);
    if (id === undefined) {
      id = this.xfs.length;
      this.xfs.push(style);
      this.styleKeys.set(key, id);
    }
    this.styleObjects.set(style, id);
    return id;
  }

  private stylesXml(): string {
    const fmts = new Map<string, number>();
    const fonts = new Map<string, number>([['', 0]]);
    const fills = new Map<string, number>([['', 0], ['gray125', 1]]);
    const fontXml = ['<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'];
    const fillXml = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'];
    const xfXml: string[] = [];
    for (const s of this.xfs) {
      let fmtId = 0;
      if (s.numFmt) {
        fmtId = BUILTIN_FMT[s.numFmt] ?? fmts.get(s.numFmt) ?? 164 + fmts.size;
        if (BUILTIN_FMT[s.numFmt] === undefined) fmts.set(s.numFmt, fmtId);
      }
      const fontKey = s.bold || s.italic || s.size || s.color ? JSON.stringify([s.bold, s.italic, s.size, s.color]) : '';
      let fontId = fonts.get(fontKey);
      if (fontId === undefined) {
        fontId = fontXml.length;
        fonts.set(fontKey, fontId);
        fontXml.push(`<font>${s.bold ? '<b/>' : ''}${s.italic ? '<i/>' : ''}<sz val="${s.size ?? 11}"/>${s.color ? `<color rgb="${s.color}"/>` : ''}<name val="Calibri"/><family val="2"/></font>`);
      }
      let fillId = fills.get(s.fill ?? '');
      if (fillId === undefined) {
        fillId = fillXml.length;
        fills.set(s.fill!, fillId);
        fillXml.push(`<fill><patternFill patternType="solid"><fgColor rgb="${s.fill}"/><bgColor indexed="64"/></patternFill></fill>`);
      }
      const borderId = s.borderBottom ? 1 : 0;
      const align = s.wrap || s.vertical || s.horizontal ? `<alignment${s.horizontal ? ` horizontal="${s.horizontal}"` : ''}${s.vertical ? ` vertical="${s.vertical}"` : ''}${s.wrap ? ' wrapText="1"' : ''}/>` : '';
      const prot = s.unlocked ? '<protection locked="0"/>' : '';
      xfXml.push(
        `<xf numFmtId="${fmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${fmtId ? ' applyNumberFormat="1"' : ''}${fontId ? ' applyFont="1"' : ''}${fillId ? ' applyFill="1"' : ''}${borderId ? ' applyBorder="1"' : ''}${align ? ' applyAlignment="1"' : ''}${prot ? ' applyProtection="1"' : ''}${align || prot ? `>${align}${prot}</xf>` : '/>'}`,
      );
    }
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      (fmts.size ? `<numFmts count="${fmts.size}">${[...fmts].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${esc(code)}"/>`).join('')}</numFmts>` : '') +
      `<fonts count="${fontXml.length}">${fontXml.join('')}</fonts>` +
      `<fills count="${fillXml.length}">${fillXml.join('')}</fills>` +
      '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left/><right/><top/><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${xfXml.length}">${xfXml.join('')}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0"/></styleSheet>'
    );
  }

  /** The whole workbook as .xlsx bytes. */
  toBuffer(): Buffer {
    const strings = new Map<string, number>();
    const stringXml: string[] = [];
    const stringIndex = (s: string) => {
      let i = strings.get(s);
      if (i === undefined) {
        i = stringXml.length;
        strings.set(s, i);
        stringXml.push(/^\s|\s$|\n/.test(s) ? `<si><t xml:space="preserve">${xmlText(s)}</t></si>` : `<si><t>${xmlText(s)}</t></si>`);
      }
      return i;
    };
    const parts: { name: string; data: string }[] = [];
    const overrides: string[] = [];
    const wbRels: string[] = [];
    const definedNames: string[] = [];
    let commentsN = 0;
    this.sheets.forEach((ws, i) => {
      const n = i + 1;
      let legacy: string | null = null;
      if (ws.notes.length) {
        commentsN++;
        legacy = 'rId2';
        parts.push({ name: `xl/comments${commentsN}.xml`, data: ws.commentsXml() });
        parts.push({ name: `xl/drawings/vmlDrawing${commentsN}.vml`, data: ws.vmlXml() });
        parts.push({
          name: `xl/worksheets/_rels/sheet${n}.xml.rels`,
          data:
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
            `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="../comments${commentsN}.xml"/>` +
            `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing" Target="../drawings/vmlDrawing${commentsN}.vml"/></Relationships>`,
        });
        overrides.push(`<Override PartName="/xl/comments${commentsN}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>`);
      }
      parts.push({ name: `xl/worksheets/sheet${n}.xml`, data: ws.xml(stringIndex, legacy) });
      overrides.push(`<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`);
      wbRels.push(`<Relationship Id="rId${n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${n}.xml"/>`);
      const q = quoted(ws.name);
      if (ws.filter)
        definedNames.push(
          `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${esc(`${q}!$${colName(ws.filter.c1)}$${ws.filter.r1}:$${colName(ws.filter.c2)}$${ws.filter.r2}`)}</definedName>`,
        );
      const titles = [
        ...(ws.page?.titleCols ? [`${q}!$${colName(ws.page.titleCols[0])}:$${colName(ws.page.titleCols[1])}`] : []),
        ...(ws.page?.titleRows ? [`${q}!$${ws.page.titleRows[0]}:$${ws.page.titleRows[1]}`] : []),
      ];
      if (titles.length) definedNames.push(`<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${esc(titles.join(','))}</definedName>`);
    });
    const k = this.sheets.length;
    wbRels.push(`<Relationship Id="rId${k + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`);
    wbRels.push(`<Relationship Id="rId${k + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`);
    const sheetsXml = this.sheets.map((ws, i) => `<sheet name="${esc(ws.name)}" sheetId="${i + 1}"${ws.hidden ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`).join('');
    const iso = this.props.created.toISOString().replace(/\.\d{3}Z$/, 'Z');
    const all: { name: string; data: string }[] = [
      {
        name: '[Content_Types].xml',
        data:
          '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
          '<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>' +
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
          '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
          '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
          overrides.join('') +
          '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
          '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>',
      },
      {
        name: '_rels/.rels',
        data:
          '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
          '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
          '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>',
      },
      {
        name: 'docProps/core.xml',
        data:
          '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
          `${this.props.title ? `<dc:title>${esc(this.props.title)}</dc:title>` : ''}<dc:creator>${esc(this.props.creator)}</dc:creator><cp:lastModifiedBy>${esc(this.props.creator)}</cp:lastModifiedBy>` +
          `<dcterms:created xsi:type="dcterms:W3CDTF">${iso}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${iso}</dcterms:modified></cp:coreProperties>`,
      },
      {
        name: 'docProps/app.xml',
        data: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Regieboek</Application></Properties>',
      },
      {
        name: 'xl/workbook.xml',
        data:
          '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
          `<workbookPr/><bookViews><workbookView xWindow="0" yWindow="0" windowWidth="24000" windowHeight="12000"/></bookViews><sheets>${sheetsXml}</sheets>` +
          (definedNames.length ? `<definedNames>${definedNames.join('')}</definedNames>` : '') +
          '<calcPr calcId="171027"/></workbook>',
      },
      {
        name: 'xl/_rels/workbook.xml.rels',
        data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${wbRels.join('')}</Relationships>`,
      },
      ...parts,
    ];
    // The shared strings are known only after every sheet is written.
    all.push({
      name: 'xl/sharedStrings.xml',
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${stringXml.length}" uniqueCount="${stringXml.length}">${stringXml.join('')}</sst>`,
    });
    all.push({ name: 'xl/styles.xml', data: this.stylesXml() });
    return zip(all, this.props.created);
  }
}
