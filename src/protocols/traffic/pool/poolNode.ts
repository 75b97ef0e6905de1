/**
 * The worker pool (seed `WorkerPool`): N workers take tasks from a bounded queue; a task that
 * fails or panics is recovered and reported, and the worker goes on. Clients submit tasks with
 * requests and are answered when their task finishes. `{"op":"stop"}` stops the pool and is
 * answered once every worker has returned.
 *
 * The article's Stop cancels the context and waits for the workers: a worker that finishes a
 * task picks between the cancelled context and the next queued task at random (Go's `select`
 * over two ready cases), so most queued tasks are never run and nobody hears of them; a Submit
 * after Stop may still land in the queue, for the same reason, and is lost too. The hardened
 * pool refuses new tasks once stopping and drains its queue before it stops, so every task is
 * run or refused, and reported either way.
 *
 * Where the seed's Submit would block its caller on a full queue, the pool here answers
 * `rejected` at once: the caller is another node, and a limit must say no somewhere.
 */
import type { JsonObject } from '../../../sim/json';
import type { NodeId, StepContext } from '../../../sim/node';
import { assert, notAddressedTo } from '../../assert';
import { defineProtocol } from '../../define';
import { isArticle, numberParam } from '../config';
import { respond } from '../gate/relay';
import { fact, result, setTimer, update, type Out } from '../out';
import type { Request, TrafficMessage } from '../types';
import { LANE_SPAN_MS, LANE_TASKS_PER_WORKER, OUTCOME_CODE, type LaneEntry, type PoolState, type Task, type TaskOutcome, type WorkerSlot } from './poolTypes';

const workTimer = (w: number) => `work:${w}`;

function idleSlot(): WorkerSlot {
  return { task: null, startedAt: 0, outcome: 'done', exited: false };
}

function setWorker(o: Out<PoolState>, w: number, slot: WorkerSlot): void {
  update(o, { workers: o.s.workers.map((x, i) => (i === w ? slot : x)) });
}

function drawOutcome(ctx: StepContext): TaskOutcome {
  const u = ctx.random();
  const panicRate = numberParam(ctx, 'taskPanicRate', 0);
  if (u < panicRate) return 'panicked';
  return u < panicRate + numberParam(ctx, 'taskFailRate', 0) ? 'failed' : 'done';
}

function startTask(o: Out<PoolState>, w: number, task: Task): void {
  setWorker(o, w, { task, startedAt: o.ctx.now, outcome: drawOutcome(o.ctx), exited: false });
  fact(o, { kind: 'task', id: task.id, event: 'started', worker: w });
  // The seed's example task sleeps rand.Intn(100) ms.
  setTimer(o, workTimer(w), Math.floor(o.ctx.random() * numberParam(o.ctx, 'taskMsMax', 100)));
}

/** Idle workers take queued tasks, lowest worker first. */
function dispatch(o: Out<PoolState>): void {
  for (let w = 0; w < o.s.workers.length && o.s.queue.length > 0; w++) {
    const slot = o.s.workers[w] as WorkerSlot;
    if (slot.task !== null || slot.exited) continue;
    const [next, ...rest] = o.s.queue as Task[];
    update(o, { queue: rest });
    startTask(o, w, next as Task);
  }
}

/** The lanes with `entry` added: those older than the span dropped, and the worker's oldest past its bound. */
function withLane(lanes: readonly LaneEntry[], entry: LaneEntry, now: number): LaneEntry[] {
  const recent = lanes.filter((l) => l[2] >= now - LANE_SPAN_MS);
  const oldestOfWorker = recent.find((l) => l[0] === entry[0]);
  const full = recent.filter((l) => l[0] === entry[0]).length >= LANE_TASKS_PER_WORKER;
  return [...(full ? recent.filter((l) => l !== oldestOfWorker) : recent), entry];
}

function reportOutcome(o: Out<PoolState>, w: number, task: Task, outcome: TaskOutcome, startedAt: number): void {
  fact(o, { kind: 'task', id: task.id, event: outcome, worker: w });
  update(o, { lanes: withLane(o.s.lanes, [w, startedAt, o.ctx.now, OUTCOME_CODE[outcome]], o.ctx.now) });
  if (outcome === 'done') {
    update(o, { done: o.s.done + 1 });
    return respond(o, task.client, task.id, 'done');
  }
  // Both recovered and handed to the error handler, as the seed's handleTask does.
  if (outcome === 'failed') update(o, { failed: o.s.failed + 1 });
  else update(o, { panicked: o.s.panicked + 1 });
  respond(o, task.client, task.id, 'error', outcome === 'failed' ? `worker ${w} task ${task.id} failed` : `worker ${w} panic: task ${task.id}`);
}

