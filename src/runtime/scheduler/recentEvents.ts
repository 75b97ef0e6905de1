/**
 * The recent events the page may draw, bounded: a run of an hour at full speed keeps only the
 * latest `capacity` events here (the full trace can always be rebuilt from the run's spec).
 */
import type { TraceEvent } from '../../sim/trace';

export class RecentEvents {
  private items: TraceEvent[] = [];
  /** Events added since the last `takeNew`, bounded the same way. */
  private fresh: TraceEvent[] = [];

  constructor(private readonly capacity: number) {}

  add(event: TraceEvent): void {
    this.items.push(event);
    this.fresh.push(event);
    // Trim in chunks so adding stays O(1) amortised.
    if (this.items.length > this.capacity * 1.5) this.items = this.items.slice(-this.capacity);
    if (this.fresh.length > this.capacity * 1.5) this.fresh = this.fresh.slice(-this.capacity);
  }

  takeNew(): TraceEvent[] {
    const out = this.fresh.length > this.capacity ? this.fresh.slice(-this.capacity) : this.fresh;
    this.fresh = [];
    return out;
  }

  all(): TraceEvent[] {
    return this.items.length > this.capacity ? this.items.slice(-this.capacity) : [...this.items];
  }

  /** Forgets events after `seq` (a seek went back before them). */
  truncateAfter(seq: number): void {
    this.items = this.items.filter((e) => e.seq <= seq);
    this.fresh = [];
  }
}
