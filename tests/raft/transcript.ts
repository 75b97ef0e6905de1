/**
 * A compact text rendering of a Raft run for golden transcripts: the nodes' facts, faults,
 * client operations and violations, one a line, without the message traffic.
 */
import type { Json } from '../../src/sim/json';
import type { LabDefinition } from '../../src/labs/contract/lab';
import type { Scenario } from '../../src/labs/contract/scenario';
import type { TraceEvent } from '../../src/sim/trace';
import { runScenario as runToEnd, scenarioHeader } from '../transcript';

function time(t: number): string {
  return t.toFixed(3).padStart(10);
}

function factText(f: Readonly<Record<string, Json>>): string {
  switch (f['kind']) {
    case 'role':
      return `role ${String(f['role'])} t${String(f['term'])}`;
    case 'leader':
      return `LEADER t${String(f['term'])}`;
    case 'vote':
      return `vote ${String(f['for'])} t${String(f['term'])}`;
    case 'prevote':
      return `prevote t${String(f['term'])}`;
    case 'tally':
      return `tally t${String(f['term'])} ${String(f['granted'])}/${String(f['cluster'])}`;
    case 'commit':
      return `commit ${String(f['index'])} (t${String(f['term'])})`;
    case 'apply':
      return `apply ${String(f['index'])} t${String(f['term'])} ${String(f['cmd'])}`;
    case 'truncate':
      return `truncate from ${String(f['index'])} (${String(f['removed'])} removed)`;
    case 'next':
      return `next ${String(f['peer'])}=${String(f['index'])}`;
    default:
      return JSON.stringify(f);
  }
}

function links(value: readonly (readonly [string, string])[] | 'all'): string {
  return value === 'all' ? 'all' : value.map(([a, b]) => `${a}>${b}`).join(' ');
}

/** One line for an event worth a transcript line, or null. */
export function transcriptLine(e: TraceEvent): string | null {
  const at = time(e.t);
  switch (e.type) {
    case 'output':
      return `${at} ${e.node.padEnd(3)} ${factText(e.fact)}`;
    case 'crash':
    case 'restart':
    case 'resume':
      return `${at} --- ${e.type} ${e.node}`;
    case 'pause':
      return `${at} --- pause ${e.node} until ${e.until}`;
    case 'partition':
    case 'heal':
      return `${at} --- ${e.type} ${links(e.links)}`;
    case 'network':
      return `${at} --- network ${JSON.stringify(e.settings)}`;
    case 'invoke':
      return `${at} ${e.node.padEnd(3)} invoke ${e.opId} ${JSON.stringify(e.op)}`;
    case 'ok':
    case 'fail':
      return `${at} ${e.node.padEnd(3)} ${e.type} ${e.opId}${e.value === undefined ? '' : ` ${JSON.stringify(e.value)}`}`;
    case 'violation':
      return `${at} !!! ${e.rule} [${e.nodes.join(',')}]: ${e.detail}`;
    default:
      return null;
  }
}

export interface ScenarioRun {
  readonly events: readonly TraceEvent[];
  readonly transcript: string;
}

/** Runs a scenario to its end in-process (violations recorded, the run going on). */
export function runScenario(lab: LabDefinition, scenario: Scenario): ScenarioRun {
  const { events } = runToEnd(lab, scenario);
  const lines = events.map(transcriptLine).filter((l): l is string => l !== null);
  return { events, transcript: [scenarioHeader(lab, scenario), ...lines].join('\n') + '\n' };
}
