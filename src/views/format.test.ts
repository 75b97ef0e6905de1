import { describe, expect, it } from 'vitest';
import { formatCount, formatMs, formatTick } from '../labs/contract/numberText';
import { clip, describeEvent } from './format';
import { inkOn, messageColor, roleColors } from './palette';

describe('format', () => {
  it('formats virtual times with grouped thousands and one decimal', () => {
    expect(formatMs(0)).toBe('0.0');
    expect(formatMs(1234.5)).toBe('1 234.5');
    expect(formatMs(1234567.04)).toBe('1 234 567.0');
    expect(formatMs(999.96)).toBe('1 000.0');
    expect(formatCount(12345)).toBe('12 345');
  });
  it('formats axis ticks', () => {
    expect(formatTick(250)).toBe('250');
    expect(formatTick(1500)).toBe('1.5 s');
    expect(formatTick(2000)).toBe('2 s');
    expect(formatTick(20000)).toBe('20 s');
  });
  it('clips long labels', () => {
    expect(clip('abcdef', 4)).toBe('abc…');
    expect(clip('abc', 4)).toBe('abc');
  });
  it('describes events on one line', () => {
    expect(describeEvent({ t: 1, seq: 1, type: 'send', from: 'n1', to: 'n2', msgId: 4, msg: { type: 'ping' } })).toBe('send n1→n2 ping #4');
    expect(describeEvent({ t: 1, seq: 1, type: 'drop', from: 'n1', to: 'n2', msgId: 4, reason: 'cut' })).toBe('drop n1→n2 #4 (cut)');
    expect(describeEvent({ t: 1, seq: 1, type: 'crash', node: 'n1', error: 'boom' })).toBe('crash n1: boom');
    expect(describeEvent({ t: 1, seq: 1, type: 'violation', rule: 'r', nodes: ['n1'], detail: 'x' })).toBe('VIOLATION r [n1]: x');
  });
});

describe('palette', () => {
  it('keeps shared role colours and gives other roles distinct ones', () => {
    const colors = roleColors(['leader', 'foo', 'bar', 'down']);
    expect(colors.get('leader')).toBe('#d9480f');
    expect(colors.get('down')).toBe('#868e96');
    const all = [...colors.values()];
    expect(new Set(all).size).toBe(all.length);
  });
  it('colours a message type the same every time', () => {
    expect(messageColor('Prepare')).toBe(messageColor('Prepare'));
    expect(messageColor('ping')).not.toBe(messageColor('pong'));
  });
  it('picks readable ink', () => {
    expect(inkOn('#ffffff')).toBe('#111111');
    expect(inkOn('#111111')).toBe('#ffffff');
    expect(inkOn('#1971c2')).toBe('#ffffff');
  });
});
