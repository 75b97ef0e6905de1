/**
 * The scheduler's node workers, one per live node. A crashed node's worker is terminated for
 * real; a restarted node gets a new worker that knows nothing but what the kernel hands it (its
 * persisted data, in its start input). Workers are matched to a node's incarnation, so a crash
 * and restart at the same instant still replaces the worker.
 */
import type { Simulation } from '../../sim/simulation';
import { RemoteNode, type Channel } from '../remoteNode';
import { identitiesOf, type NodeIdentity } from '../stepNode';

/** Creates and destroys real workers: in the browser the main thread owns them. */
export interface NodeSpawner {
  spawn(node: string): Promise<Channel>;
  kill(node: string): void;
}

interface Live {
  readonly remote: RemoteNode;
  readonly incarnation: number;
}

export class NodeFleet {
  private readonly live = new Map<string, Promise<Live>>();
  private identities = new Map<string, NodeIdentity>();

  constructor(
    private readonly spawner: NodeSpawner,
    private readonly lab: string,
  ) {}

  configure(sim: Simulation): void {
    this.identities = new Map(identitiesOf(sim.model.nodes, sim.spec.variant, sim.spec.params).map((i) => [i.id, i]));
  }

  get size(): number {
    return this.live.size;
  }

  private async create(node: string, incarnation: number): Promise<Live> {
    const identity = this.identities.get(node);
    if (identity === undefined) throw new Error(`no node "${node}" in this run`);
    const remote = new RemoteNode(node, await this.spawner.spawn(node));
    await remote.init(this.lab, identity);
    return { remote, incarnation };
  }

  /** The worker of `node` in its current incarnation, created if needed. */
  async remoteFor(node: string, incarnation: number): Promise<RemoteNode> {
    const existing = this.live.get(node);
    if (existing !== undefined) {
      const live = await existing;
      if (live.incarnation === incarnation) return live.remote;
      this.kill(node);
    }
    const created = this.create(node, incarnation);
    this.live.set(node, created);
    return (await created).remote;
  }

  kill(node: string): void {
    const existing = this.live.get(node);
    if (existing === undefined) return;
    this.live.delete(node);
    this.spawner.kill(node);
    void existing.then((l) => l.remote.abandon(`${node}'s worker was terminated`));
  }

  /** Terminates the workers of nodes that are down. */
  reapDown(sim: Simulation): void {
    for (const node of [...this.live.keys()]) {
      if (sim.world.nodes[node]?.status === 'down') this.kill(node);
    }
  }

  /** After a seek: every live node's worker holds exactly the kernel's state for it. */
  async syncAll(sim: Simulation): Promise<void> {
    this.reapDown(sim);
    const jobs = sim.world.order.map(async (id) => {
      const n = sim.world.nodes[id];
      if (n === undefined || n.status === 'down') return;
      const remote = await this.remoteFor(id, n.incarnation);
      await remote.setState(n.state);
    });
    await Promise.all(jobs);
  }

  killAll(): void {
    for (const node of [...this.live.keys()]) this.kill(node);
  }
}
