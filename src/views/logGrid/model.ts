/** The view model of a log grid: one row per node, one cell per index that node holds. */

export interface GridCell {
  readonly index: number;
  /** The term (Raft) or ballot round (Multi-Paxos) that picks the fill. */
  readonly colorKey: number;
  /** What the cell shows: the term, or a short value. */
  readonly text: string;
  /** Committed (Raft) or known chosen (Multi-Paxos) at this node. */
  readonly committed: boolean;
  /** Held by a majority of nodes. */
  readonly onMajority: boolean;
  /** The accessible name, e.g. "n2 index 7 term 3 committed". */
  readonly label: string;
}

export interface GridRow {
  readonly id: string;
  /** Role or state shown beside the id, e.g. "leader" or "down". */
  readonly role: string;
  readonly leader: boolean;
  readonly down: boolean;
  /** The highest committed and applied index (0 or below when none). */
  readonly commitIndex: number;
  readonly appliedIndex: number;
  /** By index. */
  readonly cells: ReadonlyMap<number, GridCell>;
  readonly label: string;
}

export interface GridModel {
  readonly rows: readonly GridRow[];
  /** The first index a log can have (1 in Raft, slot 0 in Multi-Paxos) and the highest held. */
  readonly lo: number;
  readonly hi: number;
  /** "index" or "slot". */
  readonly indexName: string;
  /** "term" or "ballot round", the meaning of the colours. */
  readonly colorName: string;
  /** The colour keys present, ascending, for the legend. */
  readonly colorKeys: readonly number[];
}
