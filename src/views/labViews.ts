/**
 * Per-lab views: the extra panels each lab adds to its page, by lab id. The panels are loaded
 * lazily, so a lab's views cost nothing until that lab is opened. Labs stay free of React: the
 * views layer knows the labs by id, never the other way round.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Frame, NodeFrame } from '../runtime/frame';
import type { LabDefinition } from '../labs/contract/lab';
import type { Params } from '../sim/params';
import { lockDecoration } from './locks/lockDecoration';
import { raftDecoration } from './raft/raftDecoration';

export interface LabPanelProps {
  readonly frame: Frame;
  readonly lab: LabDefinition;
}

export interface LabPanel {
  /** Unique within the lab; also the panel's DOM id stem. */
  readonly id: string;
  readonly title: string;
  readonly Panel: LazyExoticComponent<ComponentType<LabPanelProps>>;
}

const raftLog: LabPanel = { id: 'raft-log', title: 'Logs', Panel: lazy(() => import('./raft/RaftLogPanel')) };
const paxosState: LabPanel = { id: 'paxos-state', title: 'Paxos state', Panel: lazy(() => import('./paxos/PaxosStatePanel')) };
const slotLog: LabPanel = { id: 'slot-log', title: 'Slot log', Panel: lazy(() => import('./paxos/SlotLogPanel')) };
const lockTimeline: LabPanel = { id: 'lock-timeline', title: 'Lock timeline', Panel: lazy(() => import('./locks/LockTimelinePanel')) };
const redisKeys: LabPanel = { id: 'redis-keys', title: 'Redis servers', Panel: lazy(() => import('./locks/RedisKeysPanel')) };
const etcdKeys: LabPanel = { id: 'etcd-keys', title: 'etcd keys and leases', Panel: lazy(() => import('./locks/EtcdKeysPanel')) };
const trafficDecisions: LabPanel = { id: 'traffic-decisions', title: 'Decisions over time', Panel: lazy(() => import('./traffic/DecisionsPanel')) };
const windowContents: LabPanel = { id: 'window-contents', title: 'Window contents', Panel: lazy(() => import('./traffic/WindowContentsPanel')) };
const breakerChart: LabPanel = { id: 'breaker-chart', title: 'Breaker statechart', Panel: lazy(() => import('./traffic/BreakerChartPanel')) };
const degradationGauges: LabPanel = { id: 'degradation-gauges', title: 'Degradation', Panel: lazy(() => import('./traffic/DegradationPanel')) };
const poolLanes: LabPanel = { id: 'pool-lanes', title: 'Queue and workers', Panel: lazy(() => import('./traffic/PoolPanel')) };

/** Lab ids as in src/labs (raftLab.id, paxosLab.id, multiPaxosLab.id, redisLockLab.id, redlockLab.id, etcdMutexLab.id, etcdTxnLockLab.id). */
const LAB_VIEWS: Readonly<Record<string, readonly LabPanel[]>> = {
  raft: [raftLog],
  paxos: [paxosState],
  'multi-paxos': [slotLog, paxosState],
  'redis-lock': [lockTimeline, redisKeys],
  redlock: [lockTimeline, redisKeys],
  'etcd-mutex': [lockTimeline, etcdKeys],
  'etcd-txn-lock': [lockTimeline, etcdKeys],
  'token-bucket': [trafficDecisions],
  'sliding-window': [windowContents, trafficDecisions],
  'circuit-breaker': [breakerChart, trafficDecisions],
  degradation: [degradationGauges, trafficDecisions],
  'worker-pool': [poolLanes],
};

export function labPanels(labId: string): readonly LabPanel[] {
  return LAB_VIEWS[labId] ?? [];
}

/** What a lab adds to a node in the cluster view. */
export interface NodeDecoration {
  /** The fraction (0..1) of a timer still to run, drawn as an arc around the node; null: none. */
  readonly arc: number | null;
  /** An extra label line, e.g. "votes 2/3"; null: none. */
  readonly line: string | null;
  /** Said in the node's tooltip. */
  readonly description: string;
}

/** `params` are the run's parameters (null before a run is loaded). */
export type NodeDecorator = (node: NodeFrame, frame: Frame, lab: LabDefinition, params: Params | null) => NodeDecoration | null;

/** A number parameter of the run, or its default before the run is known. */
function numberParam(lab: LabDefinition, params: Params | null, name: string): number {
  const given = params?.[name];
  if (typeof given === 'number') return given;
  const p = lab.params.find((x) => x.name === name);
  return p !== undefined && typeof p.default === 'number' ? p.default : 0;
}

const NODE_DECORATORS: Readonly<Record<string, NodeDecorator>> = {
  raft: (node, frame, lab, params) => raftDecoration(node, frame.now, frame.nodes.length, numberParam(lab, params, 'electionTimeoutMsMax')),
  'redis-lock': (node) => lockDecoration(node),
  redlock: (node) => lockDecoration(node),
  'etcd-mutex': (node) => lockDecoration(node),
  'etcd-txn-lock': (node) => lockDecoration(node),
};

export function nodeDecorator(labId: string): NodeDecorator | null {
  return NODE_DECORATORS[labId] ?? null;
}
