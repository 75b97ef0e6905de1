/**
 * The node workers of a remote run, one per live node. A crashed node's worker is terminated for
 * real; a restarted node gets a new worker that knows nothing but what the kernel hands it (its
 * persisted data, in its start input). Workers are matched to a node's incarnation, so a crash
 * and restart at the same instant still replaces the worker.
 */
import type { World } from '../../sim/world';
import { RemoteNode, type Channel } from '../remoteNode';
import type { NodeIdentity } from '../stepNode';

/** Creates and destroys real workers: in the browser the main thread owns them. */
export interface NodeSpawner {
  spawn(node: string): Promise<Channel>;
  kill(node: string): void;
}

interface Live {
  readonly incarnation: number;
  readonly remote: Promise<RemoteNode>;
}

export class NodeFleet {
  private readonly live = new Map<string, Live>();
  private readonly identities: ReadonlyMap<string, NodeIdentity>;

  constructor(
    private readonly spawner: NodeSpawner,
    private readonly lab: string,
    identities: readonly NodeIdentity[],
  ) {
    this.identities = new Map(identities.map((i) => [i.id, i]));
  }

  private async create(node: string): Promise<RemoteNode> {
    const identity = this.identities.get(node);
    if (identity === undefined) throw new Error(`no node "${node}" in this run`);
    const remote = new RemoteNode(node, await this.spawner.spawn(node));
    await remote.init(this.lab, identity);
    return remote;
  }

  /** The worker of `node` in its current incarnation, created if needed. */
  remoteFor(node: string, incarnation: number): Promise<RemoteNode> {
    const existing = this.live.get(node);
    if (existing !== undefined) {
      if (existing.incarnation === incarnation) return existing.remote;
      this.kill(node);
    }
    const remote = this.create(node);
    this.live.set(node, { incarnation, remote });
    return remote;
  }

  /** Terminates the workers the world no longer has: of a node that is down, or of its earlier life. */
  match(world: World): void {
    for (const [id, { incarnation }] of this.live) {
      const node = world.nodes[id];
      if (node === undefined || node.status === 'down' || node.incarnation !== incarnation) this.kill(id);
    }
  }

  /** Starts the worker of every node among `nodes` that is not down and has none. */
  async start(world: World, nodes: readonly string[] = world.order): Promise<void> {
    await Promise.all(nodes.map((id) => this.remoteOf(world, id)));
  }

  /**
   * Hands each of `nodes` that is not down the kernel's state for it, in the worker of its
   * current incarnation (started if needed), after terminating the workers the world no longer has.
   */
  async reset(world: World, nodes: readonly string[] = world.order): Promise<void> {
    this.match(world);
    await Promise.all(nodes.map(async (id) => (await this.remoteOf(world, id))?.setState(world.nodes[id]?.state)));
  }

  private async remoteOf(world: World, id: string): Promise<RemoteNode | undefined> {
    const node = world.nodes[id];
    return node === undefined || node.status === 'down' ? undefined : this.remoteFor(id, node.incarnation);
  }

  kill(node: string): void {
    const existing = this.live.get(node);
    if (existing === undefined) return;
    this.live.delete(node);
    this.spawner.kill(node);
    existing.remote.then(
      (remote) => remote.abandon(`${node}'s worker was terminated`),
      () => {},
    );
  }

  killAll(): void {
    for (const node of [...this.live.keys()]) this.kill(node);
  }
}
