/**
 * Reads a .docx as its XML (document, styles, numbering) into a flat list of blocks (an .odt goes
 * to its own reader, odt-read.ts, and comes back as the same blocks): paragraphs
 * with their style, heading level, the number Word shows (automatic numbering lives in
 * numbering.xml, not in the text, which is why a plain text converter is not enough), bold and
 * italic, table-of-contents membership; and tables as rows of cell texts.
 *
 * Every refusal is a Dutch UserError; nothing of the zip or XML parser reaches the user.
 */
import JSZip from 'jszip';
import type { Element as XmlElement } from '@xmldom/xmldom';
import { UserError } from '../errors';
import { t } from '../../../shared/i18n/nl';
import type { PlanBlock } from '../../../shared/schemas/plan';
import { formatNumber, kids, parseXml, part } from './xml';
import { readOdt } from './odt-read';

/** Larger files are refused before they are unpacked (a 60-page plan with pictures is a few MB; the bridge carries up to about 23 MB). */
export const PLAN_MAX_BYTES = 20 * 1024 * 1024;

type El = XmlElement;

const child = (el: El | undefined | null, name: string): El | undefined => kids(el).find((c) => c.localName === name);
const attr = (el: El | undefined | null, name: string): string | null => (el ? (el.getAttribute(`w:${name}`) ?? el.getAttribute(name)) : null);
/** A toggle such as <w:b/>, <w:b w:val="0"/>: present and not switched off. */
const on = (el: El | undefined): boolean | null => {
  if (!el) return null;
  const v = attr(el, 'val');
  return !(v === '0' || v === 'false' || v === 'off' || v === 'none');
};

interface StyleDef {
  id: string;
  name: string;
  basedOn: string | null;
  outline: number | null;
  numId: string | null;
  ilvl: number | null;
  bold: boolean | null;
  italic: boolean | null;
}

interface LevelDef {
  start: number;
  fmt: string;
  text: string;
}


function readStyles(root: El | null): Map<string, StyleDef> {
  const map = new Map<string, StyleDef>();
  for (const s of kids(root)) {
    if (s.localName !== 'style' || attr(s, 'type') !== 'paragraph') continue;
    const id = attr(s, 'styleId') ?? '';
    const pPr = child(s, 'pPr');
    const rPr = child(s, 'rPr');
    const numPr = child(pPr, 'numPr');
    const outline = attr(child(pPr, 'outlineLvl'), 'val');
    map.set(id, {
      id,
      name: (attr(child(s, 'name'), 'val') ?? id).toLowerCase(),
      basedOn: attr(child(s, 'basedOn'), 'val'),
      outline: outline === null ? null : Number(outline),
      numId: attr(child(numPr, 'numId'), 'val'),
      ilvl: attr(child(numPr, 'ilvl'), 'val') === null ? null : Number(attr(child(numPr, 'ilvl'), 'val')),
      bold: on(child(rPr, 'b')),
      italic: on(child(rPr, 'i')),
    });
  }
  return map;
}

/** A style property, looked up through basedOn (at most a few levels; a loop is cut). */
function styleProp<K extends keyof StyleDef>(styles: Map<string, StyleDef>, id: string | null, key: K): StyleDef[K] | null {
  for (let i = 0, s = id ? styles.get(id) : undefined; s && i < 10; i++, s = s.basedOn ? styles.get(s.basedOn) : undefined) if (s[key] !== null) return s[key];
  return null;
}

class Numbering {
  private abstracts = new Map<string, Map<number, LevelDef>>();
  private nums = new Map<string, { abstractId: string; starts: Map<number, number> }>();
  private counters = new Map<string, number[]>();
  private started = new Set<string>();

  constructor(root: El | null) {
    for (const el of kids(root)) {
      if (el.localName === 'abstractNum') {
        const levels = new Map<number, LevelDef>();
        for (const lvl of kids(el).filter((c) => c.localName === 'lvl'))
          levels.set(Number(attr(lvl, 'ilvl') ?? 0), {
            start: Number(attr(child(lvl, 'start'), 'val') ?? 1),
            fmt: attr(child(lvl, 'numFmt'), 'val') ?? 'decimal',
            text: attr(child(lvl, 'lvlText'), 'val') ?? '',
          });
        this.abstracts.set(attr(el, 'abstractNumId') ?? '', levels);
      } else if (el.localName === 'num') {
        const starts = new Map<number, number>();
        for (const o of kids(el).filter((c) => c.localName === 'lvlOverride')) {
          const s = attr(child(o, 'startOverride'), 'val');
          if (s !== null) starts.set(Number(attr(o, 'ilvl') ?? 0), Number(s));
        }
        this.nums.set(attr(el, 'numId') ?? '', { abstractId: attr(child(el, 'abstractNumId'), 'val') ?? '', starts });
      }
    }
  }

