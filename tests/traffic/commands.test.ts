/** The backend's error rate and latency, set live from the page: a number next to the command's button, sent in its action. */
import { describe, expect, it } from 'vitest';
import { BACKEND_COMMANDS } from '../../src/labs/traffic/commands';
import { circuitBreakerLab } from '../../src/labs/circuit-breaker/lab';
import { tokenBucketLab } from '../../src/labs/token-bucket/lab';
import { decodeActions, encodeActions, type Action } from '../../src/sim/actions';
import { commandArgError, commandWithArg, type NodeCommand } from '../../src/labs/contract/commands';
import { runUntil } from '../../src/runtime/inProcess';
import { record } from '../helpers';

const command = (id: string): NodeCommand => {
  const c = BACKEND_COMMANDS.find((x) => x.id === id);
  if (c === undefined) throw new Error(`no command ${id}`);
  return c;
};
const ERROR_RATE = command('error-rate');
const LATENCY = command('latency');

/** A token bucket run (plenty of tokens) with `actions`, to `untilMs`: its trace. */
function bucketRun(actions: readonly Action[], untilMs: number) {
  const run = record({ variant: 'hardened', params: { clients: 2, load: 'constant', clientIntervalMs: 50, capacity: 1000, refillPerSec: 1000 }, actions }, {}, tokenBucketLab);
  while (runUntil(run.sim, run.stepper, untilMs) === 'halted') run.sim.clearHalt();
  return run.events;
}

const answersBetween = (events: ReturnType<typeof bucketRun>, from: number, to: number) => events.filter((e) => (e.type === 'ok' || e.type === 'fail') && e.t >= from && e.t < to);

describe('commands that take a number', () => {
  it('check the number against the range, naming it', () => {
    const arg = ERROR_RATE.arg!;
    expect(commandArgError(arg, '100')).toBeNull();
    expect(commandArgError(arg, '0')).toBeNull();
    expect(commandArgError(arg, '101')).toBe('Error rate takes a number from 0 to 100 %');
    expect(commandArgError(arg, '-5')).toBe('Error rate takes a number from 0 to 100 %');
    expect(commandArgError(arg, '')).not.toBeNull();
    expect(commandArgError(arg, 'lots')).not.toBeNull();
    expect(commandArgError(LATENCY.arg!, '60001')).toBe('Latency takes a number from 0 to 60000 ms');
  });

  it('send the number in the command, and the action survives a URL', () => {
    const cmd = commandWithArg(ERROR_RATE, 100);
    expect(cmd).toEqual({ op: 'errorRate', percent: 100 });
    const action: Action = { at: 1000, kind: 'command', node: 'backend', cmd };
    expect(decodeActions(encodeActions([action]))).toEqual([action]);
  });

  it('error rate 100% set live at 1 s: every call after it fails, none before', () => {
    const events = bucketRun([{ at: 1000, kind: 'command', node: 'backend', cmd: commandWithArg(ERROR_RATE, 100) }], 3000);
    const before = answersBetween(events, 0, 1000);
    const after = answersBetween(events, 1100, 3000);
    expect(before.length).toBeGreaterThan(30);
    expect(before.every((e) => e.type === 'ok')).toBe(true);
    expect(after.length).toBeGreaterThan(60);
    expect(after.every((e) => e.type === 'fail')).toBe(true);
  });

  it('an old link\'s error rate as a fraction still works the same', () => {
    const old = decodeActions(`1000:cmd:backend,${encodeURIComponent(JSON.stringify({ op: 'errorRate', value: 1 }))}`);
    const byPercent = bucketRun([{ at: 1000, kind: 'command', node: 'backend', cmd: { op: 'errorRate', percent: 100 } }], 3000);
    const byValue = bucketRun(old, 3000);
    expect(byValue.filter((e) => e.type === 'fail').length).toBe(byPercent.filter((e) => e.type === 'fail').length);
  });

  it('latency set live to 2 s: the breaker\'s calls take about 2 s from then on', () => {
    const run = record({ variant: 'hardened', params: { clients: 1, load: 'constant', clientIntervalMs: 100 }, actions: [{ at: 1000, kind: 'command', node: 'backend', cmd: commandWithArg(LATENCY, 2000) }] }, {}, circuitBreakerLab);
    while (runUntil(run.sim, run.stepper, 5000) === 'halted') run.sim.clearHalt();
    const invoked = new Map(run.events.flatMap((e) => (e.type === 'invoke' && e.node === 'c1' ? [[e.opId, e.t] as const] : [])));
    // Each request answered: when it was sent, and how long it took.
    const answered = run.events.flatMap((e) => {
      const sentAt = e.type === 'ok' ? invoked.get(e.opId) : undefined;
      return sentAt === undefined ? [] : [{ sentAt, tookMs: e.t - sentAt }];
    });
    const tookMs = (from: number, to: number) => answered.filter((a) => a.sentAt >= from && a.sentAt < to).map((a) => a.tookMs);
    const fast = tookMs(0, 900);
    expect(fast.length).toBeGreaterThan(5);
    expect(Math.max(...fast)).toBeLessThan(100);
    const slow = tookMs(1000, 2500);
    expect(slow.length).toBeGreaterThan(10);
    expect(Math.min(...slow)).toBeGreaterThan(1500);
  });
});
