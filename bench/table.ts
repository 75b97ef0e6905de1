/** The benchmark table: one row per figure, with its target and whether it meets it. */

export interface BenchRow {
  /** Stable id, so a row measured elsewhere (the browser) can take its placeholder's place. */
  readonly id: string;
  readonly label: string;
  /** The figure, or null when it was not measured (then `note` says why). */
  readonly value: number | null;
  readonly unit: string;
  /** Whether a larger figure is better (events/s) or a smaller one (ms, KB). */
  readonly better: 'higher' | 'lower';
  /** The figure an issue asked for, or null where none was set (the row is then for reading). */
  readonly target: number | null;
  readonly note: string;
}

export type Verdict = 'ok' | 'BELOW TARGET' | 'not measured' | 'no target';

export function verdictOf(row: BenchRow): Verdict {
  if (row.value === null) return 'not measured';
  if (row.target === null) return 'no target';
  const meets = row.better === 'higher' ? row.value >= row.target : row.value <= row.target;
  return meets ? 'ok' : 'BELOW TARGET';
}

function formatValue(value: number | null, unit: string): string {
  if (value === null) return '—';
  const digits = value >= 1000 || Number.isInteger(value) ? 0 : value >= 10 ? 1 : 2;
  return `${value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })} ${unit}`;
}

export class BenchTable {
  private readonly rows: BenchRow[] = [];

  add(row: BenchRow): void {
    this.rows.push(row);
  }

  /** Puts `row` where the row with the same id is (a placeholder), or at the end. */
  replace(row: BenchRow): void {
    const i = this.rows.findIndex((r) => r.id === row.id);
    if (i < 0) this.rows.push(row);
    else this.rows[i] = row;
  }

  get all(): readonly BenchRow[] {
    return this.rows;
  }

  format(): string {
    const cells = this.rows.map((r) => [r.label, formatValue(r.value, r.unit), r.target === null ? '—' : `${r.better === 'higher' ? '≥' : '≤'} ${formatValue(r.target, r.unit)}`, verdictOf(r), r.note]);
    const header = ['measure', 'result', 'target', 'verdict', 'how'];
    const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] as string).length)));
    const line = (c: readonly string[]): string => c.map((cell, i) => (i === c.length - 1 ? cell : cell.padEnd(widths[i] as number))).join('  ');
    return [line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n') + '\n';
  }
}
