/**
 * What the two plan readers (.docx and .odt) share: the zip's parts read with a size limit, XML
 * parsed with our own Dutch refusal, child elements, and list numbers as text.
 */
import type JSZip from 'jszip';
import { DOMParser, type Element as XmlElement, type Node as XmlNode } from '@xmldom/xmldom';
import { UserError } from '../errors';
import { t } from '../../../shared/i18n/nl';

type El = XmlElement;

/** The unpacked XML of one part may not exceed this (a zip bomb would). */
const XML_MAX_CHARS = 60 * 1024 * 1024;

export const kids = (el: XmlNode | null | undefined): El[] => {
  const out: El[] = [];
  for (let n = el?.firstChild ?? null; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n as El);
  return out;
};

export function parseXml(xml: string): El {
  // The parser reports problems through onError; a broken part is refused with our own message.
  let broken = false;
  let root: unknown = null;
  try {
    const doc = new DOMParser({ onError: (level) => { if (level === 'fatalError') broken = true; } }).parseFromString(xml, 'text/xml');
    root = doc.documentElement;
  } catch {
    broken = true;
  }
  if (broken || !root) throw new UserError('user_error', t('plan.read.damaged'));
  return root as unknown as El;
}

/** A part of the zip as text; null when absent. */
export async function part(zip: JSZip, name: string): Promise<string | null> {
  const f = zip.file(name);
  if (!f) return null;
  // Stated sizes can lie; the text is measured again after unpacking.
  const stated = (f as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
  if (stated > XML_MAX_CHARS) throw new UserError('user_error', t('plan.read.damaged'));
  const s = await f.async('string');
  if (s.length > XML_MAX_CHARS) throw new UserError('user_error', t('plan.read.damaged'));
  return s;
}

/** A list number in Word's formats (decimal, lowerLetter, upperLetter, lowerRoman, upperRoman). */
export function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
    case 'lowerLetter':
      return String.fromCharCode(96 + (((n - 1) % 26) + 1));
    case 'upperLetter':
      return String.fromCharCode(64 + (((n - 1) % 26) + 1));
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperRoman':
      return roman(n);
    default:
      return String(n);
  }
}

function roman(n: number): string {
  const map: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of map) while (n >= v) { out += s; n -= v; }
  return out;
}
