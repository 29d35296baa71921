/**
 * Reads an OpenDocument text (.odt, as LibreOffice saves it) into the same blocks as a .docx:
 * paragraphs with their style, heading level, the number LibreOffice shows (list and chapter
 * numbering live in the list styles, not in the text), bold and italic, table-of-contents
 * membership; and tables as rows of cell texts. The recogniser then reads both alike.
 */
import type JSZip from 'jszip';
import type { Element as XmlElement, Node as XmlNode } from '@xmldom/xmldom';
import { UserError } from '../errors';
import { t } from '../../../shared/i18n/nl';
import type { PlanBlock } from '../../../shared/schemas/plan';
import { formatNumber, kids, parseXml, part } from './xml';

type El = XmlElement;

const NS = {
  office: 'urn:oasis:names:tc:opendocument:xmlns:office:1.0',
  style: 'urn:oasis:names:tc:opendocument:xmlns:style:1.0',
  text: 'urn:oasis:names:tc:opendocument:xmlns:text:1.0',
  table: 'urn:oasis:names:tc:opendocument:xmlns:table:1.0',
  fo: 'urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0',
  xml: 'http://www.w3.org/XML/1998/namespace',
} as const;
type Ns = keyof typeof NS;

const is = (el: El, ns: Ns, name: string) => el.namespaceURI === NS[ns] && el.localName === name;
/** An attribute, or null when absent (xmldom answers '' for a missing one). */
const at = (el: El | undefined, ns: Ns, name: string): string | null => (el?.getAttributeNS(NS[ns], name) || null);
const childOf = (el: El | undefined, ns: Ns, name: string) => kids(el).find((c) => is(c, ns, name));

interface OdtStyle {
  /** Lower-case display name ("heading 1", "title", "contents 1"). */
  display: string;
  parent: string | null;
  automatic: boolean;
  bold: boolean | null;
  italic: boolean | null;
  outline: number | null;
  list: string | null;
}

interface LevelStyle {
  bullet: boolean;
  fmt: string;
  prefix: string;
  suffix: string;
  display: number;
  start: number;
}

