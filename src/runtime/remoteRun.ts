/**
 * One run whose nodes step in workers (Web Workers in the page, worker_threads in the CLI): the
 * kernel, one worker per live node, the steps run ahead in lookahead windows, and the rules that
 * keep the workers in step with the kernel. The page's scheduler and the CLI's thread host both
 * drive one; they differ in how they pace it and in how a worker is started (NodeSpawner).
 *
 * A node's state is kept in three places, each for a reason:
 * - the kernel's world: what the trace, the checkers, the checkpoints and the page see;
 * - the node's worker, which runs the steps, and may run a lookahead window ahead of the kernel;
 * - RemoteNode's mirror of the worker's state as of its last reply: results travel as changes to
 *   the state before them (wireResult.ts), and the mirror is what they are applied to.
 *
 * Between any two calls on a RemoteRun this holds, for every node:
 * - if it is down it has no worker; otherwise it has at most one, of its current incarnation (a
 *   restarted node's worker starts when its start input is stepped);
 * - that worker, and so its mirror, holds the kernel's state for the node, unless the node is in
 *   `nodesAhead`: then it holds the state after the steps it ran ahead, which wait in `prefetch`
 *   and are applied when the run goes on.
 * So anything that changes the run under the workers first drops those steps and resets those
 * workers. This class is the only place the rule is kept: `run` matches the workers to the world
 * after every batch, `act` resets the workers that ran ahead before adding its action, and `seek`
 * hands every worker its node's state in the rewound world. tests/runtime/remoteRun.test.ts checks
 * the rule after random sequences of these calls.
 */
import type { RunnableLab } from './runnableLab';
import type { RunSpec, SimOptions, Simulation, StepRequest, StepResult } from '../sim/simulation';
import { runBatchesAsync, runWindowsAsync, type AsyncOutcome, type AsyncRunLimits, type WindowedNodes } from './asyncHost';
import type { LiveAction } from './browser/controller';
import { createInProcessRun, runUntil, type InProcessRun } from './inProcess';
import { Prefetch } from './prefetch';
import { NodeFleet, type NodeSpawner } from './scheduler/nodeFleet';
import { identitiesOf } from './stepNode';

/** How steps travel to the workers: a lookahead window per round trip (as the page does), or one step. */
export type Stepping = 'windows' | 'batches';

export interface RemoteRunOptions extends SimOptions {
  readonly stepping?: Stepping;
}

export class RemoteRun {
  /** Steps run ahead in windows and not yet applied; kept across calls (a pause or a halt inside a window). */
  private readonly prefetch = new Prefetch();

  private constructor(
    readonly lab: RunnableLab,
    /** The kernel, and the in-process stepper a seek replays with. */
    private readonly local: InProcessRun,
    private readonly fleet: NodeFleet,
    private readonly stepping: Stepping,
  ) {}

  /** Builds the run and starts one worker per node; if a worker fails to start, none is left running. */
  static async create(lab: RunnableLab, spec: RunSpec, spawner: NodeSpawner, options: RemoteRunOptions = {}): Promise<RemoteRun> {
    const { stepping = 'windows', ...simOptions } = options;
    const local = createInProcessRun(lab, spec, simOptions);
    const fleet = new NodeFleet(spawner, lab.id, identitiesOf(local.sim.model.nodes, spec.variant, spec.params));
    const run = new RemoteRun(lab, local, fleet, stepping);
    try {
      await fleet.start(local.sim.world);
    } catch (error) {
      run.close();
      throw error;
    }
    return run;
  }

  get sim(): Simulation {
    return this.local.sim;
  }

  /** Nodes whose workers ran ahead of the kernel in a lookahead window. */
  get nodesAhead(): readonly string[] {
    return this.prefetch.nodesAhead();
  }

  /** The workers, as the async runners use them: each request goes to its node's current worker. */
  private readonly nodes: WindowedNodes = {
    step: async (request: StepRequest): Promise<StepResult> => {
      const node = this.sim.world.nodes[request.node];
      if (node === undefined) return { ok: false, error: `no node "${request.node}" in this run` };
      // A node restarted inside this batch has a new incarnation: remoteFor gives it a new worker.
      return (await this.fleet.remoteFor(request.node, node.incarnation)).step(request);
    },
    // The window names the incarnation it was planned for.
    runWindow: async (window) => (await this.fleet.remoteFor(window.node, window.incarnation)).stepWindow(window),
  };

  /** Runs to `limits.untilMs` (or a violation, `maxItems`, `shouldStop`), matching the workers to the world after every batch. */
  async run(limits: AsyncRunLimits): Promise<AsyncOutcome> {
    const stop = limits.shouldStop;
    const matching: AsyncRunLimits = {
      ...limits,
      shouldStop: () => {
        this.fleet.match(this.sim.world);
        return stop?.() === true;
      },
    };
    try {
      if (this.stepping === 'batches') return await runBatchesAsync(this.sim, this.nodes.step, matching);
      return await runWindowsAsync(this.sim, this.nodes, this.prefetch, matching);
    } finally {
      this.fleet.match(this.sim.world);
    }
  }

  /** Applies one scheduled item (with the others of its batch), past a halt. */
  step(): Promise<AsyncOutcome> {
    this.sim.clearHalt();
    return this.run({ untilMs: Infinity, maxItems: 1 });
  }

  /** Adds an action now and finishes this instant, which applies it, so it shows at once. */
  async act(action: LiveAction): Promise<void> {
    this.sim.clearHalt();
    await this.fleet.reset(this.sim.world, this.prefetch.drop());
    this.sim.addAction(action);
    await this.run({ untilMs: this.sim.now });
  }

  /**
   * Rewinds the kernel to the latest checkpoint at or before `t`, replays in-process to `t` (past
   * violations: they were reported when the run first passed them) and hands every worker its
   * node's state. `onRewound` runs between the rewind and the replay.
   */
  async seek(t: number, onRewound: () => void = () => {}): Promise<void> {
    if (!this.sim.rewindTo(Math.max(0, t))) throw new Error('this run keeps no checkpoints');
    this.prefetch.drop();
    onRewound();
    while (runUntil(this.sim, this.local.stepper, t) === 'halted') this.sim.clearHalt();
    await this.fleet.reset(this.sim.world);
  }

  /** Terminates every worker. */
  close(): void {
    this.fleet.killAll();
  }
}
