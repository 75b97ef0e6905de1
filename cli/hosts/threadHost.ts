/**
 * The worker_threads host: one thread per live node, as the page has one Web Worker per node.
 * The kernel runs here, in a RemoteRun, as in the page's scheduler: steps go to the nodes'
 * threads a lookahead window at a time (each thread runs every step it can before another node's
 * message could reach it, in one round trip), or a batch at a time (one round trip per step, to
 * compare); either way the results are applied in the kernel's order, so the trace equals the
 * in-process one byte for byte. A node that goes down has its thread terminated for real, and a
 * node up in a new incarnation gets a new thread that knows only what its start input carries.
 * This host adds the threads themselves, and counts them.
 */
import type { Worker } from 'node:worker_threads';
import type { AsyncOutcome } from '../../src/runtime/asyncHost';
import type { ToNode } from '../../src/runtime/nodeChannel';
import type { Channel } from '../../src/runtime/remoteNode';
import { RemoteRun, type Stepping } from '../../src/runtime/remoteRun';
import type { NodeSpawner } from '../../src/runtime/scheduler/nodeFleet';
import type { LabDefinition } from '../../src/labs/contract/lab';
import type { RunSpec, SimOptions, Simulation } from '../../src/sim/simulation';
import { threadChannel } from './threadChannel';
import { startTsThread } from './tsThread';

const NODE_ENTRY = new URL('./threadNode.ts', import.meta.url);

/** Starts and terminates node threads, and counts them so tests can see a crash kill one. */
class ThreadSpawner implements NodeSpawner {
  private readonly byNode = new Map<string, { worker: Worker; exited: Promise<void> }>();
  private stopping: Promise<void>[] = [];
  started = 0;
  live = 0;
  /** Requests sent to node threads, by type (STEP, STEP_WINDOW...): the round trips of a run. */
  readonly requests = new Map<ToNode['type'], number>();

  spawn(node: string): Promise<Channel> {
    const worker = startTsThread(NODE_ENTRY);
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    void exited.then(() => this.live--);
    this.byNode.set(node, { worker, exited });
    this.started++;
    this.live++;
    return Promise.resolve(threadChannel(worker, node, (m) => this.requests.set(m.type, (this.requests.get(m.type) ?? 0) + 1)));
  }

  kill(node: string): void {
    const thread = this.byNode.get(node);
    if (thread === undefined) return;
    this.byNode.delete(node);
    this.stopping.push(thread.exited);
    void thread.worker.terminate();
  }

  /** Waits until every thread asked to stop has exited, so `live` is exact. */
  async settle(): Promise<void> {
    const stopping = this.stopping;
    this.stopping = [];
    await Promise.all(stopping);
  }
}

export type { Stepping };

export class ThreadHost {
  private constructor(
    /** The run: the kernel here, its nodes in the threads. */
    readonly run: RemoteRun,
    private readonly spawner: ThreadSpawner,
  ) {}

  /** Creates the run and one thread per node, each initialised with its identity. */
  static async start(lab: LabDefinition, spec: RunSpec, options: SimOptions = {}, stepping: Stepping = 'windows'): Promise<ThreadHost> {
    const spawner = new ThreadSpawner();
    try {
      return new ThreadHost(await RemoteRun.create(lab, spec, spawner, { ...options, stepping }), spawner);
    } catch (error) {
      await spawner.settle();
      throw error;
    }
  }

  get sim(): Simulation {
    return this.run.sim;
  }

  /** Threads running now (started and not yet exited). */
  get liveThreads(): number {
    return this.spawner.live;
  }

  /** Requests sent to node threads so far, by type. */
  get requests(): ReadonlyMap<ToNode['type'], number> {
    return this.spawner.requests;
  }

  /** Threads started over the whole run: one per node, plus one per restart. */
  get threadsStarted(): number {
    return this.spawner.started;
  }

  /** Runs to `untilMs` (or a violation, or `maxItems`); the threads of nodes gone down have exited when it returns. */
  async runUntil(untilMs: number, maxItems?: number): Promise<AsyncOutcome> {
    const outcome = await this.run.run(maxItems === undefined ? { untilMs } : { untilMs, maxItems });
    await this.spawner.settle();
    return outcome;
  }

  async close(): Promise<void> {
    this.run.close();
    await this.spawner.settle();
  }
}
