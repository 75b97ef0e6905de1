import { describe, expect, it } from 'vitest';
import { beaconLab } from '../../tests/fixtures/beaconLab';
import { runTo, specFor } from '../../tests/helpers';
import type { Action } from '../sim/actions';
import { formatTraceLine, TRACE_FORMAT, TRACE_VERSION, type TraceHeader } from '../sim/trace';
import { parseTraceFile, traceFileName } from './traceFile';

const actions: Action[] = [
  { at: 100, kind: 'crash', node: 'n2' },
  { at: 150, kind: 'cut', from: 'n1', to: 'n3', oneWay: false },
  { at: 160, kind: 'network', settings: { lossRate: 0.1 } },
  { at: 170, kind: 'command', node: 'n1', cmd: { op: 'set', value: 3 } },
];

function traceText(headerPatch: Record<string, unknown> = {}): string {
  const run = runTo({ seed: 5, variant: 'article', actions }, 300);
  const spec = specFor(beaconLab, { seed: 5, variant: 'article', actions });
  const header: TraceHeader = { format: TRACE_FORMAT, version: TRACE_VERSION, lab: 'beacon', variant: spec.variant, seed: 5, params: spec.params, actions };
  return [JSON.stringify({ ...header, ...headerPatch }), ...run.events.map(formatTraceLine)].join('\n') + '\n';
}

describe('parseTraceFile', () => {
  it('reads the run and the time of its last event', () => {
    const text = traceText();
    const result = parseTraceFile(text, 'a.jsonl', [beaconLab]);
    if (!result.ok) throw new Error(result.error);
    expect(result.spec).toEqual(specFor(beaconLab, { seed: 5, variant: 'article', actions }));
    const lines = text.trim().split('\n');
    expect(result.eventCount).toBe(lines.length - 1);
    expect(result.lastT).toBe(JSON.parse(lines[lines.length - 1] as string).t);
    expect(result.lastT).toBeGreaterThan(150);
  });

  // Every reason a header is refused is in src/sim/traceHeader.test.ts; here, that the page says
  // them with the file's name, and checks the event lines too.
  it('says why a file is not a trace, naming the file', () => {
    const cases: [string, string][] = [
      ['', 'empty'],
      ['hello world\n', 'not JSON'],
      [traceText({ lab: 'raft9' }), 'lab "raft9", which this distlab does not have'],
      [`${traceText().split('\n')[0] as string}\n{"t":1}\n`, 'line 2 is not a trace event'],
      [`${traceText().split('\n')[0] as string}\n{"t":1,\n`, 'line 2 is not JSON'],
    ];
    for (const [text, bit] of cases) {
      const result = parseTraceFile(text, 'x.txt', [beaconLab]);
      expect(result.ok, bit).toBe(false);
      if (!result.ok) {
        expect(result.error).toContain('"x.txt" cannot be opened');
        expect(result.error).toContain(bit);
      }
    }
  });

  it('names exported files by lab and seed', () => {
    expect(traceFileName('beacon', 42)).toBe('distlab-beacon-42.jsonl');
  });
});
