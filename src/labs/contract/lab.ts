/**
 * What a lab is: everything the page, the workers and the CLI know of one mechanism, declared in
 * its own folder under src/labs. The part a host needs to run it is `RunnableLab`; the rest is for
 * people: scenarios and their narration, the buttons on its nodes, how its nodes look, its place
 * on the landing page, and the pictures and node decorations drawn from its frames.
 */
import type { RunnableLab } from '../../runtime/runnableLab';
import type { NodeView } from '../../sim/checker';
import type { LabFaults } from '../../sim/labFaults';
import type { Params } from '../../sim/params';
import type { NodeCommand } from './commands';
import type { NodeDecorator } from './decoration';
import type { NodeLook } from './look';
import type { NetworkPreset } from './network';
import type { LabPanel } from './pictures';
import type { Scenario } from './scenario';

/** The landing page's sections, from the seed article's three areas (their titles: src/labs/areas.ts). */
export type AreaId = 'consensus' | 'locks' | 'traffic';

export interface LabDefinition<Id extends string = string> extends RunnableLab {
  readonly id: Id;
  readonly title: string;
  /** One line for the landing page: what this lab shows. */
  readonly summary: string;
  /** The landing page's section; absent (test fixtures): listed last, under "More". */
  readonly area?: AreaId;
  /** The roles `look` can return, in legend order. */
  readonly roles: readonly string[];
  readonly scenarios: readonly Scenario[];
  readonly commands: readonly NodeCommand[];
  look(node: NodeView): NodeLook;
  /**
   * The network presets that mean something for this lab's topology. Splitting a majority from a
   * minority and bridging two halves through one node are about a group that votes; clients in
   * front of one gate have no majority. Absent: all of them.
   */
  readonly networkPresets?: readonly NetworkPreset[];
  /**
   * The faults a fuzzer should add for this lab on top of the common ones, because they are what
   * its mechanism is there to survive (a lock lab: pauses longer than the TTL, clock jumps on its
   * servers, slow links to the storage). Absent: the common ones only.
   */
  readonly faults?: (params: Params) => LabFaults;
  /** The lab's own pictures beside the shared views, its signature picture first. Absent: none. */
  readonly panels?: readonly LabPanel[];
  /** What the lab adds to a node in the cluster view (a timer arc, a line of text). Absent: nothing. */
  readonly decorate?: NodeDecorator;
}

/** A lab the product ships: it always has its place on the landing page. */
export interface ProductLab<Id extends string = string> extends LabDefinition<Id> {
  readonly area: AreaId;
}
