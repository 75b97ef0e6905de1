/**
 * The simulation kernel: one run of a lab, driven by a host. The kernel owns virtual time, the
 * event queue, the network, faults and the trace; the host only runs node steps. A host asks for
 * the next batch of steps (`nextBatch`), runs them anywhere (in-process or in Web Workers, in
 * parallel), and hands the results back in the batch's order (`apply`). A batch holds steps of
 * one virtual time for distinct nodes, so running them in parallel cannot change the outcome:
 * every host produces the same trace, byte for byte.
 */
import { sortActions, type Action } from './actions';
import type { Checker, CheckView } from './checker';
import { CheckpointStore } from './checkpoints';
import { heapPeek, heapPop, heapPush } from './eventQueue';
import { applyAction, crashNode, nodesNamedBy } from './faults';
import type { Json } from './json';
import type { Kernel } from './kernel';
import { planWindow, type WindowPlan } from './lookahead';
import { mergeNetworkSettings, transmit } from './network';
import type { Effect, NodeId, NodeInput, NodeSpec, ParamValue } from './node';
import type { RandomState } from './random';
import type { EventBody, TraceEvent } from './trace';
import type { NetworkSettings } from './actions';
import { createWorld, localTime, quantize, type Item, type NodeRuntime, type Unscheduled, type World } from './world';

export interface RunSpec {
  readonly lab: string;
  readonly variant: string;
  readonly seed: number;
  readonly params: Readonly<Record<string, ParamValue>>;
  readonly actions: readonly Action[];
}

/** What the kernel needs from a lab: its nodes, its network defaults and its checkers. */
export interface SimModel {
  readonly nodes: readonly NodeSpec[];
  readonly network: Required<NetworkSettings>;
  readonly checkers: readonly Checker[];
}

export interface StepRequest {
  readonly node: NodeId;
  readonly input: NodeInput;
  /** The node's local clock when the input arrives. */
  readonly now: number;
  readonly rng: RandomState;
  /** @internal The queued item this step answers. */
  readonly item: Item;
}

export type StepResult =
  | { readonly ok: true; readonly state: Json; readonly effects: readonly Effect[]; readonly rng: RandomState }
  | { readonly ok: false; readonly error: string };

export interface SimOptions {
  /** Take a checkpoint every this many applied items (Infinity: never). */
  readonly checkpointEvery?: number;
  readonly maxCheckpoints?: number;
  readonly onEvent?: (event: TraceEvent) => void;
}

export class Simulation implements Kernel {
  world: World;
  readonly seed: number;
  private actions: Action[];
  private readonly checkers: readonly Checker[];
  private readonly checkpoints: CheckpointStore | null;
  private readonly onEvent: ((event: TraceEvent) => void) | undefined;
  /** Steps handed to the host and not yet applied. */
  private outstanding = 0;
  /** The violation events since the host last cleared them; a host halts while any are here. */
  haltedBy: TraceEvent[] = [];

  constructor(
    readonly model: SimModel,
    readonly spec: RunSpec,
    options: SimOptions = {},
  ) {
    this.seed = spec.seed;
    this.checkers = model.checkers;
    this.onEvent = options.onEvent;
    const ids = new Set(model.nodes.map((n) => n.id));
    for (const a of spec.actions) {
      const missing = nodesNamedBy(a).find((id) => !ids.has(id));
      if (missing !== undefined) throw new Error(`an action at ${a.at} ms names node "${missing}", which this run does not have (nodes: ${[...ids].join(', ')})`);
      if (a.kind === 'network') mergeNetworkSettings(model.network, a.settings);
    }
    this.actions = sortActions(spec.actions);
    this.world = createWorld(spec.seed, model.nodes, model.network, this.checkers.map((c) => c.init()));
    for (const n of model.nodes) this.schedule({ t: 0, kind: 'start', node: n.id, incarnation: 0 });
    const every = options.checkpointEvery ?? Infinity;
    this.checkpoints = Number.isFinite(every) ? new CheckpointStore(every, options.maxCheckpoints ?? 256) : null;
    // The start is a checkpoint too, so a run can seek before it has taken a single step (a
    // shared URL opens at its moment right after loading). nextBatch would take the same one.
    this.checkpoints?.add(this.world);
  }

  get now(): number {
    return this.world.now;
  }

  get actionList(): readonly Action[] {
    return this.actions;
  }

  get checkpointCount(): number {
    return this.checkpoints?.count ?? 0;
  }

