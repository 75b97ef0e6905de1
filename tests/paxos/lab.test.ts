import { describe, expect, it } from 'vitest';
import { multiPaxosLab } from '../../src/labs/multi-paxos/lab';
import { paxosLab } from '../../src/labs/paxos/lab';
import { resolveLabParams } from '../../src/sim/lab';
import { ParamError } from '../../src/sim/params';

describe('the Paxos lab definitions', () => {
  it('n1..nA are acceptors; the first P of them propose, never more than A', () => {
    expect(paxosLab.topology(resolveLabParams(paxosLab, { acceptors: 3, proposers: 2 }))).toEqual([
      { id: 'n1', kind: 'proposer' },
      { id: 'n2', kind: 'proposer' },
      { id: 'n3', kind: 'acceptor' },
    ]);
    expect(multiPaxosLab.topology(resolveLabParams(multiPaxosLab, { acceptors: 3, proposers: 9 })).map((n) => n.kind)).toEqual(['proposer', 'proposer', 'proposer']);
  });

  it('takes 3 to 9 acceptors and names what is valid otherwise', () => {
    expect(() => resolveLabParams(paxosLab, { acceptors: 10 })).toThrow(ParamError);
    expect(() => resolveLabParams(paxosLab, { acceptorPersistence: 'sometimes' })).toThrow(/durable\|forgetful/);
  });

  it('has a protocol for every node kind, and checkers sized to the acceptors', () => {
    for (const lab of [paxosLab, multiPaxosLab]) {
      const params = resolveLabParams(lab, {});
      for (const node of lab.topology(params)) expect(lab.protocols[node.kind]).toBeDefined();
    }
    expect(paxosLab.checkers('hardened', resolveLabParams(paxosLab, {})).map((c) => c.rule)).toEqual(['one-value-per-slot', 'only-proposed-chosen', 'promise-kept']);
    expect(multiPaxosLab.checkers('hardened', resolveLabParams(multiPaxosLab, {})).map((c) => c.rule)).toEqual(['one-value-per-slot', 'only-proposed-chosen', 'promise-kept', 'apply-in-order']);
  });

  it('offers the page a propose command, and Multi-Paxos a time-out too', () => {
    expect(paxosLab.commands.map((c) => c.cmd)).toEqual([{ op: 'propose' }]);
    expect(multiPaxosLab.commands.map((c) => c.cmd)).toEqual([{ op: 'propose' }, { op: 'timeout' }]);
  });
});
