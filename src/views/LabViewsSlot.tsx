/** The lab page's slot for the lab's own pictures (lab.panels): each in its own panel, loaded lazily. */
import { Suspense, useMemo, type ComponentType } from 'react';
import type { LabDefinition } from '../labs/contract/lab';
import type { PanelOf, PictureInput, PictureKind } from '../labs/contract/pictures';
import type { Frame } from '../runtime/frame';
import type { Params } from '../sim/params';
import { useAppStore } from '../store/appStore';
import { PICTURES } from './pictures';
import type { PictureProps } from './pictureProps';

interface BodyProps<K extends PictureKind> {
  readonly panel: PanelOf<K>;
  readonly lab: LabDefinition;
  readonly frame: Frame;
  readonly params: Params | null;
}

function PanelBody<K extends PictureKind>({ panel, lab, frame, params }: BodyProps<K>) {
  const events = useAppStore((s) => s.events);
  const model = useMemo(() => {
    const input: PictureInput = { frame, events, params };
    return panel.model(input);
  }, [panel, frame, events, params]);
  const Picture: ComponentType<PictureProps<K>> = PICTURES[panel.picture];
  return <Picture model={model} lab={lab} />;
}

export function LabViewsSlot({ lab, params = null }: { readonly lab: LabDefinition; readonly params?: Params | null }) {
  const frame = useAppStore((s) => s.frame);
  const panels = lab.panels ?? [];
  if (panels.length === 0) return null;
  return (
    <>
      {panels.map((panel) => (
        <section key={panel.id} className="panel lab-view" aria-labelledby={`${panel.id}-title`} data-testid={panel.id}>
          <div className="panel-head">
            <h2 id={`${panel.id}-title`}>{panel.title}</h2>
          </div>
          {frame === null ? (
            <p className="muted">Waiting for the run…</p>
          ) : (
            <Suspense fallback={<p className="muted">Loading…</p>}>
              <PanelBody panel={panel} lab={lab} frame={frame} params={params} />
            </Suspense>
          )}
        </section>
      ))}
    </>
  );
}
