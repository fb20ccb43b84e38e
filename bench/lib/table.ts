import type { Result } from './types.ts';

const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1), 0);
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)));

const HEAD = ['measurement', 'store', 'value', 'unit', 'baseline', 'ratio', 'target', 'result', 'details'];

function cells(results: Result[]): string[][] {
  return results.map((r) => [
    r.name,
    r.store ?? '',
    Number.isNaN(r.value) ? '—' : r.value.toLocaleString('en'),
    r.unit,
    r.baseline ?? '',
    r.ratio === undefined ? '' : `${r.ratio}×`,
    r.target ?? '',
    r.pass === undefined ? '' : r.pass ? 'pass' : 'MISS',
    [r.details ? Object.entries(r.details).map(([k, v]) => `${k}=${v}`).join(' ') : '', r.note ?? ''].filter(Boolean).join('; '),
  ]);
}

/** The results as an aligned table: name, store, value, unit, baseline, ratio, target, verdict, notes. */
export function printTable(results: Result[]): void {
  const head = HEAD;
  const rows = cells(results);
  const widths = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]!))));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : pad(c, widths[i]!))).join('  ');
  console.log(`\n${line(head)}\n${widths.map((w) => '─'.repeat(w)).join('  ')}`);
  for (const r of rows) console.log(line(r));
}

/** The same table in Markdown (what the README's results section holds). */
export function markdownTable(results: Result[]): string {
  const escape = (c: string) => c.replace(/\|/g, '\\|');
  const lines = [`| ${HEAD.join(' | ')} |`, `|${HEAD.map(() => '---').join('|')}|`];
  for (const row of cells(results)) lines.push(`| ${row.map((c, i) => (i === 0 && c ? `\`${c}\`` : escape(c))).join(' | ')} |`);
  return `${lines.join('\n')}\n`;
}
