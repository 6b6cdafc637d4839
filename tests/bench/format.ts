/** Numbers and tables as the benchmark prints them (1 kB = 1,000 bytes). */

export const KB = 1000;
export const MB = 1000 * 1000;
export const seconds = (ms: number | undefined) => (ms === undefined ? 'n/a' : `${(ms / 1000).toFixed(2)} s`);
export const kb = (bytes: number | undefined) => (bytes === undefined ? 'n/a' : `${(bytes / KB).toFixed(1)} kB`);
export const mb = (bytes: number | undefined) => (bytes === undefined ? 'n/a' : `${(bytes / MB).toFixed(1)} MB`);
export const count = (n: number | undefined) => (n === undefined ? 'n/a' : n.toLocaleString('en-US'));
export const exact = (bytes: number | undefined) => (bytes === undefined ? '' : `${bytes.toLocaleString('en-US')} B`);
export const ANSI = /\u001b\[[0-9;]*m/g;

/** Columns aligned by `align`, one letter per column (l or r); text columns left, numbers right. */
export function table(rows: (string | undefined)[][], align = 'lrrl', indent = '  '): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, (cell ?? '').length)));
  const side = (i: number) => align[Math.min(i, align.length - 1)] ?? 'l';
  return rows
    .map((row) => indent + row.map((cell, i) => (side(i) === 'l' ? (cell ?? '').padEnd(widths[i] ?? 0) : (cell ?? '').padStart(widths[i] ?? 0))).join('   ').trimEnd())
    .join('\n');
}

export const heading = (text: string) => `\n${text}\n${'='.repeat(text.length)}`;
