/** The lock labs' panels: the lock timeline first, then the servers that keep the lock. */
import type { LabPanel } from '../contract/pictures';
import { etcdKeysModel } from './etcdKeysModel';
import { lockTimelinePicture } from './lockTimelineModel';
import { redisKeysModel } from './redisKeysModel';

const lockTimeline: LabPanel = { id: 'lock-timeline', title: 'Lock timeline', picture: 'lock-timeline', model: lockTimelinePicture };

export const REDIS_LOCK_PANELS: readonly LabPanel[] = [lockTimeline, { id: 'redis-keys', title: 'Redis servers', picture: 'redis-keys', model: ({ frame }) => redisKeysModel(frame.nodes) }];

export const ETCD_LOCK_PANELS: readonly LabPanel[] = [lockTimeline, { id: 'etcd-keys', title: 'etcd keys and leases', picture: 'etcd-keys', model: ({ frame }) => etcdKeysModel(frame.nodes) }];
