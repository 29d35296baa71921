// The privacy guard's look at column titles (electron/core/excel/privacy.ts personalDataHint) and
// how titles are compared (excel/norm.ts), at their edges; also run by npm run mutation.
import { describe, expect, it } from 'vitest';
import { personalDataHint } from '../../electron/core/excel/privacy';
import { norm } from '../../electron/core/excel/norm';

describe('a column title of personal data', () => {
  it('every title the guard lists is found, "Tussenvoegsel" too (it has none of the quick-look words)', () => {
    for (const t of ['Tussenvoegsel', 'Geslachtsnaam', 'Roepnaam', 'Initialen', 'BSN'])
      expect(personalDataHint(t), t).toBe(true);
  });

  it('a text of up to 80 characters is looked at; a longer one is a sentence, not a title', () => {
    expect(personalDataHint(`Geboortedatum${' '.repeat(67)}`)).toBe(true);
    expect(personalDataHint(`Geboortedatum${' '.repeat(68)}`)).toBe(false);
  });
});

describe('titles and sheet names compared', () => {
  it('lower case, no accents, single spaces, no trailing star', () => {
    expect(norm('Naam*')).toBe('naam');
    expect(norm('  Naam  ** ')).toBe('naam');
    expect(norm('Één  Twee')).toBe('een twee');
    expect(norm('Bedrag (€) / 100%')).toBe('bedrag € 100%');
  });
});
