import { describe, expect, it } from 'vitest';
import type { MessageInFlight } from '../../runtime/frame';
import { allPairs, bandPath, cutMark, edgeSegment, firstLineDy, ID_FONT_PX, idFontPx, LABEL_CHAR_PX, labelPlace, linkState, messagePoint, messageProgress, ONE_WAY_OFFSET, ringLayout } from './layout';

describe('ringLayout', () => {
  it('puts the first node at the top and goes clockwise', () => {
    const l = ringLayout(['n1', 'n2', 'n3', 'n4'], 500);
    const [n1, n2, n3, n4] = l.nodes;
    expect(n1?.x).toBeCloseTo(250);
    expect(n1!.y).toBeLessThan(250);
    expect(n2!.x).toBeGreaterThan(250);
    expect(n3!.y).toBeGreaterThan(250);
    expect(n4!.x).toBeLessThan(250);
  });

  it('keeps every node and its clipped label inside the box, and neighbours apart', () => {
    for (const n of [1, 2, 3, 5, 7, 9, 12]) {
      const ids = Array.from({ length: n }, (_, i) => `n${i + 1}`);
      const l = ringLayout(ids, 600, 540);
      for (const node of l.nodes) {
        expect(node.x - l.nodeRadius).toBeGreaterThanOrEqual(0);
        expect(node.y + l.nodeRadius).toBeLessThanOrEqual(540);
        const label = labelPlace(node, l);
        const px = label.maxChars * LABEL_CHAR_PX;
        const [left, right] = label.anchor === 'start' ? [label.x, label.x + px] : label.anchor === 'end' ? [label.x - px, label.x] : [label.x - px / 2, label.x + px / 2];
        expect(left).toBeGreaterThanOrEqual(0);
        expect(right).toBeLessThanOrEqual(600);
        // Every label has room for a role and a short detail ("candidate", "count 123").
        expect(label.maxChars).toBeGreaterThanOrEqual(9);
      }
      for (let i = 1; i < l.nodes.length; i++) {
        const a = l.nodes[i - 1]!;
        const b = l.nodes[i]!;
        expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThan(2 * l.nodeRadius);
      }
    }
  });

  it('anchors labels away from the ring', () => {
    const l = ringLayout(['a', 'b', 'c', 'd'], 400);
    expect(labelPlace(l.nodes[1]!, l).anchor).toBe('start');
    expect(labelPlace(l.nodes[3]!, l).anchor).toBe('end');
    expect(labelPlace(l.nodes[0]!, l).anchor).toBe('middle');
    expect(labelPlace(l.nodes[0]!, l).side).toBe('above');
    expect(labelPlace(l.nodes[2]!, l).side).toBe('below');
  });

  it('stacks a label block away from its node', () => {
    expect(firstLineDy('below', 3)).toBe(0.8);
    expect(firstLineDy('above', 1)).toBe(-0.3);
    expect(firstLineDy('above', 3)).toBe(-2.6);
    expect(firstLineDy('beside', 3)).toBe(-0.8);
  });
});

describe('links', () => {
  it('lists each pair once', () => {
    expect(allPairs(['a', 'b', 'c'])).toEqual([
      ['a', 'b'],
      ['a', 'c'],
      ['b', 'c'],
    ]);
  });

  it('reads cut, one-way and up links', () => {
    expect(linkState('a', 'b', [])).toEqual({ kind: 'up' });
    expect(linkState('a', 'b', [['b', 'a']])).toEqual({ kind: 'oneWay', from: 'b', to: 'a' });
    expect(linkState('a', 'b', [['a', 'b'], ['b', 'a']])).toEqual({ kind: 'cut' });
  });

  it('gives a horizontal link a click band with an area', () => {
    expect(bandPath({ a: { x: 0, y: 10 }, b: { x: 100, y: 10 } }, 8)).toBe('M0,18L100,18L100,2L0,2Z');
  });

  it('stops a link at the edge of each circle', () => {
    const s = edgeSegment({ x: 0, y: 0 }, { x: 100, y: 0 }, 10);
    expect(s).toEqual({ a: { x: 10, y: 0 }, b: { x: 90, y: 0 } });
  });

  it('leaves a gap with a ✕ in it; a one-way cut on the lane of its direction', () => {
    const seg = { a: { x: 0, y: 0 }, b: { x: 100, y: 0 } };
    const both = cutMark(seg, { kind: 'cut' }, 'a', 10);
    expect(both.cross).toEqual({ x: 50, y: 0 });
    expect(both.parts[0].b.x).toBe(45);
    expect(both.parts[1].a.x).toBe(55);
    const forward = cutMark(seg, { kind: 'oneWay', from: 'a', to: 'b' }, 'a');
    const backward = cutMark(seg, { kind: 'oneWay', from: 'b', to: 'a' }, 'a');
    expect(forward.cross).toEqual({ x: 50, y: ONE_WAY_OFFSET });
    expect(backward.cross).toEqual({ x: 50, y: -ONE_WAY_OFFSET });
  });

  it('puts a one-way cut on the side its messages travel', () => {
    const l = ringLayout(['a', 'b'], 400);
    const seg = edgeSegment(l.byId.get('a')!, l.byId.get('b')!, l.nodeRadius);
    const dot = messagePoint({ msgId: 1, from: 'a', to: 'b', sentAt: 0, arrive: 10, type: 'x', light: false }, 5, l)!;
    const mark = cutMark(seg, { kind: 'oneWay', from: 'a', to: 'b' }, 'a');
    expect(Math.sign(mark.cross.x - seg.a.x)).toBe(Math.sign(dot.x - seg.a.x));
  });
});

describe('messages in flight', () => {
  const m: MessageInFlight = { msgId: 1, from: 'a', to: 'b', sentAt: 100, arrive: 200, type: 'ping', light: false };

  it('moves from sender to receiver with virtual time', () => {
    expect(messageProgress(m, 50)).toBe(0);
    expect(messageProgress(m, 150)).toBe(0.5);
    expect(messageProgress(m, 250)).toBe(1);
    expect(messageProgress({ sentAt: 5, arrive: 5 }, 5)).toBe(1);
  });

  it('keeps the two directions on opposite sides of the link', () => {
    const l = ringLayout(['a', 'b'], 400);
    const there = messagePoint(m, 150, l)!;
    const back = messagePoint({ ...m, from: 'b', to: 'a' }, 150, l)!;
    expect(there.y).toBeCloseTo(back.y, 0);
    expect(Math.abs(there.x - back.x) + Math.abs(there.y - back.y)).toBeGreaterThan(5);
    expect(messagePoint({ ...m, to: 'zz' }, 150, l)).toBeNull();
  });
});

describe('node ids', () => {
  it('keep short ids at full size and shrink long ones to fit inside the node', () => {
    expect(idFontPx('n1', 30)).toBe(ID_FONT_PX);
    expect(idFontPx('redis5', 30)).toBeLessThan(ID_FONT_PX);
    const px = idFontPx('backend', 30);
    expect('backend'.length * px * 0.62).toBeLessThanOrEqual(30 * 1.7 + 0.5);
    expect(idFontPx('breaker', 30)).toBe(px);
  });
});