  /** The number text this paragraph shows, counting on; null when the numbering is unknown or off. */
  next(numId: string, ilvl: number): { text: string; bullet: boolean } | null {
    const num = this.nums.get(numId);
    const levels = num && this.abstracts.get(num.abstractId);
    const def = levels?.get(ilvl);
    if (!num || !levels || !def) return null;
    if (def.fmt === 'bullet') return { text: '', bullet: true };
    if (def.fmt === 'none') return null;
    // Lists of the same definition count on together (as Word shows them) unless a list restarts.
    let counters = this.counters.get(num.abstractId);
    if (!counters || (num.starts.size && !this.started.has(numId))) {
      counters = [];
      this.counters.set(num.abstractId, counters);
    }
    this.started.add(numId);
    const startOf = (l: number) => num.starts.get(l) ?? levels.get(l)?.start ?? 1;
    counters[ilvl] = counters[ilvl] === undefined ? startOf(ilvl) : counters[ilvl]! + 1;
    counters.length = ilvl + 1;
    const text = def.text.replace(/%(\d)/g, (_, d: string) => {
      const l = Number(d) - 1;
      const value = counters![l] ?? startOf(l);
      return formatNumber(value, levels.get(l)?.fmt ?? 'decimal');
    });
    return { text: text.trim(), bullet: false };
  }
}



interface RunText {
  text: string;
  bold: boolean;
  italic: boolean;
}

/** Text of a paragraph's runs (also inside hyperlinks, fields, insertions); deleted text and field codes left out. */
function runsOf(p: El, styleBold: boolean, styleItalic: boolean, out: RunText[] = [], flags = { toc: false }): RunText[] {
  for (const c of kids(p)) {
    switch (c.localName) {
      case 'r': {
        const rPr = child(c, 'rPr');
        const bold = on(child(rPr, 'b')) ?? styleBold;
        const italic = on(child(rPr, 'i')) ?? styleItalic;
        let text = '';
        for (const r of kids(c)) {
          if (r.localName === 't') text += r.textContent ?? '';
          else if (r.localName === 'tab' || r.localName === 'ptab') text += '\t';
          else if (r.localName === 'br' || r.localName === 'cr') text += attr(r, 'type') === 'page' ? '' : '\n';
          else if (r.localName === 'noBreakHyphen') text += '-';
          else if (r.localName === 'instrText' && /^\s*(TOC|PAGEREF\s+_Toc)/.test(r.textContent ?? '')) flags.toc = true;
        }
        if (text) out.push({ text, bold, italic });
        break;
      }
      case 'hyperlink':
        if ((attr(c, 'anchor') ?? '').startsWith('_Toc')) flags.toc = true;
        runsOf(c, styleBold, styleItalic, out, flags);
        break;
      case 'fldSimple':
        if (/^\s*TOC/.test(attr(c, 'instr') ?? '')) flags.toc = true;
        runsOf(c, styleBold, styleItalic, out, flags);
        break;
      case 'ins':
      case 'smartTag':
      case 'sdt':
      case 'sdtContent':
      case 'customXml':
        runsOf(c, styleBold, styleItalic, out, flags);
        break;
      default:
        break;
    }
  }
  return out;
}

export interface DocxContent {
  blocks: PlanBlock[];
}

/** Refuses what is not a readable .docx, in Dutch, naming what it is instead. */
async function openZip(buf: Buffer, fileName: string): Promise<{ zip: JSZip; odt: boolean }> {
  if (buf.length > PLAN_MAX_BYTES) throw new UserError('user_error', t('plan.read.tooBig', { file: fileName, max: String(PLAN_MAX_BYTES / 1024 / 1024) }));
  if (buf.length >= 4 && buf.readUInt32BE(0) === 0xd0cf11e0) throw new UserError('user_error', t('plan.read.encryptedOrDoc', { file: fileName }));
  if (buf.length < 4 || buf.readUInt32BE(0) !== 0x504b0304) throw new UserError('user_error', t('plan.read.notDocx', { file: fileName }));
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buf);
  } catch {
    throw new UserError('user_error', t('plan.read.notDocx', { file: fileName }));
  }
  const mime = await zip.file('mimetype')?.async('string');
  // An OpenDocument text (.odt, .ott) is read too; a spreadsheet or presentation is not a plan.
  if (mime?.includes('opendocument')) {
    if (/opendocument\.text(-template|-web|-master)?$/.test(mime.trim()) && zip.file('content.xml')) return { zip, odt: true };
    throw new UserError('user_error', t('plan.read.otherOdf', { file: fileName }));
  }
  if (!zip.file('word/document.xml')) throw new UserError('user_error', t('plan.read.notDocx', { file: fileName }));
  return { zip, odt: false };
}