/** "Heading_20_1" -> "heading 1": ODF escapes characters in style names as _hex_. */
const unescapeName = (s: string) => s.replace(/_([0-9a-f]{2})_/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
const FORMATS: Record<string, string> = { '1': 'decimal', a: 'lowerLetter', A: 'upperLetter', i: 'lowerRoman', I: 'upperRoman' };

class Styles {
  private styles = new Map<string, OdtStyle>();
  readonly lists = new Map<string, Map<number, LevelStyle>>();
  outline = new Map<number, LevelStyle>();

  add(container: El | undefined, automatic: boolean): void {
    for (const s of kids(container)) {
      if (is(s, 'style', 'style')) {
        const family = at(s, 'style', 'family');
        if (family !== 'paragraph' && family !== 'text') continue;
        const name = at(s, 'style', 'name') ?? '';
        const tp = childOf(s, 'style', 'text-properties');
        const weight = at(tp, 'fo', 'font-weight');
        const fstyle = at(tp, 'fo', 'font-style');
        const outline = at(s, 'style', 'default-outline-level');
        this.styles.set(`${family}:${name}`, {
          display: (at(s, 'style', 'display-name') ?? unescapeName(name)).toLowerCase(),
          parent: at(s, 'style', 'parent-style-name'),
          automatic,
          bold: weight === null ? null : weight === 'bold' || Number(weight) >= 600,
          italic: fstyle === null ? null : fstyle === 'italic' || fstyle === 'oblique',
          outline: outline ? Number(outline) : null,
          list: at(s, 'style', 'list-style-name'),
        });
      } else if (is(s, 'text', 'list-style')) this.lists.set(at(s, 'style', 'name') ?? '', levels(s));
      else if (is(s, 'text', 'outline-style')) this.outline = levels(s);
    }
  }

  /** A property through the parent styles (a loop is cut). */
  prop<K extends keyof OdtStyle>(family: 'paragraph' | 'text', name: string | null, key: K): OdtStyle[K] | null {
    for (let i = 0, s = name ? this.styles.get(`${family}:${name}`) : undefined; s && i < 12; i++, s = s.parent ? this.styles.get(`${family}:${s.parent}`) : undefined)
      if (s[key] !== null) return s[key];
    return null;
  }

  /** The name a user gave the paragraph's style: an automatic style (P5) stands for its named parent. */
  nameOf(name: string | null): string {
    let current = name;
    for (let i = 0; current && i < 12; i++) {
      const s = this.styles.get(`paragraph:${current}`);
      if (!s) break;
      if (!s.automatic) return s.display;
      if (!s.parent) return '';
      current = s.parent;
    }
    return current ? unescapeName(current).toLowerCase() : '';
  }
}

function levels(listStyle: El): Map<number, LevelStyle> {
  const out = new Map<number, LevelStyle>();
  for (const l of kids(listStyle)) {
    const level = Number(at(l, 'text', 'level') ?? 1);
    const bullet = is(l, 'text', 'list-level-style-bullet') || is(l, 'text', 'list-level-style-image');
    out.set(level, {
      bullet,
      fmt: bullet ? '' : (at(l, 'style', 'num-format') ?? ''),
      prefix: at(l, 'style', 'num-prefix') ?? '',
      suffix: at(l, 'style', 'num-suffix') ?? '',
      display: Number(at(l, 'text', 'display-levels') ?? 1),
      start: Number(at(l, 'text', 'start-value') ?? 1),
    });
  }
  return out;
}

/** Counters of one list (or of the chapter numbering), level 1 first. */
class Counter {
  private values: number[] = [];
  constructor(private readonly style: Map<number, LevelStyle> | undefined) {}

  /** The label of the next item at this level (1-based), or null when the level shows no number. */
  next(level: number, startValue: number | null): { text: string; bullet: boolean } | null {
    const def = this.style?.get(level);
    if (!def) return null;
    if (def.bullet) return { text: '', bullet: true };
    const startOf = (l: number) => this.style?.get(l)?.start ?? 1;
    const cur = this.values[level - 1];
    this.values[level - 1] = startValue !== null ? startValue : cur === undefined ? startOf(level) : cur + 1;
    this.values.length = level;
    if (!FORMATS[def.fmt]) return null;
    const shown: string[] = [];
    for (let l = Math.max(1, level - def.display + 1); l <= level; l++) shown.push(formatNumber(this.values[l - 1] ?? startOf(l), FORMATS[this.style?.get(l)?.fmt ?? '1'] ?? 'decimal'));
    return { text: `${def.prefix}${shown.join('.')}${def.suffix}`.trim(), bullet: false };
  }
}

interface Run {
  text: string;
  bold: boolean;
  italic: boolean;
}

/** Element content left out of a paragraph's text: notes, comments, drawings, deleted text, the cached number. */
const SKIPPED = new Set(['note', 'annotation', 'tracked-changes', 'number', 'bookmark', 'bookmark-start', 'bookmark-end', 'soft-page-break', 'frame', 'custom-shape', 'change', 'change-start', 'change-end', 'toc-mark', 'alphabetical-index-mark']);

export async function readOdt(zip: JSZip): Promise<PlanBlock[]> {
  let contentXml: string | null, stylesXml: string | null;
  try {
    contentXml = await part(zip, 'content.xml');
    stylesXml = await part(zip, 'styles.xml');
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError('user_error', t('plan.read.damaged'));
  }
  if (!contentXml) throw new UserError('user_error', t('plan.read.damaged'));
  const styles = new Styles();
  const stylesRoot = stylesXml ? parseXml(stylesXml) : null;
  const content = parseXml(contentXml);
  if (stylesRoot) {
    styles.add(childOf(stylesRoot, 'office', 'styles'), false);
    styles.add(childOf(stylesRoot, 'office', 'automatic-styles'), true);
  }
  styles.add(childOf(content, 'office', 'automatic-styles'), true);
  const body = childOf(childOf(content, 'office', 'body'), 'office', 'text');
  if (!body) throw new UserError('user_error', t('plan.read.damaged'));

  const blocks: PlanBlock[] = [];
  const outline = new Counter(styles.outline);
  /** The latest list per list style and per xml:id, for lists that continue an earlier one. */
  const lastByStyle = new Map<string, Counter>();
  const byId = new Map<string, Counter>();

  const runs = (el: El, bold: boolean, italic: boolean, out: Run[]): Run[] => {
    for (let n: XmlNode | null = el.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 3) {
        // ODF collapses white space in text; spaces, tabs and breaks that count are elements.
        const text = (n.nodeValue ?? '').replace(/[ \t\r\n]+/g, ' ');
        if (text) out.push({ text, bold, italic });
        continue;
      }
      if (n.nodeType !== 1) continue;
      const c = n as El;
      if (c.namespaceURI === NS.text && c.localName === 's') out.push({ text: ' '.repeat(Math.min(200, Number(at(c, 'text', 'c') ?? 1))), bold, italic });
      else if (is(c, 'text', 'tab')) out.push({ text: '\t', bold, italic });
      else if (is(c, 'text', 'line-break')) out.push({ text: '\n', bold, italic });
      else if (is(c, 'text', 'span')) {
        const name = at(c, 'text', 'style-name');
        runs(c, styles.prop('text', name, 'bold') ?? bold, styles.prop('text', name, 'italic') ?? italic, out);
      } else if (!SKIPPED.has(c.localName ?? '') && c.namespaceURI !== 'urn:oasis:names:tc:opendocument:xmlns:drawing:1.0' && c.namespaceURI !== NS.office) runs(c, bold, italic, out);
    }
    return out;
  };

  const paragraph = (p: El, inToc: boolean, num: { text: string; level: number; bullet: boolean } | null): PlanBlock => {
    const styleName = at(p, 'text', 'style-name');
    const rs = runs(p, !!styles.prop('paragraph', styleName, 'bold'), !!styles.prop('paragraph', styleName, 'italic'), []);
    // The text starts at its first character, as Word's does (leading collapsed space is not shown).
    const text = rs.map((r) => r.text).join('').replace(/^ /, '');
    const visible = rs.filter((r) => r.text.trim());
    const name = styles.nameOf(styleName);
    const heading = /^(heading|kop)\s*(\d)$/.exec(name);
    const outlineLevel = is(p, 'text', 'h') ? Number(at(p, 'text', 'outline-level') ?? styles.prop('paragraph', styleName, 'outline') ?? 1) : heading ? Number(heading[2]) : styles.prop('paragraph', styleName, 'outline');
    // A number LibreOffice cached in the paragraph wins over the one counted here.
    const cached = childOf(p, 'text', 'number')?.textContent?.trim();
    return {
      kind: 'p',
      id: blocks.length,
      text,
      style: name,
      headingLevel: name === 'title' || name === 'titel' ? 0 : outlineLevel,
      num: cached ? { text: cached, level: num?.level ?? 0, bullet: false } : text.trim() ? num : null,
      bold: visible.length > 0 && visible.every((r) => r.bold),
      italic: visible.length > 0 && visible.every((r) => r.italic),
      toc: inToc || /^(contents|inhoudsopgave|toc)\s*\d/.test(name) || name === 'contents heading',
    };
  };

  const heading = (h: El, inToc: boolean) => {
    const level = Number(at(h, 'text', 'outline-level') ?? 1);
    const restart = at(h, 'text', 'restart-numbering') === 'true' ? Number(at(h, 'text', 'start-value') ?? 1) : null;
    const num = at(h, 'text', 'is-list-header') === 'true' ? null : outline.next(level, restart);
    blocks.push(paragraph(h, inToc, num ? { ...num, level: level - 1 } : null));
  };

  const list = (l: El, inToc: boolean, counter: Counter | null, depth: number) => {
    if (!counter) {
      const styleName = at(l, 'text', 'style-name') ?? firstParagraphList(l);
      const cont = at(l, 'text', 'continue-list');
      counter = (cont && byId.get(cont)) || (at(l, 'text', 'continue-numbering') === 'true' && styleName ? lastByStyle.get(styleName) : undefined) || new Counter(styleName ? styles.lists.get(styleName) : undefined);
      if (styleName) lastByStyle.set(styleName, counter);
      const xmlId = at(l, 'xml', 'id');
      if (xmlId) byId.set(xmlId, counter);
    }
    for (const item of kids(l)) {
      const header = is(item, 'text', 'list-header');
      if (!header && !is(item, 'text', 'list-item')) continue;
      const start = at(item, 'text', 'start-value');
      let first = true;
      for (const c of kids(item)) {
        if (is(c, 'text', 'list')) list(c, inToc, counter, depth + 1);
        else if (is(c, 'text', 'p') || is(c, 'text', 'h')) {
          // Only an item's first paragraph carries its number; an item holding only a sublist counts nothing.
          const num = first && !header ? counter.next(depth, start === null ? null : Number(start)) : null;
          blocks.push(paragraph(c, inToc, num ? { ...num, level: depth - 1 } : null));
          first = false;
        } else if (is(c, 'table', 'table')) blocks.push(table(c));
      }
    }
  };
  /** A list without its own style takes the list style of its first paragraph's style. */
  const firstParagraphList = (l: El): string | null => {
    for (const item of kids(l))
      for (const c of kids(item)) {
        if (is(c, 'text', 'p') || is(c, 'text', 'h')) return styles.prop('paragraph', at(c, 'text', 'style-name'), 'list');
        if (is(c, 'text', 'list')) return firstParagraphList(c);
      }
    return null;
  };

  const cellText = (el: El, out: string[] = []): string[] => {
    for (const c of kids(el)) {
      if (is(c, 'text', 'p') || is(c, 'text', 'h')) out.push(runs(c, false, false, []).map((r) => r.text).join('').trim());
      else if (c.namespaceURI === NS.text || c.namespaceURI === NS.table) cellText(c, out);
    }
    return out;
  };
  const rowsOf = (el: El, out: string[][] = []): string[][] => {
    for (const c of kids(el)) {
      if (is(c, 'table', 'table-row')) {
        const cells: string[] = [];
        for (const cell of kids(c)) {
          if (!is(cell, 'table', 'table-cell')) continue;
          const text = cellText(cell).join('\n').trim();
          // Repeated cells are empty padding to the table's width; a few are kept, never thousands.
          const times = Math.min(20, Number(at(cell, 'table', 'number-columns-repeated') ?? 1));
          for (let i = 0; i < times; i++) cells.push(text);
        }
        while (cells.length > 1 && cells[cells.length - 1] === '') cells.pop();
        out.push(cells);
      } else if (is(c, 'table', 'table-header-rows') || is(c, 'table', 'table-rows') || is(c, 'table', 'table-row-group')) rowsOf(c, out);
    }
    return out;
  };
  const table = (tbl: El): PlanBlock => ({ kind: 'table', id: blocks.length, rows: rowsOf(tbl) });

  const walk = (el: El, inToc: boolean) => {
    for (const c of kids(el)) {
      if (is(c, 'text', 'p')) blocks.push(paragraph(c, inToc, null));
      else if (is(c, 'text', 'h')) heading(c, inToc);
      else if (is(c, 'text', 'list')) list(c, inToc, null, 1);
      else if (is(c, 'table', 'table')) blocks.push(table(c));
      else if (is(c, 'text', 'section')) walk(c, inToc);
      else if (is(c, 'text', 'table-of-content')) walk(childOf(c, 'text', 'index-body') ?? c, true);
      else if (is(c, 'text', 'index-body') || is(c, 'text', 'index-title')) walk(c, inToc);
    }
  };
  walk(body, false);
  return blocks;
}
