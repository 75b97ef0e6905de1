import { describe, expect, it } from 'vitest';
import { beaconLab } from '../../../tests/fixtures/beaconLab';
import type { NodeFrame } from '../../runtime/frame';
import { displayNode } from './look';

const base: NodeFrame = { id: 'n1', kind: 'beacon', status: 'up', state: { count: 4, pongs: 0, value: 0 }, error: null, pausedUntil: null, localNow: 0, clockOffsetMs: 0, clockRate: 1, timers: [] };

describe('displayNode', () => {
  it('names a node by id, role and detail', () => {
    expect(displayNode(beaconLab, base).name).toBe('n1, ticking, count 4');
  });
  it('says down for a killed node, with the error when it threw', () => {
    expect(displayNode(beaconLab, { ...base, status: 'down', state: undefined }).name).toBe('n1, down');
    const threw = displayNode(beaconLab, { ...base, status: 'down', state: undefined, error: 'boom' });
    expect(threw.name).toBe('n1, down, threw: boom');
    expect(threw.role).toBe('down');
    expect(threw.summary).toBe('n1, down');
  });
  it('says paused', () => {
    expect(displayNode(beaconLab, { ...base, status: 'paused' }).name).toBe('n1, paused, count 4');
  });
  it('survives a look that throws', () => {
    const lab = { ...beaconLab, look: () => { throw new Error('x'); } };
    expect(displayNode(lab, base).name).toBe('n1, up');
  });
});
