/**
 * Checkpoints of the world, taken every `every` applied items, for seeking back in a run. Memory
 * is bounded: when more than `max` are kept, every second one is dropped and the spacing doubles,
 * so a long run keeps checkpoints across its whole length at a coarser grain.
 */
import type { World } from './world';

export class CheckpointStore {
  private readonly kept: World[] = [];
  private spacing: number;

  constructor(
    every: number,
    private readonly max: number,
  ) {
    this.spacing = every;
  }

  get count(): number {
    return this.kept.length;
  }

  /** Whether a world that has applied `itemsApplied` items is due for a checkpoint. */
  due(itemsApplied: number): boolean {
    const last = this.kept[this.kept.length - 1];
    return last === undefined || itemsApplied - last.itemsApplied >= this.spacing;
  }

  add(world: World): void {
    this.kept.push(structuredClone(world));
    if (this.kept.length > this.max) {
      for (let i = this.kept.length - 1; i > 0; i -= 2) this.kept.splice(i, 1);
      this.spacing *= 2;
    }
  }

  /** A copy of the latest checkpoint whose time is at or before `t`. */
  restoreAtOrBefore(t: number): World | undefined {
    for (let i = this.kept.length - 1; i >= 0; i--) {
      const w = this.kept[i] as World;
      if (w.now <= t) return structuredClone(w);
    }
    return undefined;
  }

  /** Forgets checkpoints later than `t`: the run is forking there. */
  dropAfter(t: number): void {
    while (this.kept.length > 0 && (this.kept[this.kept.length - 1] as World).now > t) this.kept.pop();
  }
}
