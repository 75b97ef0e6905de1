/** The lab page's slot for per-lab panels (labViews.ts): each in its own panel, loaded lazily. */
import { Suspense } from 'react';
import type { LabDefinition } from '../labs/contract/lab';
import { useAppStore } from '../store/appStore';
import { labPanels } from './labViews';

export function LabViewsSlot({ lab }: { readonly lab: LabDefinition }) {
  const frame = useAppStore((s) => s.frame);
  const panels = labPanels(lab.id);
  if (panels.length === 0) return null;
  return (
    <>
      {panels.map(({ id, title, Panel }) => (
        <section key={id} className="panel lab-view" aria-labelledby={`${id}-title`} data-testid={id}>
          <div className="panel-head">
            <h2 id={`${id}-title`}>{title}</h2>
          </div>
          {frame === null ? (
            <p className="muted">Waiting for the run…</p>
          ) : (
            <Suspense fallback={<p className="muted">Loading…</p>}>
              <Panel frame={frame} lab={lab} />
            </Suspense>
          )}
        </section>
      ))}
    </>
  );
}
