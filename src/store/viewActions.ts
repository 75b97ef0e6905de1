/** Plain functions that write the view slice. */
import { appStore } from './appStore';
import type { PanelId, Selection, ThemeChoice } from './viewSlice';

export function selectNode(id: string): void {
  appStore.setState({ selection: { kind: 'node', id } });
}

/** Selects the link between two nodes; `order` is the lab's node order, so a link has one name. */
export function selectLink(x: string, y: string, order: readonly string[]): void {
  const [a, b] = order.indexOf(x) <= order.indexOf(y) ? [x, y] : [y, x];
  appStore.setState({ selection: { kind: 'link', a, b } });
}

export function clearSelection(): void {
  appStore.setState({ selection: null });
}

export function isSelected(selection: Selection | null, target: Selection): boolean {
  if (selection === null || selection.kind !== target.kind) return false;
  if (selection.kind === 'node' && target.kind === 'node') return selection.id === target.id;
  return selection.kind === 'link' && target.kind === 'link' && selection.a === target.a && selection.b === target.b;
}

export function setTheme(theme: ThemeChoice): void {
  appStore.setState({ theme });
}

export function setCursor(t: number | null): void {
  appStore.setState({ cursorT: t });
}

export function togglePanel(panel: PanelId): void {
  appStore.setState((s) => ({ panels: { ...s.panels, [panel]: !s.panels[panel] } }));
}
