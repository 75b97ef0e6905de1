import type { Scenario } from '../../sim/lab';

export const raftScenarios: readonly Scenario[] = [];
