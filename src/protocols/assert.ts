/**
 * Assertions in protocol code: what the code itself guarantees, checked where it is made to hold.
 * A failed one throws, so the step crashes its node and the trace's `crash` event carries the
 * message (the fuzzer counts such a seed as failing). They state only what holds in every variant:
 * an article variant's pitfalls are for the checkers to catch, not for an assertion to cut short.
 */

/** `why` says what should have held; a function is called only on failure, for a message with numbers in it. */
export function assert(condition: boolean, why: string | (() => string)): asserts condition {
  if (!condition) throw new Error(`assertion failed: ${typeof why === 'string' ? why : why()}`);
}

/** The end of an exhaustive switch: a value the types say cannot be there. */
export function unreachable(value: never, what: string): never {
  throw new Error(`assertion failed: ${what} ${JSON.stringify(value)}`);
}

/** A message of its lab's union that no node of the lab sends to this kind of node. */
export function notAddressedTo(kind: string, type: string): never {
  throw new Error(`assertion failed: no node sends a ${type} message to a ${kind}`);
}
