/**
 * What the variants do differently, as named switches, and the timing parameters. The step
 * functions read these and never test the variant's name themselves. Line numbers are those of
 * the seed article's Paxos section (`propose`, lines 285-356).
 */
import type { StepContext } from '../../sim/node';
import { numberParam } from '../params';

export interface Rules {
  /**
   * Move on as soon as a majority answered, and give a phase up after `phaseTimeoutMs`. The
   * article waits for a reply from every other node, with no timeout (lines 311-320, 342-347),
   * so one dead acceptor, or one lost message, stalls it for good.
   */
  readonly majorityQuorum: boolean;
  /**
   * The proposer's own acceptor really promises and accepts. The article starts both counts at 1
   * (lines 291, 327) without looking at or updating its own acceptor state.
   */
  readonly selfAsAcceptor: boolean;
  /**
   * The article's `propose` holds `px.mu` for the whole round (lines 286-287, `defer Unlock`).
   * The seed does not show the acceptor and learner handlers, but the struct has one mutex
   * (line 258) that they would take too, so while a round runs the node answers no one.
   */
  readonly lockAcrossRound: boolean;
  /** Refusals carry the promised ballot and the proposer jumps past it; the article's reply is a bare OK flag (lines 313, 344). */
  readonly nackWithPromised: boolean;
  /** Give a round up at the first sign it was overtaken (a refusal, or its own acceptor promising a rival); the article counts to the end. */
  readonly abandonWhenPreempted: boolean;
  /** Stop proposing once this node learns a chosen value; the article finishes its round regardless. */
  readonly finishOnLearn: boolean;
  /** Wait a random time before retrying (hardened, unless the `backoff` parameter says none); the article retries at once. */
  readonly randomizedBackoff: boolean;
  /** Acceptors write promise and accepted proposal to disk before replying (`acceptorPersistence`). */
  readonly durableAcceptor: boolean;
}

export const ARTICLE_RULES: Omit<Rules, 'durableAcceptor'> = {
  majorityQuorum: false,
  selfAsAcceptor: false,
  lockAcrossRound: true,
  nackWithPromised: false,
  abandonWhenPreempted: false,
  finishOnLearn: false,
  randomizedBackoff: false,
};

export const HARDENED_RULES: Omit<Rules, 'durableAcceptor'> = {
  majorityQuorum: true,
  selfAsAcceptor: true,
  lockAcrossRound: false,
  nackWithPromised: true,
  abandonWhenPreempted: true,
  finishOnLearn: true,
  randomizedBackoff: true,
};

export const VARIANTS = ['hardened', 'article'] as const;

/** Rules by run: a node's params object stays the same for the whole run, so every step after the first finds them here. */
const rulesByParams = new WeakMap<object, { readonly variant: string; readonly rules: Rules }>();

export function rulesOf(ctx: StepContext): Rules {
  const known = rulesByParams.get(ctx.params);
  if (known !== undefined && known.variant === ctx.variant) return known.rules;
  const base = ctx.variant === 'article' ? ARTICLE_RULES : HARDENED_RULES;
  const rules: Rules = {
    ...base,
    randomizedBackoff: base.randomizedBackoff && ctx.params['backoff'] !== 'none',
    durableAcceptor: ctx.params['acceptorPersistence'] !== 'forgetful',
  };
  rulesByParams.set(ctx.params, { variant: ctx.variant, rules });
  return rules;
}

export const DEFAULT_TIMING = {
  phaseTimeoutMs: 100,
  backoffMs: 40,
  autoProposeMs: 1000,
  heartbeatMs: 50,
  leaderTimeoutMs: 300,
  clientIntervalMs: 200,
  maxSlots: 200,
} as const;

export function timing(ctx: StepContext, name: keyof typeof DEFAULT_TIMING): number {
  return numberParam(ctx, name, DEFAULT_TIMING[name]);
}

/** A bound on failed rounds in a row; past it the proposer gives up and fails its clients. */
export const MAX_ATTEMPTS = 1000;
/** A bound on client operations waiting at one proposer. */
export const MAX_PENDING_OPS = 16;
/** A bound on requests waiting for the article's lock; later ones are dropped, as a full socket would. */
export const MAX_LOCKED = 64;
/** The backoff doubles per failed round up to this many doublings. */
const MAX_DOUBLINGS = 5;

/** Acceptors needed: more than half of them. Every node of a Paxos lab is an acceptor. */
export function quorum(ctx: StepContext): number {
  return Math.floor((ctx.peers.length + 1) / 2) + 1;
}

/** Randomized exponential backoff: uniform in [0, backoffMs × 2^attempts), capped. */
export function backoffDelayMs(ctx: StepContext, rules: Rules, attempts: number): number {
  if (!rules.randomizedBackoff) return 0;
  const ceiling = timing(ctx, 'backoffMs') * 2 ** Math.min(MAX_DOUBLINGS, Math.max(0, attempts - 1));
  return Math.round(ctx.random() * ceiling * 1000) / 1000;
}
