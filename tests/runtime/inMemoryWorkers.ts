/**
 * Node "workers" that live in this thread and answer asynchronously, as real ones do: every
 * message is copied on the way in and out, and a killed worker never answers again. Each live
 * worker's node state can be read, to hold it next to the kernel's.
 */
import type { FromNode, ToNode } from '../../src/runtime/nodeChannel';
import { NodeEndpoint, type ProtocolLookup } from '../../src/runtime/nodeEndpoint';
import type { Channel } from '../../src/runtime/remoteNode';
import type { NodeSpawner } from '../../src/runtime/scheduler/nodeFleet';
import { fixtureLabs } from '../fixtures';

const lookup: ProtocolLookup = (lab, kind) => fixtureLabs.find((l) => l.id === lab)?.protocols[kind];

export class InMemoryWorkers implements NodeSpawner {
  /** What happened, in order: "spawn n1", "kill n2"... */
  readonly log: string[] = [];
  /** The worker of each node that has one. */
  readonly live = new Map<string, NodeEndpoint>();

  spawn(node: string): Promise<Channel> {
    this.log.push(`spawn ${node}`);
    let listener: (message: FromNode) => void = () => {};
    const endpoint = new NodeEndpoint(lookup, (reply) => queueMicrotask(() => this.live.get(node) === endpoint && listener(structuredClone(reply))));
    this.live.set(node, endpoint);
    return Promise.resolve({
      postMessage: (message: ToNode) => queueMicrotask(() => this.live.get(node) === endpoint && endpoint.receive(structuredClone(message))),
      setListener: (next) => (listener = next),
    });
  }

  kill(node: string): void {
    this.log.push(`kill ${node}`);
    this.live.delete(node);
  }
}
