/**
 * One run on screen: the playback machine, the bridge from the controller to the store, the URL
 * kept in step, and the lab page's layout (controls, cluster, inspector, invariants, settings,
 * timeline, event log). Each panel has its own error boundary.
 */
import { useActorRef, useSelector } from '@xstate/react';
import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import type { RunController } from '../../runtime/browser/controller';
import { useAppStore } from '../../store/appStore';
import { playbackMachine } from '../../store/playbackMachine';
import { clearRun } from '../../store/runActions';
import { tellsScenario, type Route } from '../../store/url';
import { ClusterLegend } from '../../views/cluster/ClusterLegend';
import { ClusterView } from '../../views/cluster/ClusterView';
import { EventLog } from '../../views/panels/EventLog';
import { LabViewsSlot } from '../../views/LabViewsSlot';
import { InvariantsPanel } from '../../views/panels/InvariantsPanel';
import { NarrationPanel } from '../../views/panels/NarrationPanel';
import { Timeline } from '../../views/timeline/Timeline';
import { ControlBar } from '../controls/ControlBar';
import { ErrorBoundary } from '../shell/ErrorBoundary';
import { RunContext, type RunContextValue } from './runContext';
import { InspectorPanel } from './InspectorPanel';
import { SettingsPanel } from './SettingsPanel';
import { PictureButton } from './PictureButton';
import { TraceButtons } from './TraceButtons';
import { useRunBridge } from './useRunBridge';
import { useShortcuts } from './useShortcuts';
import { useUrlSync } from './useUrlSync';

interface Props {
  readonly controller: RunController;
  readonly route: Extract<Route, { kind: 'lab' }>;
}

function Guarded({ what, children }: { readonly what: string; readonly children: ReactNode }) {
  return <ErrorBoundary what={what}>{children}</ErrorBoundary>;
}

/** One cell of the lab grid (see lab.css for where each goes), with its own error boundary. */
function Area({ name, shown, what, children }: { readonly name: string; readonly shown: boolean; readonly what: string; readonly children: ReactNode }) {
  if (!shown) return null;
  return (
    <div className={`grid-area area-${name}`}>
      <Guarded what={what}>{children}</Guarded>
    </div>
  );
}

export function RunSession({ controller, route }: Props) {
  const lab = route.lab;
  const machine = useMemo(() => playbackMachine.provide({ actions: { clearRunView: () => clearRun() } }), []);
  const actor = useActorRef(machine, { input: { controller } });
  const failure = useSelector(actor, (s) => (s.value === 'error' ? s.context.error : null));
  const inspectorHeading = useRef<HTMLHeadingElement>(null);
  const grid = useRef<HTMLDivElement>(null);
  const panels = useAppStore((s) => s.panels);
  const context = useMemo<RunContextValue>(() => ({ lab, controller, actor }), [lab, controller, actor]);

  useRunBridge(controller, actor);
  const spec = useSelector(actor, (s) => s.context.spec);
  const story = route.scenario !== null && spec !== null && tellsScenario(lab, route.scenario, spec) ? route.scenario : null;
  useUrlSync(lab, actor, story?.id ?? null);
  useShortcuts(actor);
  useEffect(() => {
    actor.send({ type: 'LOAD', spec: route.spec, t: route.t });
  }, [actor, route]);

  const seek = (t: number) => actor.send({ type: 'SEEK', t });
  const hasLabViews = (lab.panels ?? []).length > 0;
  return (
    <RunContext.Provider value={context}>
      <main className="lab-page" id="main">
        <div className="lab-title-row">
          <div>
            <h1>{lab.title}</h1>
            <p className="lab-summary">{lab.summary}</p>
          </div>
          <div className="lab-title-actions button-row">
            <PictureButton target={grid} />
            <TraceButtons />
          </div>
        </div>
        <ControlBar />
        {story !== null && (
          <Guarded what="the scenario's narration">
            <NarrationPanel scenario={story} onSeek={seek} />
          </Guarded>
        )}
        {failure !== null && (
          <div className="boundary-error" role="alert">
            <p>
              <strong>The run could not start:</strong> {failure}
            </p>
            <a href={`#/${lab.id}`}>Open {lab.title} with its defaults</a>
          </div>
        )}
        <div ref={grid} className={hasLabViews ? 'lab-grid has-lab-views' : 'lab-grid'}>
          <section className="panel cluster-panel area-cluster" aria-labelledby="cluster-title">
            <div className="panel-head">
              <h2 id="cluster-title">Cluster</h2>
            </div>
            <Guarded what="the cluster view">
              <ClusterView lab={lab} params={spec?.params ?? null} onChosen={(byKeyboard) => byKeyboard && inspectorHeading.current?.focus()} />
              <ClusterLegend lab={lab} />
            </Guarded>
          </section>
          <Area name="timeline" shown={panels.timeline} what="the timeline">
            <Timeline onSeek={seek} />
          </Area>
          <Area name="inspector" shown what="the inspector">
            <InspectorPanel headingRef={inspectorHeading} />
          </Area>
          <Area name="invariants" shown={panels.invariants} what="the invariants panel">
            <InvariantsPanel onJump={seek} />
          </Area>
          <Area name="labviews" shown={hasLabViews} what="the lab's own views">
            <LabViewsSlot lab={lab} params={spec?.params ?? null} />
          </Area>
          <Area name="settings" shown={panels.settings} what="the settings">
            <SettingsPanel />
          </Area>
          <Area name="log" shown={panels.log} what="the event log">
            <EventLog />
          </Area>
        </div>
      </main>
    </RunContext.Provider>
  );
}
