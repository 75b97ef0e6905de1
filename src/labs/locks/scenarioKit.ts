/** Small builders the lock labs' scenarios share. */
import type { Action } from '../../sim/actions';

export const acquire = (at: number, node: string): Action => ({ at, kind: 'command', node, cmd: { op: 'acquire' } });
export const release = (at: number, node: string): Action => ({ at, kind: 'command', node, cmd: { op: 'release' } });
export const pause = (at: number, node: string, ms: number): Action => ({ at, kind: 'pause', node, ms });
export const cut = (at: number, from: string, to: string): Action => ({ at, kind: 'cut', from, to, oneWay: false });
export const heal = (at: number, from: string, to: string): Action => ({ at, kind: 'heal', from, to });
export const tryLock = (at: number, node: string): Action => ({ at, kind: 'command', node, cmd: { op: 'trylock' } });
export const crash = (at: number, node: string): Action => ({ at, kind: 'crash', node });
export const restart = (at: number, node: string): Action => ({ at, kind: 'restart', node });
export const skew = (at: number, node: string, ms: number): Action => ({ at, kind: 'skew', node, ms });