  emit(body: EventBody): void {
    const w = this.world;
    const event = { t: w.now, seq: ++w.traceCount, ...body } as TraceEvent;
    this.onEvent?.(event);
    if (event.type !== 'violation' && this.checkers.length > 0) this.check(event);
  }

  schedule(item: Unscheduled): void {
    // Every caller passes a fresh object, so numbering it in place saves a copy on the hot path.
    (item as { seq?: number }).seq = ++this.world.seq;
    heapPush(this.world.queue, item as Item);
  }

  private check(event: TraceEvent): void {
    const w = this.world;
    const view: CheckView = { nodes: w.nodes };
    this.checkers.forEach((checker, i) => {
      const seen = checker.observe(w.checkerStates[i] as Json, event, view);
      w.checkerStates[i] = seen.state;
      if (seen.violation !== undefined && !w.violatedRules.includes(checker.rule)) {
        w.violatedRules.push(checker.rule);
        const { nodes, detail } = seen.violation;
        this.emit({ type: 'violation', rule: checker.rule, nodes, detail });
        this.haltedBy.push({ t: w.now, seq: w.traceCount, type: 'violation', rule: checker.rule, nodes, detail });
      }
    });
  }

  /** Adds a live action at the current time; it takes effect after every event of this time. */
  addAction(body: Action extends infer A ? (A extends Action ? Omit<A, 'at'> : never) : never): Action {
    const action = { ...body, at: this.world.now } as Action;
    const missing = nodesNamedBy(action).find((id) => this.world.nodes[id] === undefined);
    if (missing !== undefined) throw new Error(`no node "${missing}" in this run`);
    if (action.kind === 'network') mergeNetworkSettings(this.world.network.settings, action.settings);
    // Actions later than now belong to a future this action replaces: the run forks here.
    this.actions = this.actions.filter((a) => a.at <= this.world.now);
    this.actions.push(action);
    this.checkpoints?.dropAfter(this.world.now);
    return action;
  }

  /** Whether the head item of the queue is a node step (otherwise the kernel handles it). */
  private isStep(item: Item): boolean {
    const n = this.world.nodes[item.node] as NodeRuntime;
    switch (item.kind) {
      case 'start':
        return n.status === 'up' && item.incarnation === n.incarnation;
      case 'deliver':
      case 'command':
        return n.status === 'up';
      case 'timer':
        return n.status === 'up' && item.incarnation === n.incarnation && n.timers[item.name] === item.generation;
      case 'resume':
        return false;
    }
  }

  /** Handles an item that needs no node step: a drop, a held input, a resume, a stale timer. */
  private handleOther(item: Item): void {
    const n = this.world.nodes[item.node] as NodeRuntime;
    if (item.kind === 'resume') {
      if (n.status !== 'paused' || item.incarnation !== n.incarnation || (n.pausedUntil ?? Infinity) > item.t) return;
      n.status = 'up';
      n.pausedUntil = null;
      this.emit({ type: 'resume', node: n.id });
      const held = n.held;
      n.held = [];
      for (const { seq: _seq, ...rest } of held) this.schedule({ ...rest, t: this.world.now } as Unscheduled);
      return;
    }
    if (n.status === 'paused' && item.kind !== 'start') {
      n.held.push(item);
      return;
    }
    if (n.status !== 'down') return; // A stale timer or start of an earlier life.
    if (item.kind === 'deliver') this.emit({ type: 'drop', from: item.from, to: item.node, msgId: item.msgId, reason: 'down' });
    if (item.kind === 'command') this.emit({ type: 'fail', node: item.node, opId: item.opId, value: 'node down' });
  }

  private request(item: Item): StepRequest {
    const n = this.world.nodes[item.node] as NodeRuntime;
    const now = localTime(n.clock, this.world.now);
    switch (item.kind) {
      case 'start':
        return { node: n.id, input: { kind: 'start', persisted: item.incarnation === 0 ? null : n.persisted }, now, rng: n.rng, item };
      case 'deliver':
        return { node: n.id, input: { kind: 'message', from: item.from, msg: item.msg }, now, rng: n.rng, item };
      case 'timer':
        return { node: n.id, input: { kind: 'timer', name: item.name }, now, rng: n.rng, item };
      case 'command':
        return { node: n.id, input: { kind: 'command', opId: item.opId, cmd: item.cmd }, now, rng: n.rng, item };
      case 'resume':
        throw new Error('a resume is not a step');
    }
  }

