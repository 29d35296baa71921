/**
 * The reader reads a cell the same whether its attributes and body take the plain form Excel and
 * Regieboek write (read without regular expressions, for speed) or any other form XML allows
 * (read by the general expressions): order, quotes, spacing, extra attributes, formulas, inline text.
 */
import { describe, expect, it } from 'vitest';
import { readXlsx } from '../../electron/core/excel/xlsx/reader';
import { zip } from '../../electron/core/excel/xlsx/zip';

const LIMITS = { maxUnpackedBytes: 10_000_000, maxRows: 1000, maxSheets: 10, maxColumns: 200 };

function book(rows: string): Buffer {
  const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  return zip([
    { name: '[Content_Types].xml', data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' },
    { name: '_rels/.rels', data: `<Relationships><Relationship Id="r1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
    { name: 'xl/workbook.xml', data: `<workbook xmlns="${main}" xmlns:r="${rel}"><sheets><sheet name="Blad" sheetId="1" r:id="rId1"/></sheets></workbook>` },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<Relationships><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${rel}/styles" Target="styles.xml"/><Relationship Id="rId3" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    },
    { name: 'xl/styles.xml', data: `<styleSheet xmlns="${main}"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>` },
    { name: 'xl/sharedStrings.xml', data: `<sst xmlns="${main}"><si><t>nul</t></si><si><t>een</t></si></sst>` },
    { name: 'xl/worksheets/sheet1.xml', data: `<worksheet xmlns="${main}"><sheetData>${rows}</sheetData></worksheet>` },
  ]);
}

async function cells(rows: string): Promise<Record<string, unknown>> {
  const b = await readXlsx(book(rows), LIMITS);
  const out: Record<string, unknown> = {};
  for (const r of b.sheets[0]!.rows) r.cells.forEach((c, col) => c && (out[`${r.r}:${col}`] = c.value));
  return out;
}

describe('xlsx reader: cell attributes and bodies in every form', () => {
  it('reads plain and other forms alike', async () => {
    const got = await cells(
      '<row r="2">' +
        '<c r="A2" s="0" t="s"><v>1</v></c>' + // plain
        '<c t="n" r="B2"><v>12.5</v></c>' + // other order
        '<c r="c2"><v>3</v></c>' + // lower case reference
        "<c r='D2' t='s'><v>0</v></c>" + // single quotes
        '<c r="E2" cm="1"><v>4</v></c>' + // another attribute
        '<c><v>5</v></c>' + // no reference: the next column
        '<c r = "H2"><v>6</v></c>' + // spaces around =
        '<c r="I2" s="1"><v>45000</v></c>' + // a date format
        '<c r="J2" t="str"><v>a &lt; b</v></c>' + // text with an entity
        '<c r="K2"><f>1+1</f><v>2</v></c>' + // a formula
        '<c r="L2" t="inlineStr"><is><t>los</t></is></c>' + // inline text
        '<c r="M2" t="b"><v>1</v></c>' +
        '<c r="ABCD2"><v>7</v></c>' + // not a reference: the next column
        '<c r="O2" s="1"/>' + // styled, empty
        '<c r="P2" s=""><v>8</v></c>' + // an empty style
        '<c r="Z"><v>9</v></c>' + // letters only: the next column
      '</row>',
    );
    expect(got).toEqual({
      '2:1': 'een',
      '2:2': 12.5,
      '2:3': 3,
      '2:4': 'nul',
      '2:5': 4,
      '2:6': 5,
      '2:8': 6,
      '2:9': new Date(Date.UTC(2023, 2, 15)),
      '2:10': 'a < b',
      '2:11': { formula: '1+1', result: 2 },
      '2:12': 'los',
      '2:13': true,
      '2:14': 7,
      '2:16': 8,
      '2:17': 9,
    });
  });
});
