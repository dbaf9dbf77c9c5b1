/**
 * The two engines' losses, compared step by step. Each engine times its own batches, so one runs
 * ahead of the other: the leader's losses wait in a queue until the other engine reaches the same
 * step.
 */
import type { LossComparison } from './compareProtocol';

/** Which engine a loss came from. */
export type EngineName = 'arena' | 'heap';

/** Step-by-step comparison of the two engines' losses. */
export class LossMatch {
  private queue: number[] = [];
  private head = 0;
  private leader: EngineName = 'arena';
  private compared = 0;
  private equal = 0;
  private maxDifference = 0;
  private lastArena = NaN;
  private lastHeap = NaN;

  /** `engine`'s losses for its next steps, in order. */
  add(engine: EngineName, losses: ArrayLike<number>): void {
    for (let k = 0; k < losses.length; k++) {
      const loss = losses[k];
      if (this.head === this.queue.length || this.leader === engine) {
        this.leader = engine;
        this.queue.push(loss);
        continue;
      }
      const other = this.queue[this.head++];
      const [arena, heap] = engine === 'heap' ? [other, loss] : [loss, other];
      this.compare(arena, heap);
    }
    if (this.head > 4096 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
  }

  /** What the page shows. */
  summary(): LossComparison {
    return {
      compared: this.compared,
      equal: this.equal,
      maxDifference: this.maxDifference,
      lastArena: this.lastArena,
      lastHeap: this.lastHeap,
    };
  }

  private compare(arena: number, heap: number): void {
    this.compared++;
    if (arena === heap) this.equal++;
    const difference = Math.abs(arena - heap);
    if (!(difference <= this.maxDifference)) this.maxDifference = difference;
    this.lastArena = arena;
    this.lastHeap = heap;
  }
}