/** After Stop, a worker that is free either takes the next task or returns. */
function keepsWorking(o: Out<PoolState>): boolean {
  if (o.s.queue.length === 0) return false;
  return isArticle(o.ctx) ? o.ctx.random() < 0.5 : true;
}

function maybeStopped(o: Out<PoolState>): void {
  if (!o.s.stopping || o.s.stopped || !o.s.workers.every((w) => w.exited)) return;
  update(o, { stopped: true });
  fact(o, { kind: 'pool', state: 'stopped', queued: o.s.queue.length });
  if (o.s.stopOp !== null) result(o, o.s.stopOp, true, { done: o.s.done, failed: o.s.failed, panicked: o.s.panicked, neverRun: o.s.queue.length });
}

function freeWorker(o: Out<PoolState>, w: number): void {
  if (!o.s.stopping) {
    setWorker(o, w, idleSlot());
    return dispatch(o);
  }
  if (keepsWorking(o)) {
    const [next, ...rest] = o.s.queue as Task[];
    update(o, { queue: rest });
    return startTask(o, w, next as Task);
  }
  setWorker(o, w, { ...idleSlot(), exited: true });
  maybeStopped(o);
}

function onWorkDone(o: Out<PoolState>, w: number): void {
  const slot = o.s.workers[w];
  if (slot === undefined || slot.task === null) return;
  reportOutcome(o, w, slot.task, slot.outcome, slot.startedAt);
  freeWorker(o, w);
}

function refuse(o: Out<PoolState>, client: NodeId, id: string, reason: string): void {
  update(o, { rejected: o.s.rejected + 1 });
  fact(o, { kind: 'task', id, event: 'rejected', reason });
  respond(o, client, id, 'rejected', reason);
}

function onSubmit(o: Out<PoolState>, client: NodeId, m: Request): void {
  const full = o.s.queue.length >= numberParam(o.ctx, 'queueSize', 100);
  if (full) return refuse(o, client, m.id, 'queue full');
  // The seed's Submit selects between a free queue slot and the cancelled context at random.
  if (o.s.stopping && (!isArticle(o.ctx) || o.ctx.random() < 0.5)) return refuse(o, client, m.id, 'worker pool is shutting down');
  update(o, { queue: [...o.s.queue, { id: m.id, client, submittedAt: o.ctx.now }] });
  fact(o, { kind: 'task', id: m.id, event: 'queued', queue: o.s.queue.length });
  dispatch(o);
}

function onStop(o: Out<PoolState>, opId: string): void {
  if (o.s.stopping) return result(o, opId, false, 'already stopping');
  update(o, { stopping: true, stopOp: opId });
  fact(o, { kind: 'pool', state: 'stopping', queued: o.s.queue.length, running: o.s.workers.filter((w) => w.task !== null).length });
  // Idle workers see the cancelled context at once (an idle worker means the queue is empty).
  update(o, { workers: o.s.workers.map((w) => (w.task === null ? { ...w, exited: true } : w)) });
  maybeStopped(o);
}

function onCommand(o: Out<PoolState>, opId: string, cmd: JsonObject): void {
  if (cmd['op'] === 'stop') return onStop(o, opId);
  result(o, opId, false, `${o.ctx.id} is the worker pool: try {"op":"stop"}`);
}

function onMessage(o: Out<PoolState>, from: NodeId, m: TrafficMessage): void {
  if (m.type === 'Request') return onSubmit(o, from, m);
  notAddressedTo('worker pool', m.type);
}

/** What holds after every step, in both variants. */
function invariants(o: Out<PoolState>): void {
  const s = o.s;
  assert(s.queue.length <= numberParam(o.ctx, 'queueSize', 100), "worker pool: the queue never holds more than its size");
  for (const w of s.workers) assert(!w.exited || w.task === null, 'worker pool: a worker returns only between tasks');
  assert(!s.stopped || s.workers.every((w) => w.exited), 'worker pool: a stopped pool has no worker left');
}

export const poolProtocol = defineProtocol<PoolState, TrafficMessage>({
  kind: 'pool',
  initial: (_persisted, ctx) => ({
    queue: [],
    workers: Array.from({ length: numberParam(ctx, 'workers', 10) }, idleSlot),
    stopping: false,
    stopOp: null,
    stopped: false,
    done: 0,
    failed: 0,
    panicked: 0,
    rejected: 0,
    lanes: [],
  }),
  onMessage,
  onTimer(o, name) {
    if (name.startsWith('work:')) onWorkDone(o, Number(name.slice(5)));
  },
  onCommand,
  invariants,
});
