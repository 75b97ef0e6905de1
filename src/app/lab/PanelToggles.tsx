/** Buttons that show or hide the lab page's panels, for a screen (or a slide) with less room. */
import { useAppStore } from '../../store/appStore';
import { togglePanel } from '../../store/viewActions';
import type { PanelId } from '../../store/viewSlice';

const PANELS: readonly { readonly id: PanelId; readonly label: string }[] = [
  { id: 'invariants', label: 'Invariants' },
  { id: 'settings', label: 'Settings' },
  { id: 'timeline', label: 'Timeline' },
  { id: 'log', label: 'Event log' },
];

export function PanelToggles() {
  const panels = useAppStore((s) => s.panels);
  return (
    <div className="button-row tight panel-toggles" role="group" aria-label="Show panels">
      <span className="muted small" aria-hidden="true">
        Show
      </span>
      {PANELS.map((p) => (
        <button key={p.id} type="button" className="toggle" aria-pressed={panels[p.id]} onClick={() => togglePanel(p.id)}>
          {p.label}
        </button>
      ))}
    </div>
  );
}
