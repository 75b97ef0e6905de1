/** Short ways to write a scenario's actions. */
import type { Action } from '../../../sim/actions';

export const timeout = (at: number, node: string): Action => ({ at, kind: 'command', node, cmd: { op: 'timeout' } });
export const put = (at: number, node: string, key: string, value: string): Action => ({ at, kind: 'command', node, cmd: { op: 'put', key, value } });
export const get = (at: number, node: string, key: string): Action => ({ at, kind: 'command', node, cmd: { op: 'get', key } });
export const crash = (at: number, node: string): Action => ({ at, kind: 'crash', node });
export const restart = (at: number, node: string): Action => ({ at, kind: 'restart', node });
export const isolate = (at: number, node: string): Action => ({ at, kind: 'isolate', node });
export const healAll = (at: number): Action => ({ at, kind: 'healAll' });
export const cut = (at: number, from: string, to: string, oneWay = false): Action => ({ at, kind: 'cut', from, to, oneWay });
export const split = (at: number, ...groups: string[][]): Action => ({ at, kind: 'split', groups });
export const bridge = (at: number, node: string): Action => ({ at, kind: 'bridge', node });
