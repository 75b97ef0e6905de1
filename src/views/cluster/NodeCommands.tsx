/**
 * The lab's own commands on the selected node: a button each, and for a command that takes a
 * number (a backend's error rate, its latency) a labelled field next to its button, checked
 * against the command's range before anything is sent.
 */
import { useState } from 'react';
import type { LiveAction } from '../../runtime/browser/controller';
import type { NodeFrame } from '../../runtime/frame';
import { commandArgError, commandWithArg, type CommandArg, type NodeCommand } from '../../labs/contract/commands';

interface Props {
  readonly node: NodeFrame;
  readonly commands: readonly NodeCommand[];
  readonly onAct: (action: LiveAction) => void;
}

function CommandWithArg({ node, command, arg, onAct }: { node: NodeFrame; command: NodeCommand; arg: CommandArg; onAct: Props['onAct'] }) {
  const [text, setText] = useState(String(arg.default));
  const error = commandArgError(arg, text);
  const errorId = `${node.id}-${command.id}-error`;
  const send = () => onAct({ kind: 'command', node: node.id, cmd: commandWithArg(command, Number(text)) });
  return (
    <>
      <div className="button-row">
        <label className="field compact">
          <span>{arg.label}</span>
          <input
            type="number"
            min={arg.min}
            max={arg.max}
            step={arg.step}
            value={text}
            aria-invalid={error !== null}
            aria-describedby={error !== null ? errorId : undefined}
            onChange={(e) => setText(e.target.value)}
          />
          {arg.unit !== undefined && <span>{arg.unit}</span>}
        </label>
        <button type="button" disabled={node.status === 'down' || error !== null} onClick={send}>
          {command.label}
        </button>
      </div>
      {error !== null && (
        <p id={errorId} className="command-arg-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}

export function NodeCommands({ node, commands, onAct }: Props) {
  const plain = commands.filter((c) => c.arg === undefined);
  return (
    <div role="group" aria-label={`Commands for ${node.id}`} className="node-commands">
      {plain.length > 0 && (
        <div className="button-row">
          {plain.map((c) => (
            <button key={c.id} type="button" disabled={node.status === 'down'} onClick={() => onAct({ kind: 'command', node: node.id, cmd: c.cmd })}>
              {c.label}
            </button>
          ))}
        </div>
      )}
      {commands.map((c) => c.arg !== undefined && <CommandWithArg key={c.id} node={node} command={c} arg={c.arg} onAct={onAct} />)}
    </div>
  );
}
