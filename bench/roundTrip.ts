/**
 * The floor under any worker host: one worker_threads postMessage round trip with a message the
 * size of a beacon step, measured alone. One step per round trip can go no faster than this.
 */
import { Worker } from 'node:worker_threads';
import { median } from './measure';

// A plain-JS echo thread that answers like a node does: a result with state, effects and rng.
const ECHO = `const { parentPort } = require('node:worker_threads');
parentPort.on('message', (m) => parentPort.postMessage({ type: 'RESULT', id: m.id, result: { ok: true, state: { count: 1, pongs: 2, value: 0 },
  effects: [{ kind: 'send', to: 'n2', msg: { type: 'ping', count: 3 } }, { kind: 'setTimer', name: 'tick', delayMs: 50.123 }], rng: [1, 2, 3, 4] } }));`;

export async function measureRoundTripUs(trips: number): Promise<number> {
  const worker = new Worker(ECHO, { eval: true });
  let id = 0;
  const once = (): Promise<unknown> =>
    new Promise((resolve) => {
      worker.once('message', resolve);
      worker.postMessage({ type: 'STEP', id: id++, input: { kind: 'timer', name: 'tick' }, now: 123.456, rng: [1, 2, 3, 4] });
    });
  try {
    for (let i = 0; i < trips; i++) await once();
    const samples: number[] = [];
    for (let round = 0; round < 5; round++) {
      const start = performance.now();
      for (let i = 0; i < trips; i++) await once();
      samples.push(((performance.now() - start) / trips) * 1000);
    }
    return median(samples);
  } finally {
    await worker.terminate();
  }
}