/** A plan document, .docx or .odt (told apart by its contents, not its name). */
export async function readDocx(buf: Buffer, fileName: string): Promise<DocxContent> {
  const { zip, odt } = await openZip(buf, fileName);
  if (odt) return { blocks: await readOdt(zip) };
  let docXml: string, stylesXml: string | null, numberingXml: string | null;
  try {
    docXml = (await part(zip, 'word/document.xml'))!;
    stylesXml = await part(zip, 'word/styles.xml');
    numberingXml = await part(zip, 'word/numbering.xml');
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError('user_error', t('plan.read.damaged'));
  }
  const styles = readStyles(stylesXml ? parseXml(stylesXml) : null);
  const numbering = new Numbering(numberingXml ? parseXml(numberingXml) : null);
  const body = child(parseXml(docXml), 'body');
  if (!body) throw new UserError('user_error', t('plan.read.damaged'));

  const blocks: PlanBlock[] = [];
  const paragraph = (p: El, inToc: boolean): PlanBlock => {
    const pPr = child(p, 'pPr');
    const styleId = attr(child(pPr, 'pStyle'), 'val');
    const styleName = (styleId && styles.get(styleId)?.name) || (styleId ?? '').toLowerCase();
    const flags = { toc: false };
    const runs = runsOf(p, !!styleProp(styles, styleId, 'bold'), !!styleProp(styles, styleId, 'italic'), [], flags);
    const text = runs.map((r) => r.text).join('');
    const visible = runs.filter((r) => r.text.trim());
    // Numbering: the paragraph's own numPr, else its style's.
    const numPr = child(pPr, 'numPr');
    const numId = attr(child(numPr, 'numId'), 'val') ?? (numPr ? null : styleProp(styles, styleId, 'numId'));
    const ilvl = Number(attr(child(numPr, 'ilvl'), 'val') ?? styleProp(styles, styleId, 'ilvl') ?? 0);
    const num = numId && numId !== '0' && text.trim() ? numbering.next(numId, ilvl) : null;
    const ownOutline = attr(child(pPr, 'outlineLvl'), 'val');
    const heading = /^(heading|kop)\s*(\d)$/.exec(styleName);
    const outline = ownOutline !== null ? Number(ownOutline) : styleProp(styles, styleId, 'outline');
    const headingLevel = heading ? Number(heading[2]) : outline !== null && outline < 9 ? outline + 1 : null;
    return {
      kind: 'p',
      id: blocks.length,
      text,
      style: styleName,
      headingLevel: styleName === 'title' || styleName === 'titel' ? 0 : headingLevel,
      num: num ? { text: num.text, level: ilvl, bullet: num.bullet } : null,
      bold: visible.length > 0 && visible.every((r) => r.bold),
      italic: visible.length > 0 && visible.every((r) => r.italic),
      toc: inToc || flags.toc || /^(toc|inhopg|contents)\s*\d/.test(styleName) || styleName === 'toc heading' || styleName === 'kop van inhoudsopgave',
    };
  };
  const cellText = (el: El): string[] => {
    const out: string[] = [];
    for (const c of kids(el)) {
      if (c.localName === 'p') out.push(runsOf(c, false, false).map((r) => r.text).join(''));
      else if (c.localName === 'tbl' || c.localName === 'tr' || c.localName === 'tc' || c.localName === 'sdt' || c.localName === 'sdtContent') out.push(...cellText(c));
    }
    return out;
  };
  const table = (tbl: El): PlanBlock => ({
    kind: 'table',
    id: blocks.length,
    rows: kids(tbl)
      .filter((r) => r.localName === 'tr')
      .map((r) => kids(r).filter((c) => c.localName === 'tc' || c.localName === 'sdt').map((c) => cellText(c).join('\n').trim())),
  });
  const walk = (el: El, inToc: boolean) => {
    for (const c of kids(el)) {
      if (c.localName === 'p') blocks.push(paragraph(c, inToc));
      else if (c.localName === 'tbl') blocks.push(table(c));
      else if (c.localName === 'sdt') {
        const gallery = attr(child(child(child(c, 'sdtPr'), 'docPartObj'), 'docPartGallery'), 'val') ?? '';
        walk(child(c, 'sdtContent') ?? c, inToc || /table of contents/i.test(gallery));
      } else if (c.localName === 'customXml' || c.localName === 'ins') walk(c, inToc);
    }
  };
  walk(body, false);
  return { blocks };
}
