/** Text the views write: event log lines, labels clipped to fit. */
import { formatMs } from '../labs/contract/numberText';
import type { TraceEvent } from '../sim/trace';

function brief(value: unknown): string {
  const text = JSON.stringify(value) ?? '';
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** One line of the event log, without its time. */
export function describeEvent(e: TraceEvent): string {
  switch (e.type) {
    case 'send': {
      const type = typeof e.msg['type'] === 'string' ? e.msg['type'] : 'message';
      return `send ${e.from}→${e.to} ${type} #${e.msgId}${e.dup === true ? ' (duplicate)' : ''}`;
    }
    case 'deliver':
      return `deliver ${e.from}→${e.to} #${e.msgId}`;
    case 'drop':
      return `drop ${e.from}→${e.to} #${e.msgId} (${e.reason})`;
    case 'timer':
      return `timer ${e.node} ${e.name}`;
    case 'crash':
      return e.error === undefined ? `crash ${e.node}` : `crash ${e.node}: ${e.error}`;
    case 'restart':
    case 'resume':
      return `${e.type} ${e.node}`;
    case 'pause':
      return `pause ${e.node} until ${formatMs(e.until)} ms`;
    case 'clock':
      return `clock ${e.node} offset ${e.offsetMs} ms rate ${e.rate}`;
    case 'partition':
      return `partition ${e.links.map(([a, b]) => `${a}→${b}`).join(' ')}`;
    case 'heal':
      return e.links === 'all' ? 'heal all' : `heal ${e.links.map(([a, b]) => `${a}→${b}`).join(' ')}`;
    case 'network':
      return `network ${brief(e.settings)}`;
    case 'invoke':
      return `invoke ${e.node} ${e.opId} ${brief(e.op)}`;
    case 'ok':
    case 'fail':
      return `${e.type} ${e.node} ${e.opId}${e.value === undefined ? '' : ` ${brief(e.value)}`}`;
    case 'output':
      return `output ${e.node} ${brief(e.fact)}`;
    case 'violation':
      return `VIOLATION ${e.rule} [${e.nodes.join(', ')}]: ${e.detail}`;
  }
}

/** Shortens text for an SVG label, which cannot wrap. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
