/**
 * The log grid picture: one row per node, one cell per index (Raft) or slot (Multi-Paxos) that
 * node holds, with the majority arithmetic both labs' models share.
 */

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

/** A log grid with the words that go around it. */
export interface LogGridPicture {
  readonly grid: GridModel;
  /** Said to screen readers: what the rows, columns and colours are. */
  readonly caption: string;
  /** "committed" (Raft) or "chosen" (Multi-Paxos): what a solid cell means. */
  readonly committedWord: string;
}

/** Nodes needed for a majority of `n`. */
export function majority(n: number): number {
  return Math.floor(n / 2) + 1;
}

/**
 * Per index (1-based), how many logs hold an entry there with the same term as `log`'s entry.
 * By the log matching property, the same index and term means the same entry and prefix.
 */
export function holdersByIndex(log: readonly { readonly term: number }[], logs: readonly (readonly { readonly term: number }[])[]): number[] {
  return log.map((entry, i) => logs.filter((other) => other[i]?.term === entry.term).length);
}

declare module '../contract/pictures' {
  interface PictureModels {
    'log-grid': LogGridPicture;
  }
}
