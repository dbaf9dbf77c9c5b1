/**
 * The guide's "better cache locality", measured: the same sweep (read a value, add it into the
 * gradient beside it: what backward does per node) over Values as 32-byte records in address
 * order, over the same records in a shuffled order, and over one object per Value, visited in
 * allocation order and shuffled (as a heap graph's pointers lead anywhere).
 */
import { Memory } from '../memory';
import { createRandom } from '../random';
import { VALUE_RECORD_SIZE } from '../recordLayout';

/** ns per Value of each sweep. */
export interface LocalityTimes {
  readonly count: number;
  readonly recordsInOrder: number;
  readonly recordsShuffled: number;
  readonly objectsInOrder: number;
  readonly objectsShuffled: number;
}

interface Cell {
  data: number;
  grad: number;
}

/**
 * Builds `count` records and `count` objects with the same values and times each sweep
 * (the best of `repeats` runs) on `clock` (ms).
 */
export function measureLocality(count: number, clock: () => number, repeats = 3): LocalityTimes {
  const memory = new Memory();
  const arena = memory.addArena('sweep', count * VALUE_RECORD_SIZE);
  const random = createRandom(11);
  const f64 = memory.f64;
  const first = arena.base >> 3;
  const objects: Cell[] = [];
  for (let i = 0; i < count; i++) {
    const x = random.uniform(-1, 1);
    f64[first + 4 * i] = x;
    objects.push({ data: x, grad: 0 });
  }
  const order = new Uint32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1));
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  const inOrder = new Uint32Array(count).map((_, i) => i);
  const time = (sweep: () => void): number => {
    let best = Infinity;
    for (let r = 0; r < repeats; r++) {
      const start = clock();
      sweep();
      best = Math.min(best, clock() - start);
    }
    return (best * 1e6) / count;
  };
  const sweepRecords = (visit: Uint32Array) => () => {
    for (let k = 0; k < count; k++) {
      const v = first + 4 * visit[k];
      f64[v + 1] += f64[v];
    }
  };
  const sweepObjects = (visit: Uint32Array) => () => {
    for (let k = 0; k < count; k++) {
      const o = objects[visit[k]];
      o.grad += o.data;
    }
  };
  return {
    count,
    recordsInOrder: time(sweepRecords(inOrder)),
    recordsShuffled: time(sweepRecords(order)),
    objectsInOrder: time(sweepObjects(inOrder)),
    objectsShuffled: time(sweepObjects(order)),
  };
}

/** ns per `mark()` + `checkpoint.end()` pair on a release-mode arena, over `pairs` pairs. */
export function measureCheckpointEnd(clock: () => number, pairs = 100_000): number {
  const memory = new Memory();
  const arena = memory.addArena('scratch', 4096);
  let checkpoint = arena.mark();
  checkpoint.end();
  const start = clock();
  for (let i = 0; i < pairs; i++) {
    checkpoint = arena.mark(checkpoint);
    arena.pushValue();
    checkpoint.end();
  }
  return ((clock() - start) * 1e6) / pairs;
}
