/** The worker pool node: queue, workers, failures recovered, and Stop in both variants. */
import { describe, expect, it } from 'vitest';
import { poolProtocol, type PoolState } from '../../src/protocols/traffic';
import { Driven, facts, responses, results, timers } from './harness';

function pool(variant: string, params: Record<string, number> = {}) {
  const n = new Driven(poolProtocol, { variant, id: 'pool', params: { workers: 2, queueSize: 3, taskMsMax: 100, ...params } });
  n.start();
  return n;
}

const state = (n: Driven<PoolState>) => n.state as PoolState;

describe('the worker pool', () => {
  it('runs tasks on free workers, queues the rest, and refuses past the queue size', () => {
    const n = pool('hardened');
    n.willDraw(0.9, 0.5); // outcome draw (done), duration draw (50 ms)
    expect(timers(n.request('t1'))).toEqual([{ name: 'work:0', delayMs: 50 }]);
    n.request('t2');
    ['t3', 't4', 't5'].forEach((id) => n.request(id));
    expect(state(n).queue.map((t) => t.id)).toEqual(['t3', 't4', 't5']);
    expect(responses(n.request('t6'))).toEqual(['t6=rejected']);
    expect(facts(n.effects, 'task')).toEqual([{ kind: 'task', id: 't6', event: 'rejected', reason: 'queue full' }]);
  });

  it('recovers a failing or panicking task, reports it, and the worker takes the next task', () => {
    const n = pool('hardened', { taskFailRate: 0.3, taskPanicRate: 0.2 });
    n.willDraw(0.1, 0.5).request('boom');
    n.willDraw(0.4, 0.5).request('bad');
    n.request('next');
    expect(responses(n.at(50).timer('work:0'))).toEqual(['boom=error']);
    expect(facts(n.effects, 'task').map((f) => `${String(f['id'])}:${String(f['event'])}`)).toEqual(['boom:panicked', 'next:started']);
    expect(responses(n.at(50).timer('work:1'))).toEqual(['bad=error']);
    expect(state(n)).toMatchObject({ panicked: 1, failed: 1 });
  });

  it('article: Stop drops the tasks still queued when the workers pick the cancelled context', () => {
    const n = pool('article');
    ['t1', 't2', 't3', 't4'].forEach((id) => n.request(id));
    n.command({ op: 'stop' });
    expect(results(n.effects)).toEqual([]);
    // Each worker, done with its task, picks the cancelled context (a draw of 0.5 or more).
    n.at(50).willDraw(0.9);
    n.timer('work:0');
    n.willDraw(0.9);
    n.timer('work:1');
    expect(facts(n.effects, 'pool')).toEqual([{ kind: 'pool', state: 'stopped', queued: 2 }]);
    expect(results(n.effects)).toEqual([{ opId: 'op1', ok: true, value: { done: 2, failed: 0, panicked: 0, neverRun: 2 } }]);
  });

  it('hardened: Stop refuses new tasks, drains the queue, and answers when the last worker returns', () => {
    const n = pool('hardened');
    ['t1', 't2', 't3', 't4'].forEach((id) => n.request(id));
    n.command({ op: 'stop' });
    expect(responses(n.request('late'))).toEqual(['late=rejected']);
    n.at(50).timer('work:0');
    n.timer('work:1');
    n.at(100).timer('work:0');
    expect(results(n.effects)).toEqual([]);
    n.timer('work:1');
    expect(facts(n.effects, 'pool')).toEqual([{ kind: 'pool', state: 'stopped', queued: 0 }]);
    expect(state(n).done).toBe(4);
  });
});
