/**
 * Partner names as people type them: "Arcus College", "arcus college " and "Arcus-College" are the
 * same school. One place for the rule that asks before a near-duplicate is saved, and for the
 * label that tells apart two partners that share a name in every picker.
 */
import { foldForSearch } from '../text';

interface Named {
  id: string;
  name: string;
  brin?: string;
  kvk?: string;
  place?: string;
}

/** Lower case, no accents, letters and digits only, single spaces. */
export function nameKey(name: string): string {
  return foldForSearch(name)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * The partners whose name is the same as `name` or nearly so: equal when written plainly, at most
 * two typing errors apart, or one name holding the other ("Arcus" and "Arcus College"). `selfId`
 * (the partner being edited) is left out.
 */
export function similarPartners<T extends Named>(name: string, partners: readonly T[], selfId?: string): T[] {
  const key = nameKey(name);
  if (key.length < 3) return [];
  const squash = key.replace(/ /g, '');
  return partners.filter((p) => {
    if (p.id === selfId) return false;
    const other = nameKey(p.name);
    const otherSquash = other.replace(/ /g, '');
    if (squash === otherSquash) return true;
    if (Math.min(squash.length, otherSquash.length) >= 6 && distance(squash, otherSquash) <= 2) return true;
    const [short, long] = key.length <= other.length ? [key, other] : [other, key];
    return short.length >= 5 && ` ${long} `.includes(` ${short} `);
  });
}

/**
 * The label of a partner in a picker: its name, and where another partner has the same name what
 * tells them apart (BRIN, KvK or place), so "Arcus College" never appears twice alike.
 */
export function partnerLabel(p: Named, all: readonly Named[]): string {
  const twins = all.filter((o) => o.id !== p.id && nameKey(o.name) === nameKey(p.name));
  if (!twins.length) return p.name;
  const extra = [p.brin ? `BRIN ${p.brin}` : '', p.kvk ? `KvK ${p.kvk}` : '', p.place ?? ''].filter(Boolean);
  return extra.length ? `${p.name} (${extra.join(', ')})` : p.name;
}

/** A description of a partner for a question: "Arcus College (BRIN 25LJ, Amersfoort)". */
export function partnerDescription(p: Named): string {
  const extra = [p.brin ? `BRIN ${p.brin}` : '', p.kvk ? `KvK ${p.kvk}` : '', p.place ?? ''].filter(Boolean);
  return extra.length ? `${p.name} (${extra.join(', ')})` : p.name;
}
