/** File sizes as a Dutch reader expects them: "840 kB", "12,4 MB", "1,2 GB". */
export function formatBytes(n: number): string {
  if (n < 1000) return `${n} bytes`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let v = n / 1000;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  const digits = v >= 100 ? 0 : 1;
  return `${v.toLocaleString('nl-NL', { minimumFractionDigits: digits, maximumFractionDigits: digits })} ${units[i]}`;
}
