/** Driving the etcd lab's nodes by hand: the server with a clock the test moves, and request helpers. */
import type { Effect } from '../../src/sim/node';
import { etcdProtocol } from '../../src/protocols/etcd/server';
import type { EtcdRequest, EtcdResponse, EtcdState } from '../../src/protocols/etcd/types';
import { Clocked } from '../locks/harness';
import { ctxFor, sends, type CtxOptions } from '../paxos/stepHarness';

export function etcdServer(options: CtxOptions = {}): Clocked<EtcdState> {
  const node = new Clocked<EtcdState>(etcdProtocol.step, ctxFor({ id: 'etcd', peers: ['c1', 'c2', 'storage'], ...options }));
  node.start();
  return node;
}

let nextRid = 1;

/** Sends one request from `from` and returns the reply it got at once (null: none, e.g. a watch that waits). */
export function ask(server: Clocked<EtcdState>, from: string, req: EtcdRequest): EtcdResponse | null {
  const rid = nextRid++;
  const fx = server.msg(from, { type: 'etcd', rid, req });
  const reply = repliesIn(fx).find((r) => r.to === from && r.rid === rid);
  return reply?.res ?? null;
}

export function repliesIn(fx: readonly Effect[]): { to: string; rid: number; res: EtcdResponse }[] {
  return sends(fx)
    .filter((s) => s.msg['type'] === 'etcd-reply')
    .map((s) => ({ to: s.to, rid: s.msg['rid'] as number, res: s.msg['res'] as unknown as EtcdResponse }));
}

/** Put `key` if it does not exist (Version = 0), attached to `lease`. */
export const putIfAbsent = (key: string, value: string, lease: number): EtcdRequest => ({
  op: 'txn',
  compare: [{ key, target: 'version', op: '=', value: 0 }],
  success: [{ op: 'put', key, value, lease }],
  failure: [{ op: 'get', key }],
});
