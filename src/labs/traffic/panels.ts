/** The traffic labs' panels: each gate's decisions over time, and what each kind of gate holds. */
import type { LabPanel } from '../contract/pictures';
import { breakerPicture } from './breakerChartModel';
import { gateSeries } from './decisionsModel';
import { degradationGauges } from './gaugesModel';
import { poolModel } from './poolModel';
import { windowRows } from './windowContentsModel';

export const DECISIONS_PANEL: LabPanel = { id: 'traffic-decisions', title: 'Decisions over time', picture: 'gate-decisions', model: ({ frame }) => gateSeries(frame.nodes) };

export const WINDOW_CONTENTS_PANEL: LabPanel = { id: 'window-contents', title: 'Window contents', picture: 'window-contents', model: ({ frame }) => windowRows(frame.nodes) };

export const BREAKER_PANEL: LabPanel = { id: 'breaker-chart', title: 'Breaker statechart', picture: 'breaker-chart', model: breakerPicture };

export const DEGRADATION_PANEL: LabPanel = {
  id: 'degradation-gauges',
  title: 'Degradation',
  picture: 'degradation-gauges',
  model: ({ frame }) => frame.nodes.flatMap((n) => degradationGauges(n) ?? []),
};

export const POOL_PANEL: LabPanel = { id: 'pool-lanes', title: 'Queue and workers', picture: 'pool-lanes', model: ({ frame }) => frame.nodes.flatMap((n) => poolModel(n) ?? []) };
