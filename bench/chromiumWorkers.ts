/**
 * ┌────────────────────────────────────────────────────────────────────────────────────────┐
 * │ EXTENSION POINT: the "Chromium Web Workers events/s" row.                                │
 * │ Another engineer measures it in Debian's Chromium (the page's real Web Workers, one per  │
 * │ node) and hands the figure to `addChromiumWorkersRow`. Until then the table shows the    │
 * │ placeholder below as "not measured". Nothing browser-related lives in this folder yet.   │
 * └────────────────────────────────────────────────────────────────────────────────────────┘
 */
import type { BenchRow, BenchTable } from './table';

export const CHROMIUM_WORKERS_ROW_ID = 'chromium-web-workers';
export const WORKERS_TARGET_EVENTS_PER_S = 100_000;

export function chromiumWorkersPlaceholder(): BenchRow {
  return {
    id: CHROMIUM_WORKERS_ROW_ID,
    label: 'events/s, Chromium Web Workers',
    value: null,
    unit: 'ev/s',
    better: 'higher',
    target: WORKERS_TARGET_EVENTS_PER_S,
    note: 'to be measured in the browser (see bench/chromiumWorkers.ts)',
  };
}

/** Puts the measured browser row in the placeholder's place. Its id is set here. */
export function addChromiumWorkersRow(table: BenchTable, row: Omit<BenchRow, 'id'>): void {
  table.replace({ ...row, id: CHROMIUM_WORKERS_ROW_ID });
}
