/**
 * Hash URLs: `#/` is the landing page, `#/<lab>?variant=…&seed=…&t=…&p.<param>=…&a=…` one moment of
 * one run. Parsing never throws: every problem becomes a sentence for the error banner, and the
 * route falls back to something sane (the lab's defaults, or the landing page).
 */
import { ActionParseError, decodeActions, encodeActions, type Action } from '../sim/actions';
import { nodesNamedBy } from '../sim/faults';
import { allParams, resolveLabParams } from '../runtime/runnableLab';
import type { LabDefinition } from '../labs/contract/lab';
import type { Scenario } from '../labs/contract/scenario';
import type { ParamValue } from '../sim/node';
import { defaultFor, ParamError } from '../sim/params';
import { isSeed, MAX_SEED } from '../sim/random';
import type { RunSpec } from '../sim/simulation';

export const DEFAULT_SEED = 1;

export type Route =
  | { readonly kind: 'landing'; readonly problems: readonly string[] }
  | {
      readonly kind: 'lab';
      readonly lab: LabDefinition;
      readonly spec: RunSpec;
      readonly t: number | null;
      /** The guided scenario the run comes from (its narration is shown), from `s=<id>`. */
      readonly scenario: Scenario | null;
      readonly problems: readonly string[];
    };

export type FindLab = (id: string) => LabDefinition | undefined;

function parseQuery(query: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of query.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    const raw = eq < 0 ? '' : part.slice(eq + 1);
    let value = raw;
    try {
      value = decodeURIComponent(raw.replace(/\+/g, ' '));
    } catch {
      // A broken %-escape: keep the raw text, so the field's own check names it.
    }
    out.set(key, value);
  }
  return out;
}

function parseVariant(lab: LabDefinition, given: string | undefined, problems: string[]): string {
  const fallback = lab.variants[0] ?? '';
  if (given === undefined || lab.variants.includes(given)) return given ?? fallback;
  problems.push(`The variant "${given}" is not one of ${lab.id}'s (${lab.variants.join(', ')}); showing "${fallback}".`);
  return fallback;
}

function parseSeed(given: string | undefined, problems: string[]): number {
  if (given === undefined) return DEFAULT_SEED;
  const seed = given.trim() === '' ? NaN : Number(given);
  if (isSeed(seed)) return seed;
  problems.push(`The seed "${given}" is not a whole number from 0 to ${MAX_SEED}; using seed ${DEFAULT_SEED}.`);
  return DEFAULT_SEED;
}

function parseTime(given: string | undefined, problems: string[]): number | null {
  if (given === undefined) return null;
  const t = given.trim() === '' ? NaN : Number(given);
  if (Number.isFinite(t) && t >= 0) return t;
  problems.push(`The time t="${given}" is not a number of milliseconds (0 or more); starting at 0 ms.`);
  return null;
}

function parseParams(lab: LabDefinition, variant: string, given: ReadonlyMap<string, string>, problems: string[]): Readonly<Record<string, ParamValue>> {
  const kept: Record<string, ParamValue> = {};
  for (const [name, value] of given) {
    try {
      resolveLabParams(lab, { [name]: value });
      kept[name] = value;
    } catch (error) {
      if (!(error instanceof ParamError)) throw error;
      // Only this value's own problem matters here; a min/max clash is checked below.
      if (!/latencyMsMax .* must be at least/.test(error.message)) {
        problems.push(`Ignored the parameter p.${name}: ${error.message}.`);
        continue;
      }
      kept[name] = value;
    }
  }
  try {
    return resolveLabParams(lab, kept, variant);
  } catch (error) {
    if (!(error instanceof ParamError)) throw error;
    problems.push(`Ignored the latency parameters: ${error.message}.`);
    const { latencyMsMin: _min, latencyMsMax: _max, ...rest } = kept;
    return resolveLabParams(lab, rest, variant);
  }
}

function parseActionList(lab: LabDefinition, params: Readonly<Record<string, ParamValue>>, given: string | undefined, problems: string[]): Action[] {
  if (given === undefined) return [];
  let actions: Action[];
  try {
    actions = decodeActions(given);
  } catch (error) {
    if (!(error instanceof ActionParseError)) throw error;
    problems.push(`The actions in the URL could not be read (${error.message}); the run starts without them.`);
    return [];
  }
  const ids = new Set(lab.topology(params).map((n) => n.id));
  const missing = actions.flatMap(nodesNamedBy).find((id) => !ids.has(id));
  if (missing !== undefined) {
    problems.push(`An action in the URL names the node "${missing}", which this run does not have (nodes: ${[...ids].join(', ')}); the run starts without actions.`);
    return [];
  }
  return actions;
}

const KNOWN_FIELDS = new Set(['variant', 'seed', 't', 'a', 's']);

/** The scenario named by `s=`, or null; a name the lab does not have becomes a problem. */
function parseScenario(lab: LabDefinition, given: string | undefined, problems: string[]): Scenario | null {
  if (given === undefined) return null;
  const scenario = lab.scenarios.find((x) => x.id === given) ?? null;
  if (scenario === null) problems.push(`There is no scenario "${given}" in ${lab.id}; showing the run without its story.`);
  return scenario;
}

