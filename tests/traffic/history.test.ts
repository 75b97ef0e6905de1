/** A gate's record for the views: every decision counted in bins, a bounded sample of points drawn. */
import { describe, expect, it } from 'vitest';
import { BIN_MS, CODE, countSince, HISTORY_SPAN_MS, type GateRecord } from '../../src/protocols/traffic';
import { EMPTY_RECORD, HISTORY_LIMIT, POINT_SLOT_MS, record, recordOutcome } from '../../src/protocols/traffic/gate/history';

/** A gate deciding every `gapMs` for `untilMs`: one in three rejected, every allowed call answered 1 ms later. */
function busyGate(gapMs: number, untilMs: number): GateRecord {
  let r = EMPTY_RECORD;
  for (let i = 1; i * gapMs <= untilMs; i++) {
    const t = i * gapMs;
    const allowed = i % 3 !== 0;
    r = record(r, [t, i % 100, allowed ? CODE.allowed : CODE.rejected]);
    if (allowed) r = recordOutcome(r, t + 1, true);
  }
  return r;
}

describe('a gate\'s record', () => {
  it('counts every decision at 500 a second, where the points drawn are a sample', () => {
    const r = busyGate(2, 30_000);
    // 2501 decisions from 25 000 to 30 000 ms, every third one rejected.
    expect(countSince(r.bins, CODE.allowed, 25_000, 30_000)).toEqual({ count: 1667, spanMs: 5000 });
    expect(countSince(r.bins, CODE.rejected, 25_000, 30_000).count).toBe(834);
    expect(r.history.length).toBeLessThanOrEqual(HISTORY_LIMIT);
    expect(r.bins.length).toBeLessThanOrEqual(HISTORY_SPAN_MS / BIN_MS + 1);
  });

  it('keeps points across the whole span, each code in each slot, ending with the latest', () => {
    const r = busyGate(2, 30_000);
    // The 200 slots from 20 000 to 29 999 ms.
    const slotsWith = (code: number) => new Set(r.history.filter((p) => p[0] >= 30_000 - HISTORY_SPAN_MS && p[0] < 30_000 && p[2] === code).map((p) => Math.floor(p[0] / POINT_SLOT_MS))).size;
    expect(slotsWith(CODE.allowed)).toBe(HISTORY_SPAN_MS / POINT_SLOT_MS);
    expect(slotsWith(CODE.rejected)).toBe(HISTORY_SPAN_MS / POINT_SLOT_MS);
    expect(slotsWith(CODE.succeeded)).toBe(HISTORY_SPAN_MS / POINT_SLOT_MS);
    expect(r.history.at(-1)).toEqual([30_000, 0, CODE.rejected]);
    // A slot's latest point of each code is kept, so the level line ends where the gate left it.
    expect(r.history.filter((p) => p[2] === CODE.allowed).at(-1)).toEqual([29_998, 99, CODE.allowed]);
    expect(r.history.filter((p) => p[2] === CODE.succeeded).at(-1)?.[0]).toBe(29_999);
  });

  it('keeps every point when the gate is quiet', () => {
    const r = busyGate(250, 2000);
    expect(r.history.filter((p) => p[2] !== CODE.succeeded).map((p) => p[0])).toEqual([250, 500, 750, 1000, 1250, 1500, 1750, 2000]);
  });
});
