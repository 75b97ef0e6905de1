/** The view slice: what the person looks at (selection, theme, scrub cursor, open panels). */

export type Selection =
  | { readonly kind: 'node'; readonly id: string }
  /** An unordered pair of nodes; `a` comes first in the lab's node order. */
  | { readonly kind: 'link'; readonly a: string; readonly b: string };

/** `system` follows prefers-color-scheme. */
export type ThemeChoice = 'system' | 'light' | 'dark';

export type PanelId = 'timeline' | 'log' | 'invariants' | 'settings';

export interface ViewSlice {
  readonly selection: Selection | null;
  readonly theme: ThemeChoice;
  /** The virtual time under the timeline cursor while the person drags it; null otherwise. */
  readonly cursorT: number | null;
  readonly panels: Readonly<Record<PanelId, boolean>>;
}

export const initialViewSlice: ViewSlice = {
  selection: null,
  theme: 'system',
  cursorT: null,
  panels: { timeline: true, log: true, invariants: true, settings: true },
};
