/** Scripted actions the traffic labs' scenarios use. */
import type { Action } from '../../sim/actions';
import type { JsonObject } from '../../sim/json';

export const command = (at: number, node: string, cmd: JsonObject): Action => ({ at, kind: 'command', node, cmd });
export const burst = (at: number, node: string, count: number): Action => command(at, node, { op: 'burst', count });
export const outage = (at: number, on: boolean): Action => command(at, 'backend', { op: 'outage', on });
export const slow = (at: number, on: boolean): Action => command(at, 'backend', { op: 'slow', on });
export const errorRate = (at: number, value: number): Action => command(at, 'backend', { op: 'errorRate', value });
