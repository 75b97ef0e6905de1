/** The single-decree learner: it learns the chosen value from the proposer that saw a majority accept it. */
import type { Ballot } from './ballot';
import { fact, update, type Out } from './out';
import type { PaxosState, Value } from './types';

/**
 * Records a chosen value and reports it. A second, different value is reported too (it means
 * the protocol broke, and the agreement checker must see it) but the first one stays.
 * Returns whether this was news.
 */
export function learn(o: Out<PaxosState>, value: Value, ballot: Ballot): boolean {
  const known = o.s.learner.chosen;
  if (known !== null && known.value === value) return false;
  fact(o, { kind: 'chosen', slot: 0, value, ballot });
  if (known === null) update(o, { learner: { chosen: { value, ballot } } });
  return true;
}
