/**
 * A binary min-heap of scheduled items ordered by (time, sequence number). It works on a plain
 * array so the whole queue is part of the checkpointable world; push and pop are O(log n), which
 * keeps it fast with 100,000 pending events.
 */
export interface Scheduled {
  readonly t: number;
  readonly seq: number;
}

function before(a: Scheduled, b: Scheduled): boolean {
  return a.t < b.t || (a.t === b.t && a.seq < b.seq);
}

export function heapPush<T extends Scheduled>(heap: T[], item: T): void {
  let i = heap.length;
  heap.push(item);
  while (i > 0) {
    const parent = (i - 1) >> 1;
    const p = heap[parent] as T;
    if (!before(item, p)) break;
    heap[i] = p;
    i = parent;
  }
  heap[i] = item;
}

export function heapPeek<T extends Scheduled>(heap: readonly T[]): T | undefined {
  return heap[0];
}

export function heapPop<T extends Scheduled>(heap: T[]): T | undefined {
  const top = heap[0];
  const last = heap.pop();
  if (top === undefined || last === undefined || heap.length === 0) return top;
  const n = heap.length;
  let i = 0;
  for (;;) {
    const left = 2 * i + 1;
    if (left >= n) break;
    const right = left + 1;
    let child = left;
    if (right < n && before(heap[right] as T, heap[left] as T)) child = right;
    const c = heap[child] as T;
    if (!before(c, last)) break;
    heap[i] = c;
    i = child;
  }
  heap[i] = last;
  return top;
}
