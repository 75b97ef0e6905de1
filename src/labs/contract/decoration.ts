/** What a lab adds to a node in the cluster view: a timer arc and an extra label line. */
import type { Frame, NodeFrame } from '../../runtime/frame';
import type { Params } from '../../sim/params';

export interface NodeDecoration {
  /** The fraction (0..1) of a timer still to run, drawn as an arc around the node; null: none. */
  readonly arc: number | null;
  /** An extra label line, e.g. "votes 2/3"; null: none. */
  readonly line: string | null;
  /** Said in the node's tooltip. */
  readonly description: string;
}

/** `params` are the run's parameters (null before a run is loaded). */
export type NodeDecorator = (node: NodeFrame, frame: Frame, params: Params | null) => NodeDecoration | null;
