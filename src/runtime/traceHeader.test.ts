import { describe, expect, it } from 'vitest';
import { beaconLab } from '../../tests/fixtures/beaconLab';
import { specFor } from '../../tests/helpers';
import type { Action } from '../sim/actions';
import { formatTraceLine, TRACE_FORMAT, TRACE_VERSION, type TraceHeader } from '../sim/trace';
import { readTraceHeader, TraceHeaderError } from './traceHeader';

const actions: Action[] = [
  { at: 100, kind: 'crash', node: 'n2' },
  { at: 150, kind: 'cut', from: 'n1', to: 'n3', oneWay: false },
  { at: 160, kind: 'network', settings: { lossRate: 0.1 } },
  { at: 170, kind: 'command', node: 'n1', cmd: { op: 'set', value: 3 } },
];
const spec = specFor(beaconLab, { seed: 5, variant: 'article', actions });
const header: TraceHeader = { format: TRACE_FORMAT, version: TRACE_VERSION, lab: 'beacon', variant: 'article', seed: 5, params: spec.params, actions };
const line = (patch: Record<string, unknown> = {}) => JSON.stringify({ ...header, ...patch });

function refusal(text: string | undefined): string {
  try {
    readTraceHeader(text, [beaconLab]);
  } catch (error) {
    if (error instanceof TraceHeaderError) return error.message;
    throw error;
  }
  throw new Error(`accepted: ${text}`);
}

describe('readTraceHeader', () => {
  it('reads back the run a written header describes', () => {
    expect(readTraceHeader(formatTraceLine(header), [beaconLab])).toEqual(spec);
  });

  it('fills in parameters the header leaves out with their defaults', () => {
    expect(readTraceHeader(line({ params: {} }), [beaconLab]).params).toEqual(specFor(beaconLab, {}).params);
  });

  it('says what is wrong with a line that is not a header this build can run', () => {
    const cases: [string | undefined, string][] = [
      [undefined, 'empty'],
      ['  ', 'empty'],
      ['hello world', 'line 1 is not JSON'],
      ['{"format":"other"}', 'not a distlab trace header'],
      [line({ version: 2 }), 'version 2; this distlab reads version 1'],
      [line({ lab: 'raft9' }), 'lab "raft9", which this distlab does not have; labs: beacon'],
      [line({ variant: 'x' }), 'variant "x" is not one of lab beacon\'s: hardened, article'],
      [line({ seed: -3 }), 'seed -3 is not a whole number'],
      [line({ seed: 2 ** 32 }), 'seed 4294967296'],
      [line({ params: 'many' }), 'no "params" object'],
      [line({ params: { nodes: 40 } }), 'parameters do not fit lab beacon'],
      [line({ actions: 'all' }), '"actions" is not a list'],
      [line({ actions: [{ kind: 'crash', node: 'n1' }] }), 'action 1 of the header needs a time "at"'],
      [line({ actions: [{ at: 5, kind: 'crash' }] }), 'action 1 of the header ({"at":5,"kind":"crash"}) is not a valid crash action'],
      [line({ actions: [{ at: 5, kind: 'explode', node: 'n1' }] }), 'has kind "explode"; kinds: crash, restart'],
      [line({ actions: [actions[0], { at: 5, kind: 'pause', node: 'n1', ms: 'long' }] }), 'action 2 of the header'],
      [line({ actions: [{ at: 5, kind: 'crash', node: 'n8' }] }), 'names the node "n8", which this run does not have'],
    ];
    for (const [text, reason] of cases) expect(refusal(text), String(text)).toContain(reason);
  });
});
