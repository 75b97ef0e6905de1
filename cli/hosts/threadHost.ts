/**
 * The worker_threads host: one thread per live node, as the page has one Web Worker per node.
 * The kernel runs here. Steps go to the nodes' threads either a batch at a time (runBatchesAsync:
 * one round trip per step) or a lookahead window at a time (runWindowsAsync, as the page does:
 * each thread runs every step it can before another node's message could reach it, in one round
 * trip); either way the results are applied in the kernel's order, so the trace equals the
 * in-process one byte for byte. Crash and restart are kernel actions; after every batch the host makes the threads match
 * the world: a node that is down has its thread terminated for real, and a node that is up in a
 * new incarnation gets a new thread that knows only what its start input carries (NodeFleet,
 * shared with the browser, does the matching).
 */
import type { Worker } from 'node:worker_threads';
import { runBatchesAsync, runWindowsAsync, type AsyncOutcome, type AsyncRunLimits, type WindowedNodes } from '../../src/runtime/asyncHost';
import { Prefetch } from '../../src/runtime/prefetch';
import type { ToNode } from '../../src/runtime/nodeChannel';
import type { Channel } from '../../src/runtime/remoteNode';
import { NodeFleet, type NodeSpawner } from '../../src/runtime/scheduler/nodeFleet';
import { modelOf } from '../../src/runtime/runnableLab';
import type { LabDefinition } from '../../src/labs/contract/lab';
import { Simulation, type RunSpec, type SimOptions, type StepRequest, type StepResult } from '../../src/sim/simulation';
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

/** How steps travel to the threads: one round trip per step, or per lookahead window. */
export type Stepping = 'batches' | 'windows';
export const STEPPINGS: readonly Stepping[] = ['windows', 'batches'];

export class ThreadHost {
  /** Steps run ahead in windows and not yet applied; kept across calls (a halt inside a window). */
  private readonly prefetch = new Prefetch();

  private constructor(
    readonly sim: Simulation,
    private readonly spawner: ThreadSpawner,
    private readonly fleet: NodeFleet,
    readonly stepping: Stepping,
  ) {}

  /** Creates the run and one thread per node, each initialised with its identity. */
  static async start(lab: LabDefinition, spec: RunSpec, options: SimOptions = {}, stepping: Stepping = 'windows'): Promise<ThreadHost> {
    const sim = new Simulation(modelOf(lab, spec), spec, options);
    const spawner = new ThreadSpawner();
    const fleet = new NodeFleet(spawner, lab.id);
    fleet.configure(sim);
    const host = new ThreadHost(sim, spawner, fleet, stepping);
    try {
      await Promise.all(sim.world.order.map((node) => fleet.remoteFor(node, sim.world.nodes[node]?.incarnation ?? 0)));
    } catch (error) {
      await host.close();
      throw error;
    }
    return host;
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

  private readonly step = async (request: StepRequest): Promise<StepResult> => {
    const node = this.sim.world.nodes[request.node];
    if (node === undefined) return { ok: false, error: `no node "${request.node}" in this run` };
    // A node restarted inside this batch has a new incarnation: remoteFor gives it a new thread.
    const remote = await this.fleet.remoteFor(request.node, node.incarnation);
    return remote.step(request);
  };

  private readonly nodes: WindowedNodes = {
    step: this.step,
    // The window names the incarnation it was planned for: a restarted node gets a new thread.
    runWindow: async (window) => (await this.fleet.remoteFor(window.node, window.incarnation)).stepWindow(window),
  };

  private reconcile(): void {
    this.fleet.reapDown(this.sim);
  }

  /** Runs to `untilMs` (or a violation, or `maxItems`), matching threads to the world after each batch. */
  async runUntil(untilMs: number, maxItems?: number): Promise<AsyncOutcome> {
    const limits: AsyncRunLimits = {
      untilMs,
      shouldStop: () => {
        this.reconcile();
        return false;
      },
      ...(maxItems === undefined ? {} : { maxItems }),
    };
    const outcome = this.stepping === 'windows' ? await runWindowsAsync(this.sim, this.nodes, this.prefetch, limits) : await runBatchesAsync(this.sim, this.step, limits);
    this.reconcile();
    await this.spawner.settle();
    return outcome;
  }

  async close(): Promise<void> {
    this.fleet.killAll();
    await this.spawner.settle();
  }
}
