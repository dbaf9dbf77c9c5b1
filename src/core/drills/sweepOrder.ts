/**
 * "Order the sweep": the learner plays backward, naming the nodes in the order their gradients
 * become final. The check is against the tape: backward sweeps the tape from the output down,
 * and a node's gradient is final once every node that uses it (its consumers, all later on the
 * tape) has added its share. Any order with that property gives the same gradients, so a move
 * is right when all its consumers are done; a right move that is not the tape's next is
 * accepted with a note saying what the engine's sweep takes next.
 */
import type { MemoryArena } from '../arena';
import { gradientAt, parentAt, parentCountAt } from '../record';

/** One record of the swept stretch of the tape. */
export interface SweepNode {
  /** Its position in the stretch (0 = the first record the forward pushed). */
  readonly index: number;
  /** Its tape index in the arena (the graph's `#k`). */
  readonly tapeIndex: number;
  readonly address: number;
  /** Stretch positions of its parents that lie in the stretch, in prev order. */
  readonly parents: readonly number[];
  /** Stretch positions of the records that use it (later on the tape), ascending. */
  readonly consumers: readonly number[];
  /** Its gradient after the engine's backward (read from memory). */
  readonly gradient: number;
}

/** The stretch of a tape the drill sweeps: records in tape order, the output last. */
export interface SweepDrill {
  readonly nodes: readonly SweepNode[];
}

/**
 * Reads the drill from `arena`'s tape `[from, to)` after the engine's backward has run from the
 * record at `to - 1`: parents, consumers and each record's final gradient, from memory.
 */
export function readSweepDrill(arena: MemoryArena, from: number, to: number): SweepDrill {
  const memory = arena.memory;
  const positionOf = new Map<number, number>();
  for (let k = from; k < to; k++) positionOf.set(arena.tape[k], k - from);
  const consumers: number[][] = [];
  const nodes: Omit<SweepNode, 'consumers'>[] = [];
  for (let k = from; k < to; k++) {
    const address = arena.tape[k];
    const parents: number[] = [];
    for (let slot = 0; slot < parentCountAt(memory, address); slot++) {
      const at = positionOf.get(parentAt(memory, address, slot));
      if (at !== undefined && !parents.includes(at)) parents.push(at);
    }
    consumers.push([]);
    for (const p of parents) consumers[p].push(k - from);
    nodes.push({
      index: k - from,
      tapeIndex: k,
      address,
      parents,
      gradient: gradientAt(memory, address),
    });
  }
  return { nodes: nodes.map((n, i) => ({ ...n, consumers: consumers[i] })) };
}

/** The node the engine's sweep finishes next: the highest stretch position not yet done. */
export function tapeNext(drill: SweepDrill, done: ReadonlySet<number>): number {
  for (let i = drill.nodes.length - 1; i >= 0; i--) if (!done.has(i)) return i;
  return -1;
}

/** The verdict on one move of "order the sweep". */
export type SweepMove =
  | {
      readonly right: true;
      /** Whether it is the tape's own next node. */
      readonly tapeOrder: boolean;
      /** The tape's next node (equal to the pick when `tapeOrder`). */
      readonly tapeNext: number;
    }
  | {
      readonly right: false;
      /** Consumers of the pick not done yet: each must add its share first. */
      readonly waitingFor: readonly number[];
      /** The pick was finished already. */
      readonly alreadyDone: boolean;
    };

/**
 * Checks picking node `pick` when the nodes in `done` are finished: right when every consumer
 * of it is done (its gradient is final). Pure: `done` is not changed.
 */
export function checkSweepMove(
  drill: SweepDrill,
  done: ReadonlySet<number>,
  pick: number,
): SweepMove {
  if (done.has(pick)) return { right: false, waitingFor: [], alreadyDone: true };
  const waitingFor = drill.nodes[pick].consumers.filter((c) => !done.has(c));
  if (waitingFor.length > 0) return { right: false, waitingFor, alreadyDone: false };
  const next = tapeNext(drill, done);
  return { right: true, tapeOrder: next === pick, tapeNext: next };
}