/** Whether the URL says anything about the run itself (not just the moment or the scenario). */
function namesRunSettings(query: ReadonlyMap<string, string>): boolean {
  return [...query.keys()].some((key) => key === 'variant' || key === 'seed' || key === 'a' || key.startsWith('p.'));
}

/** The run the URL's own fields describe, on the lab's defaults for those it leaves out. */
function parseSpec(lab: LabDefinition, query: ReadonlyMap<string, string>, problems: string[]): RunSpec {
  const paramText = new Map<string, string>();
  for (const [key, value] of query) if (key.startsWith('p.')) paramText.set(key.slice(2), value);
  const variant = parseVariant(lab, query.get('variant'), problems);
  const seed = parseSeed(query.get('seed'), problems);
  const params = parseParams(lab, variant, paramText, problems);
  const actions = parseActionList(lab, params, query.get('a'), problems);
  return { lab: lab.id, variant, seed, params, actions };
}

/**
 * The run of a lab URL. A short scenario link (`s=<id>` and no run settings) opens the scenario's
 * own run, so its story shows; settings that differ from the scenario's are kept, and said.
 */
function runOf(lab: LabDefinition, query: ReadonlyMap<string, string>, scenario: Scenario | null, problems: string[]): RunSpec {
  if (scenario === null) return parseSpec(lab, query, problems);
  if (!namesRunSettings(query)) {
    try {
      return scenarioSpec(lab, scenario);
    } catch (error) {
      if (!(error instanceof ParamError)) throw error;
      problems.push(`The scenario "${scenario.id}" has a bad parameter (${error.message}); showing ${lab.id}'s defaults.`);
    }
  }
  const spec = parseSpec(lab, query, problems);
  if (!tellsScenario(lab, scenario, spec)) problems.push(`The URL's variant, seed or parameters are not those of the scenario "${scenario.title}", so its story is not shown.`);
  return spec;
}

export function parseRoute(hash: string, findLab: FindLab): Route {
  const body = hash.replace(/^#/, '').replace(/^\//, '');
  const q = body.indexOf('?');
  const path = q < 0 ? body : body.slice(0, q);
  if (path === '') return { kind: 'landing', problems: [] };
  let id = path.replace(/\/$/, '');
  try {
    id = decodeURIComponent(id);
  } catch {
    // Keep the raw text for the message below.
  }
  const lab = findLab(id);
  if (lab === undefined) return { kind: 'landing', problems: [`There is no lab called "${id}". Pick one of the labs below.`] };
  const query = parseQuery(q < 0 ? '' : body.slice(q + 1));
  const problems: string[] = [];
  for (const key of query.keys()) if (!key.startsWith('p.') && !KNOWN_FIELDS.has(key)) problems.push(`Ignored the unknown URL field "${key}".`);
  const scenario = parseScenario(lab, query.get('s'), problems);
  const spec = runOf(lab, query, scenario, problems);
  const t = parseTime(query.get('t'), problems);
  return { kind: 'lab', lab, spec, t, scenario, problems };
}

/**
 * Escapes a query value, leaving the characters actions use (`: , ~ | =`) readable. A value may
 * keep `=` because the parser splits each field at its first one.
 */
function encodeValue(text: string): string {
  return encodeURIComponent(text).replace(/%3A/gi, ':').replace(/%2C/gi, ',').replace(/%7C/gi, '|').replace(/%3D/gi, '=');
}

/** Rounds a virtual time for the URL: the kernel keeps microseconds, so three decimals are exact. */
export function formatUrlTime(t: number): string {
  return String(Math.round(t * 1000) / 1000);
}

/** The hash of one moment of a run; params equal to their defaults (in the run's variant) are left out. */
export function formatLabHash(lab: LabDefinition, spec: Omit<RunSpec, 'lab'>, t: number | null, scenarioId: string | null = null): string {
  const parts = [`variant=${encodeValue(spec.variant)}`, `seed=${spec.seed}`];
  if (t !== null && t > 0) parts.push(`t=${formatUrlTime(t)}`);
  for (const p of allParams(lab)) {
    const value = spec.params[p.name];
    if (value !== undefined && value !== defaultFor(p, spec.variant)) parts.push(`p.${p.name}=${encodeValue(String(value))}`);
  }
  if (spec.actions.length > 0) parts.push(`a=${encodeValue(encodeActions(spec.actions))}`);
  if (scenarioId !== null) parts.push(`s=${encodeValue(scenarioId)}`);
  return `#/${encodeURIComponent(lab.id)}?${parts.join('&')}`;
}

/** The scenario's run as a spec. Throws a ParamError when the scenario's parameters are bad. */
export function scenarioSpec(lab: LabDefinition, s: Scenario): RunSpec {
  return { lab: lab.id, variant: s.variant, seed: s.seed, params: resolveLabParams(lab, s.params, s.variant), actions: s.actions };
}

/**
 * Whether a run still tells the scenario's story: same variant, seed and parameters. The person's
 * own actions may be added; another seed or variant is another story.
 */
export function tellsScenario(lab: LabDefinition, s: Scenario, spec: RunSpec): boolean {
  try {
    const own = scenarioSpec(lab, s);
    return spec.variant === own.variant && spec.seed === own.seed && allParams(lab).every((p) => spec.params[p.name] === own.params[p.name]);
  } catch {
    return false;
  }
}
