/** Text formats the views share: virtual times, counts, event lines. */
import type { TraceEvent } from '../sim/trace';

/** Groups thousands with a space: 1234.5 -> "1 234.5". */
function group(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

/** A virtual time in ms with one decimal: "1 234.5". */
export function formatMs(t: number): string {
  const fixed = Math.abs(t).toFixed(1);
  const [i, d] = fixed.split('.') as [string, string];
  return `${t < 0 && fixed !== '0.0' ? '-' : ''}${group(i)}.${d}`;
}

export function formatCount(n: number): string {
  return group(String(Math.round(n)));
}

/** A short axis label: "0", "250", "1.5 s". */
export function formatTick(t: number): string {
  if (Math.abs(t) >= 10_000) return `${formatCount(t / 1000)} s`;
  if (Math.abs(t) >= 1000) return `${(t / 1000).toFixed(t % 1000 === 0 ? 0 : 1)} s`;
  return `${Math.round(t * 10) / 10}`;
}

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
