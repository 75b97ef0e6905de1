/**
 * The run's parameters. The lab's own (node count, timeouts...) shape the run, so changing one
 * loads the run again; the network's (latency, loss, duplication) change live, as a `network`
 * action at the current virtual time. Network presets sit here too, those the lab's topology
 * makes sense of.
 */
import { useSelector } from '@xstate/react';
import type { ParamValue } from '../../sim/node';
import { networkPresetsOf } from '../../labs/contract/network';
import { boundedSpec, changeWithin, NETWORK_PARAMS, paramApplies, ParamError } from '../../sim/params';
import { appStore, useAppStore } from '../../store/appStore';
import { addError } from '../../store/runActions';
import { isNetworkParam, majorityMinority, networkChange, withParams } from '../../store/specEdits';
import { displayNode } from '../../labs/contract/look';
import { ParamControl } from '../../views/params/ParamControl';
import { useAct, useReload, useRun } from './runContext';

export function SettingsPanel() {
  const { lab, actor } = useRun();
  const spec = useSelector(actor, (s) => s.context.spec);
  const network = useAppStore((s) => s.frame?.network);
  const ids = useAppStore((s) => s.frame?.nodes.map((n) => n.id).join(' ') ?? '');
  // Labs with a leader (Raft, Multi-Paxos) get "isolate the leader"; a stale leader counts too.
  const leaders = useAppStore((s) => (s.frame?.nodes ?? []).filter((n) => n.status !== 'down' && displayNode(lab, n).role === 'leader').map((n) => n.id).join(' '));
  const act = useAct();
  const reload = useReload();
  if (spec === null) return null;

  const changeLabParam = (name: string, value: ParamValue): boolean => {
    try {
      const current = { ...spec, actions: appStore.getState().frame?.actions ?? spec.actions };
      const next = withParams(lab, current, changeWithin(lab.params, spec.params, name, value));
      reload({ params: next.params, actions: next.actions });
      return true;
    } catch (error) {
      if (!(error instanceof ParamError)) throw error;
      addError(error.message);
      return false;
    }
  };
  const changeNetwork = (name: string, value: ParamValue): boolean => {
    if (network === undefined || !isNetworkParam(name)) return false;
    act({ kind: 'network', settings: networkChange(network, name, Number(value)) });
    return true;
  };
  const nodes = ids === '' ? [] : ids.split(' ');
  const presets = networkPresetsOf(lab);
  // The middle node in order, so the halves either side of it are as even as they can be.
  const bridgeNode = nodes[Math.floor(nodes.length / 2)] ?? '';

  return (
    <section className="panel settings" aria-labelledby="settings-title">
      <div className="panel-head">
        <h2 id="settings-title">Settings</h2>
      </div>
      <h3>Run</h3>
      <p className="muted small">Changing these starts the run again.</p>
      {/* Only what does something in this variant; a bounded number's slider ends at its bound. */}
      {lab.params
        .filter((p) => paramApplies(p, spec.variant))
        .map((p) => (
          <ParamControl key={p.name} spec={boundedSpec(p, spec.params)} value={spec.params[p.name] ?? p.default} onCommit={(v) => changeLabParam(p.name, v)} />
        ))}
      <h3>Network</h3>
      <p className="muted small">Changes apply now, at the current virtual time.</p>
      {NETWORK_PARAMS.map((p) => (
        <ParamControl key={p.name} spec={p} value={network?.[p.name as keyof typeof network] ?? p.default} onCommit={(v) => changeNetwork(p.name, v)} />
      ))}
      <div className="button-row">
        {leaders !== '' &&
          leaders.split(' ').map((id) => (
            <button key={id} type="button" onClick={() => act({ kind: 'isolate', node: id })}>
              Isolate the leader ({id})
            </button>
          ))}
        {presets.includes('split-majority') && (
          <button type="button" disabled={nodes.length < 3} onClick={() => act({ kind: 'split', groups: majorityMinority(nodes) })}>
            Split majority from minority
          </button>
        )}
        {presets.includes('bridge') && nodes.length >= 3 && (
          <button type="button" title={`Two halves that reach each other only through ${bridgeNode}`} onClick={() => act({ kind: 'bridge', node: bridgeNode })}>
            Bridge through {bridgeNode}
          </button>
        )}
        <button type="button" onClick={() => act({ kind: 'healAll' })}>
          Heal all links
        </button>
      </div>
    </section>
  );
}
