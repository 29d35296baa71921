/** Normalises text for comparing headers and sheet names: lower case, no accents, single spaces, no trailing '*'. */
export function norm(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    // A trailing '*' (a required column's mark) goes with every other sign here, then trim().
    .replace(/[^a-z0-9%€]+/g, ' ')
    .trim();
}