  /**
   * Processes everything up to `untilMs` that needs no node, and returns the next batch of node
   * steps: at most `maxSteps`, all of one virtual time, each for a different node. Returns null
   * when nothing is left at or before `untilMs`, or when a violation halted the run; then the
   * clock moves on to `untilMs` unless `advanceClock` is false.
   */
  nextBatch(untilMs: number, maxSteps = 1, advanceClock = true): StepRequest[] | null {
    if (this.outstanding > 0) throw new Error('apply the previous batch first');
    const w = this.world;
    for (;;) {
      if (this.haltedBy.length > 0) return null;
      if (this.checkpoints?.due(w.itemsApplied) === true) this.checkpoints.add(w);
      const head = heapPeek(w.queue);
      const action = this.actions[w.actionIndex];
      if (action !== undefined && action.at <= untilMs && (head === undefined || action.at < head.t)) {
        w.now = Math.max(w.now, action.at);
        w.actionIndex++;
        applyAction(this, action);
        continue;
      }
      if (head === undefined || head.t > untilMs) {
        if (advanceClock && Number.isFinite(untilMs)) w.now = Math.max(w.now, untilMs);
        return null;
      }
      heapPop(w.queue);
      w.now = head.t;
      if (!this.isStep(head)) {
        w.itemsApplied++;
        this.handleOther(head);
        continue;
      }
      const batch = [this.request(head)];
      for (let next = heapPeek(w.queue); batch.length < maxSteps && next !== undefined && next.t === head.t && this.isStep(next); next = heapPeek(w.queue)) {
        const node = next.node;
        if (batch.some((r) => r.node === node)) break;
        heapPop(w.queue);
        batch.push(this.request(next));
      }
      this.outstanding = batch.length;
      return batch;
    }
  }

  /** Applies one step's result; results must come back in the order of their batch. */
  apply(request: StepRequest, result: StepResult): void {
    const w = this.world;
    const item = request.item;
    const n = w.nodes[item.node] as NodeRuntime;
    this.outstanding--;
    w.itemsApplied++;
    if (item.kind === 'deliver') this.emit({ type: 'deliver', from: item.from, to: item.node, msgId: item.msgId });
    if (item.kind === 'timer') {
      delete n.timers[item.name];
      this.emit({ type: 'timer', node: n.id, name: item.name });
    }
    if (!result.ok) return crashNode(this, n, result.error);
    n.state = result.state;
    n.rng = result.rng;
    for (const effect of result.effects) this.applyEffect(n, effect);
  }

  private applyEffect(n: NodeRuntime, e: Effect): void {
    const w = this.world;
    switch (e.kind) {
      case 'send':
        if (w.nodes[e.to] === undefined) return crashNode(this, n, `sent a message to "${e.to}", which is not a node of this run`);
        return transmit(this, n.id, e.to, e.msg);
      case 'setTimer': {
        const generation = ++w.timerCounter;
        n.timers[e.name] = generation;
        const delay = Math.max(0, e.delayMs) / n.clock.rate;
        return this.schedule({ t: quantize(w.now + delay), kind: 'timer', node: n.id, name: e.name, incarnation: n.incarnation, generation });
      }
      case 'cancelTimer':
        delete n.timers[e.name];
        return;
      case 'persist':
        n.persisted[e.key] = e.value;
        return;
      case 'output':
        return this.emit({ type: 'output', node: n.id, fact: e.fact });
      case 'invoke':
        return this.emit({ type: 'invoke', node: n.id, opId: e.opId, op: e.op });
      case 'result': {
        const type = e.ok ? 'ok' : 'fail';
        return this.emit(e.value === undefined ? { type, node: n.id, opId: e.opId } : { type, node: n.id, opId: e.opId, value: e.value });
      }
    }
  }

  /** The steps each node can run ahead before the kernel applies them (see lookahead.ts). */
  planWindow(untilMs: number): WindowPlan | null {
    if (this.outstanding > 0 || this.haltedBy.length > 0) return null;
    return planWindow(this.world, this.actions[this.world.actionIndex], untilMs);
  }

  /** Lets a halted run go on; the rules already violated stay reported. */
  clearHalt(): void {
    this.haltedBy = [];
  }

  /**
   * Rewinds to the latest checkpoint at or before `t`; the host then runs forward to `t`.
   * Returns false when there is no such checkpoint (the run had none).
   */
  rewindTo(t: number): boolean {
    const world = this.checkpoints?.restoreAtOrBefore(t);
    if (world === undefined) return false;
    this.world = world;
    this.outstanding = 0;
    this.haltedBy = [];
    return true;
  }
}
