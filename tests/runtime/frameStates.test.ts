/** Frames sent with node states as changes: the page rebuilds each frame exactly, and cheaply. */
import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { raftLab } from '../../src/labs/raft/lab';
import { buildFrame, type Frame } from '../../src/runtime/frame';
import { FrameDecoder, FrameEncoder } from '../../src/runtime/frameStates';
import { runUntil } from '../../src/runtime/inProcess';
import { record } from '../helpers';

describe('frames on the wire', () => {
  // Raft with a client put every 20 ms, n2 crashed and restarted, then a seek back in time: states
  // that grow, vanish, come back and are replaced by checkpoint copies.
  const run = record(
    {
      variant: 'hardened',
      seed: 3,
      params: { clientIntervalMs: 20 },
      actions: [
        { at: 700, kind: 'crash', node: 'n2' },
        { at: 900, kind: 'restart', node: 'n2' },
      ],
    },
    { checkpointEvery: 200 },
    raftLab,
  );
  const frames: Frame[] = [];
  for (const t of [0, 300, 320, 340, 800, 1000, 1500, 2000]) {
    runUntil(run.sim, run.stepper, t);
    frames.push(buildFrame(run.sim));
  }
  run.sim.rewindTo(1200);
  runUntil(run.sim, run.stepper, 1250);
  frames.push(buildFrame(run.sim));

  it('decode to the very frames that were encoded, one after another', () => {
    const encoder = new FrameEncoder();
    const decoder = new FrameDecoder();
    for (const frame of frames) expect(decoder.decode(structuredClone(encoder.encode(frame)))).toEqual(frame);
    expect(frames[4]?.nodes.find((n) => n.id === 'n2')?.status).toBe('down');
  });

  it('hand back the same state object for a node that did not change, and send far less once logs have grown', () => {
    const encoder = new FrameEncoder();
    const decoder = new FrameDecoder();
    const at1500 = frames[6] as Frame;
    const first = decoder.decode(structuredClone(encoder.encode(at1500)));
    const again = decoder.decode(structuredClone(encoder.encode(at1500)));
    for (let i = 0; i < first.nodes.length; i++) expect(again.nodes[i]?.state).toBe(first.nodes[i]?.state);
    // Half a second later every log has grown by 25 entries; the nodes' part of the frame still shrinks to under half.
    const next = frames[7] as Frame;
    expect(serialize(encoder.encode(next).nodes).length * 2).toBeLessThan(serialize(next.nodes).length);
  });
});
