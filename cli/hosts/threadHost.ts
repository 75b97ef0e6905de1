/**
 * The worker_threads host: one thread per live node, as the page has one Web Worker per node.
 * The kernel runs here; each batch's steps go to their nodes' threads at once and the results are
 * applied in the batch's order (runBatchesAsync), so the trace equals the in-process one byte for
 * byte. Crash and restart are kernel actions; after every batch the host makes the threads match
 * the world: a node that is down has its thread terminated for real, and a node that is up in a
 * new incarnation gets a new thread that knows only what its start input carries (NodeFleet,
 * shared with the browser, does the matching).
 */
import type { Worker } from 'node:worker_threads';
import { runBatchesAsync, type AsyncOutcome, type AsyncRunLimits } from '../../src/runtime/asyncHost';
import type { Channel } from '../../src/runtime/remoteNode';
import { NodeFleet, type NodeSpawner } from '../../src/runtime/scheduler/nodeFleet';
import { modelOf, type LabDefinition } from '../../src/sim/lab';
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

  spawn(node: string): Promise<Channel> {
    const worker = startTsThread(NODE_ENTRY);
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    void exited.then(() => this.live--);
    this.byNode.set(node, { worker, exited });
    this.started++;
    this.live++;
    return Promise.resolve(threadChannel(worker, node));
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

export class ThreadHost {
  private constructor(
    readonly sim: Simulation,
    private readonly spawner: ThreadSpawner,
    private readonly fleet: NodeFleet,
  ) {}

  /** Creates the run and one thread per node, each initialised with its identity. */
  static async start(lab: LabDefinition, spec: RunSpec, options: SimOptions = {}): Promise<ThreadHost> {
    const sim = new Simulation(modelOf(lab, spec), spec, options);
    const spawner = new ThreadSpawner();
    const fleet = new NodeFleet(spawner, lab.id);
    fleet.configure(sim);
    const host = new ThreadHost(sim, spawner, fleet);
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
    const outcome = await runBatchesAsync(this.sim, this.step, limits);
    this.reconcile();
    await this.spawner.settle();
    return outcome;
  }

  async close(): Promise<void> {
    this.fleet.killAll();
    await this.spawner.settle();
  }
}
