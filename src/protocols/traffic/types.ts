/**
 * Messages of the traffic-control labs. A client sends a `Request` to a gate (a limiter, a
 * breaker, a degradation strategy or a worker pool); a gate that lets it through sends a `Call`
 * to the backend, which answers with a `Reply`; the gate answers the client with a `Response`.
 * Everything is a plain `type`, so it is JSON and travels between workers as is.
 */

/** What a gate decided for one request, as the client's `ok` value reports it. */
export type Verdict = 'allowed' | 'rejected' | 'fallback';

/**
 * A client's request. `key` is what per-key limiters count by; `waitMs` asks a token bucket to
 * Wait up to that long for a token instead of answering Allow at once.
 */
export type Request = { readonly type: 'Request'; readonly id: string; readonly key: string; readonly waitMs?: number };

/** The gate's answer: a verdict, `done` when a worker pool ran the task, or `error` when the call through it (or the task) failed. */
export type Response = {
  readonly type: 'Response';
  readonly id: string;
  readonly result: Verdict | 'done' | 'error';
  /** Why it was rejected or failed, or the fallback value. */
  readonly detail?: string;
};

export type Call = { readonly type: 'Call'; readonly id: string };
export type Reply = { readonly type: 'Reply'; readonly id: string; readonly ok: boolean; readonly error?: string };

export type TrafficMessage = Request | Response | Call | Reply;

/**
 * The key of every request when the run has no distinct keys (`keys` 0): the seed's sliding-window
 * limiter keeps one log for all its callers, so one key stands for all of them.
 */
export const ALL_KEY = 'all';

/** The node that serves every call in the labs that have a backend. */
export const BACKEND_ID = 'backend';
