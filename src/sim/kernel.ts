/** What the parts of the simulation (network, faults) may use of the running simulation. */
import type { EventBody } from './trace';
import type { Unscheduled, World } from './world';

export interface Kernel {
  readonly world: World;
  readonly seed: number;
  /** Appends an event to the trace at the current virtual time. */
  emit(body: EventBody): void;
  /** Queues an item; it gets the next sequence number. */
  schedule(item: Unscheduled): void;
}
