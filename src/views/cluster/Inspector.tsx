/**
 * The actions on the selected node or link. Every button issues one action through `onAct`
 * (which goes to controller.act); nothing here changes the run directly.
 */
import { useState, type Ref } from 'react';
import type { LiveAction } from '../../runtime/browser/controller';
import type { Frame, NodeFrame } from '../../runtime/frame';
import { commandsFor } from '../../labs/contract/commands';
import type { LabDefinition } from '../../labs/contract/lab';
import type { Selection } from '../../store/viewSlice';
import { formatMs } from '../../labs/contract/numberText';
import { linkName } from './ClusterLink';
import { linkState } from './layout';
import { NodeCommands } from './NodeCommands';
import { displayNode } from '../../labs/contract/look';

interface Props {
  readonly lab: LabDefinition;
  readonly frame: Frame;
  readonly selection: Selection | null;
  readonly onAct: (action: LiveAction) => void;
  readonly onClose: () => void;
  /** The heading, so the page can move focus here when a node is chosen by keyboard. */
  readonly ref?: Ref<HTMLHeadingElement>;
}

const DEFAULT_PAUSE_MS = 500;
/** A clock jump (an operator, or NTP stepping the clock) and a clock that runs fast: expiries and timers on that node move. */
const CLOCK_JUMP_MS = 1000;
const FAST_CLOCK_RATE = 1.5;
/** A slow link: messages on it, both ways, take this much longer than the network's latency. */
const DEFAULT_LINK_DELAY_MS = 500;

function NodeActions({ lab, node, onAct }: { lab: LabDefinition; node: NodeFrame; onAct: Props['onAct'] }) {
  const [pauseMs, setPauseMs] = useState(String(DEFAULT_PAUSE_MS));
  const display = displayNode(lab, node);
  const down = node.status === 'down';
  const ms = Number(pauseMs);
  const pauseValid = Number.isFinite(ms) && ms > 0;
  const commands = commandsFor(lab, node.kind);
  return (
    <>
      <p className="inspector-summary">{display.summary}</p>
      {node.error !== null && (
        <p className="inspector-error" role="note">
          Crashed because it threw: <code>{node.error}</code>
        </p>
      )}
      <div className="button-row">
        <button type="button" className="danger" disabled={down} onClick={() => onAct({ kind: 'crash', node: node.id })}>
          Kill {node.id}
        </button>
        <button type="button" disabled={!down} onClick={() => onAct({ kind: 'restart', node: node.id })}>
          Restart {node.id}
        </button>
        <button type="button" onClick={() => onAct({ kind: 'isolate', node: node.id })}>
          Isolate {node.id}
        </button>
        <button type="button" title={`Split the other nodes in two halves that reach each other only through ${node.id}`} onClick={() => onAct({ kind: 'bridge', node: node.id })}>
          Bridge through {node.id}
        </button>
      </div>
      <div className="button-row">
        <label className="field compact">
          <span>Pause for</span>
          <input type="number" min={1} step={100} value={pauseMs} aria-label={`Pause ${node.id} for how many ms`} onChange={(e) => setPauseMs(e.target.value)} />
          <span>ms</span>
        </label>
        <button type="button" disabled={down || !pauseValid} onClick={() => onAct({ kind: 'pause', node: node.id, ms })}>
          Pause {node.id}
        </button>
      </div>
      <div className="button-row" role="group" aria-label={`${node.id}'s clock`}>
        <button type="button" onClick={() => onAct({ kind: 'skew', node: node.id, ms: CLOCK_JUMP_MS })}>
          Clock +{CLOCK_JUMP_MS / 1000} s
        </button>
        <button type="button" onClick={() => onAct({ kind: 'skew', node: node.id, ms: -CLOCK_JUMP_MS })}>
          Clock −{CLOCK_JUMP_MS / 1000} s
        </button>
        <button type="button" disabled={node.clockRate === FAST_CLOCK_RATE} onClick={() => onAct({ kind: 'drift', node: node.id, rate: FAST_CLOCK_RATE })}>
          Clock runs {FAST_CLOCK_RATE}× fast
        </button>
        <button type="button" disabled={node.clockRate === 1} onClick={() => onAct({ kind: 'drift', node: node.id, rate: 1 })}>
          Clock at true rate
        </button>
      </div>
      {commands.length > 0 && <NodeCommands node={node} commands={commands} onAct={onAct} />}
      {node.timers.length > 0 && (
        <p className="inspector-timers">
          Timers: {node.timers.map((t) => `${t.name} at ${formatMs(t.at)} ms`).join(', ')}
        </p>
      )}
      {node.state !== undefined && (
        <details className="inspector-state">
          <summary>State</summary>
          <pre>{JSON.stringify(node.state, null, 1)}</pre>
        </details>
      )}
    </>
  );
}

function LinkActions({ a, b, frame, onAct }: { a: string; b: string; frame: Frame; onAct: Props['onAct'] }) {
  const state = linkState(a, b, frame.cut);
  return (
    <>
      <p className="inspector-summary">{linkName(a, b, state)}</p>
      <div className="button-row">
        <button type="button" className="danger" onClick={() => onAct({ kind: 'cut', from: a, to: b, oneWay: false })}>
          Cut both ways
        </button>
        <button type="button" onClick={() => onAct({ kind: 'cut', from: a, to: b, oneWay: true })}>
          Cut {a}→{b} only
        </button>
        <button type="button" onClick={() => onAct({ kind: 'cut', from: b, to: a, oneWay: true })}>
          Cut {b}→{a} only
        </button>
        <button type="button" disabled={state.kind === 'up'} onClick={() => onAct({ kind: 'heal', from: a, to: b })}>
          Heal link
        </button>
      </div>
      <div className="button-row" role="group" aria-label="Link delay">
        <button type="button" onClick={() => onAct({ kind: 'delay', from: a, to: b, ms: DEFAULT_LINK_DELAY_MS })}>
          Delay {DEFAULT_LINK_DELAY_MS} ms
        </button>
        <button type="button" onClick={() => onAct({ kind: 'delay', from: a, to: b, ms: 0 })}>
          No extra delay
        </button>
      </div>
    </>
  );
}

function title(selection: Selection | null): string {
  if (selection === null) return 'Nothing selected';
  return selection.kind === 'node' ? `Node ${selection.id}` : `Link ${selection.a}–${selection.b}`;
}

export function Inspector({ lab, frame, selection, onAct, onClose, ref }: Props) {
  const node = selection?.kind === 'node' ? frame.nodes.find((n) => n.id === selection.id) : undefined;
  return (
    <section className="panel inspector" aria-labelledby="inspector-title">
      <div className="panel-head">
        <h2 id="inspector-title" ref={ref} tabIndex={-1}>
          {title(selection)}
        </h2>
        {selection !== null && (
          <button type="button" className="quiet" onClick={onClose} aria-label="Close the selection">
            Close
          </button>
        )}
      </div>
      {selection === null && <p className="muted">Click a node or a link in the cluster (or focus it and press Enter) to kill, restart, pause, cut or heal it.</p>}
      {node !== undefined && <NodeActions key={node.id} lab={lab} node={node} onAct={onAct} />}
      {selection?.kind === 'link' && <LinkActions a={selection.a} b={selection.b} frame={frame} onAct={onAct} />}
    </section>
  );
}
