import { describe, expect, it } from 'vitest';
import { arrowHead, arrowLine, crossPath, LANE_LABEL_W, timelineGeometry } from './geometry';
import type { Arrow } from './model';

const g = timelineGeometry(['a', 'b', 'c'], { start: 0, end: 100 }, LANE_LABEL_W + 200 + 16);
const arrow: Arrow = { msgId: 1, from: 'a', to: 'c', t0: 10, t1: 60, type: 'ping', end: 'delivered', dropReason: null };

describe('timeline geometry', () => {
  it('maps the window onto the plot and gives each node a lane', () => {
    expect(g.x(0)).toBe(LANE_LABEL_W);
    expect(g.x(100)).toBe(LANE_LABEL_W + 200);
    expect(g.laneY.get('b')! - g.laneY.get('a')!).toBe(g.laneY.get('c')! - g.laneY.get('b')!);
    expect(g.height).toBeGreaterThan(g.laneY.get('c')!);
  });

  it('draws a message from its send to its delivery', () => {
    const line = arrowLine(arrow, g)!;
    expect([line.x0 + g.shift, line.x1 + g.shift]).toEqual([LANE_LABEL_W + 20, LANE_LABEL_W + 120]);
    expect([line.y0, line.y1]).toEqual([g.laneY.get('a'), g.laneY.get('c')]);
    expect(arrowLine({ ...arrow, to: 'zz' }, g)).toBeNull();
  });

  it('keeps content coordinates still while the window slides, moving only the shift', () => {
    const slid = timelineGeometry(['a', 'b', 'c'], { start: 37.3, end: 137.3 }, LANE_LABEL_W + 200 + 16);
    expect(arrowLine(arrow, slid)).toEqual(arrowLine(arrow, g));
    expect(slid.at(60) + slid.shift).toBeCloseTo(slid.x(60), 6);
    expect(slid.shift).toBeCloseTo(g.shift - 37.3 * 2, 6);
  });

  it('gives an instant drop a visible stub toward the receiver', () => {
    const line = arrowLine({ ...arrow, t1: 10, end: 'dropped', dropReason: 'cut' }, g)!;
    expect(line.x1 - line.x0).toBe(8);
    expect(line.y1).toBeGreaterThan(line.y0);
    expect(line.y1).toBeLessThan(g.laneY.get('c')!);
  });

  it('points arrowheads along the line', () => {
    expect(arrowHead(0, 0, 10, 0, 4)).toBe('M10,0L6,1.8L6,-1.8Z');
    expect(crossPath(10, 10, 2)).toBe('M8,8L12,12M8,12L12,8');
  });
});
