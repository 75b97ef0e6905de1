/**
 * The pictures the views can draw, one component per kind of picture a lab may declare
 * (src/labs/contract/pictures.ts). Each is loaded lazily, so a lab's pictures cost nothing until
 * the lab is opened. A lab says which pictures it shows and computes their models; the components
 * draw models and never read a protocol's state.
 */
import { lazy, type ComponentType } from 'react';
import type { PictureKind } from '../labs/contract/pictures';
import type { PictureProps } from './pictureProps';

type Pictures = { readonly [K in PictureKind]: ComponentType<PictureProps<K>> };

export const PICTURES: Pictures = {
  'log-grid': lazy(() => import('./logGrid/LogGridPanel')),
  'paxos-state': lazy(() => import('./paxos/PaxosStatePanel')),
  'lock-timeline': lazy(() => import('./locks/LockTimelinePanel')),
  'redis-keys': lazy(() => import('./locks/RedisKeysPanel')),
  'etcd-keys': lazy(() => import('./locks/EtcdKeysPanel')),
  'gate-decisions': lazy(() => import('./traffic/DecisionsPanel')),
  'window-contents': lazy(() => import('./traffic/WindowContentsPanel')),
  'breaker-chart': lazy(() => import('./traffic/BreakerChartPanel')),
  'degradation-gauges': lazy(() => import('./traffic/DegradationPanel')),
  'pool-lanes': lazy(() => import('./traffic/PoolPanel')),
};
