import { ArenaOverflowError, CheckpointOrderError } from './errors';
import {
  OFFSET_TAG,
  POINTER_SIZE,
  POISON_BYTE,
  VALUE_ALIGN,
  VALUE_RECORD_SIZE,
} from './recordLayout';
import type { Memory } from './memory';

/** Reset epochs kept in handles and records are taken modulo this (2^20 resets). */
export const EPOCH_MODULUS = 1 << 20;
/** How many resets debug mode remembers, to name the one that freed a stale Value. */
const RESET_LOG_LIMIT = 4096;

/** One remembered reset (debug mode). */
export interface ResetRecord {
  /** 1 for the arena's first reset, and so on. */
  readonly number: number;
  /** Bytes in use after the reset. */
  readonly rewoundTo: number;
  /** Bytes in use before it. */
  readonly rewoundFrom: number;
  /** `checkpoint.end()` or `clear()`. */
  readonly kind: 'checkpoint.end()' | 'clear()';
}

/** Where a push of alignment `align` lands when the bump pointer stands at `top`. */
export function alignUp(top: number, align: number): number {
  return Math.ceil(top / align) * align;
}

/**
 * A bump allocator over a region `[base, base + capacity)` of a {@link Memory}, as the guide's
 * `MemoryArena`. `used` is the bump pointer's offset from `base`. Every Value record pushed is
 * also appended to the arena's **tape** (its allocation order), which is a topological order of
 * the graph: parents are always pushed before their children.
 */
export class MemoryArena {
  /** Bytes in use: the bump pointer is at `base + used`. */
  used = 0;
  /** High point of `used` as of the last reset (see `highWater`). */
  private peak = 0;
  /** Number of resets (checkpoint ends and clears) so far. */
  resets = 0;
  /** Addresses of the Value records in this arena, in allocation order. */
  tape: Uint32Array;
  /** How many entries of `tape` are live. */
  tapeLength = 0;
  /** Debug mode: the last resets, oldest first. */
  readonly resetLog: ResetRecord[] = [];
  private openCheckpoints: Checkpoint[] = [];

  constructor(
    /** The memory this arena is a region of. */
    readonly memory: Memory,
    /** Name shown in errors and in the inspector: `model`, `scratch`. */
    readonly name: string,
    /** Address of the first byte. */
    public base: number,
    /** Size of the region in bytes. */
    public capacity: number,
  ) {
    this.tape = new Uint32Array(Math.ceil(capacity / VALUE_RECORD_SIZE));
  }

  /** The most bytes ever in use; survives `mark().end()` and `clear()`. */
  get highWater(): number {
    return this.used > this.peak ? this.used : this.peak;
  }

  /** Address of the next free byte (the bump pointer). */
  get top(): number {
    return this.base + this.used;
  }

  /** Bytes still free. */
  get free(): number {
    return this.capacity - this.used;
  }

  /** Reset epoch, as stored in debug handles and record tags. */
  get epoch(): number {
    return this.resets % EPOCH_MODULUS;
  }

  /** Checkpoints not yet ended, outermost first. */
  get checkpoints(): readonly Checkpoint[] {
    return this.openCheckpoints;
  }

  /**
   * Reserves `size` bytes at the next multiple of `align` and returns their address. The bytes
   * are not cleared. Throws {@link ArenaOverflowError}, changing nothing, when they do not fit.
   */
  pushBytes(size: number, align: number = VALUE_ALIGN): number {
    const top = this.base + this.used;
    const start = alignUp(top, align);
    const end = start + size;
    if (end > this.base + this.capacity) {
      throw new ArenaOverflowError(this.name, this.capacity, end - top, this.used);
    }
    this.used = end - this.base;
    return start;
  }

  /**
   * Pushes one zeroed Value record (the guide's `push_struct<Value>()`) and returns its address.
   * Most code calls `createValue` or an op instead, which also fill it in.
   */
  pushValue(): number {
    const address = this.pushBytes(VALUE_RECORD_SIZE, VALUE_ALIGN);
    const memory = this.memory;
    memory.u8.fill(0, address, address + VALUE_RECORD_SIZE);
    if (memory.debug) memory.u32[(address + OFFSET_TAG) >> 2] = this.epoch;
    this.tape[this.tapeLength++] = address;
    return address;
  }

  /**
   * Pushes an array of `count` pointers (the guide's `push_array<Value*>(count)`), zeroed, and
   * returns its address. Element `i` is at `address + 4 * i`.
   */
  pushArray(count: number): number {
    const bytes = count * POINTER_SIZE;
    const address = this.pushBytes(bytes, POINTER_SIZE);
    this.memory.u8.fill(0, address, address + bytes);
    return address;
  }

  /**
   * Remembers the bump pointer. `checkpoint.end()` rewinds to it, freeing everything pushed
   * since in O(1). Checkpoints nest and must be ended innermost first. Passing an ended
   * checkpoint of this arena as `reuse` re-arms that object instead of allocating one (the
   * training step does, so that a step allocates nothing).
   */
  mark(reuse?: Checkpoint): Checkpoint {
    let checkpoint: Checkpoint;
    if (reuse !== undefined && reuse.arena === this && reuse.isEnded) {
      checkpoint = reuse;
      checkpoint.rearm(this.used, this.tapeLength);
    } else {
      checkpoint = new Checkpoint(this, this.used, this.tapeLength);
    }
    this.openCheckpoints.push(checkpoint);
    return checkpoint;
  }

  /** Frees everything in the arena: the bump pointer goes back to `base`. */
  clear(): void {
    this.openCheckpoints.length = 0;
    this.rewind(0, 0, 'clear()');
  }

  /** @internal Rewinds the bump pointer; called by `Checkpoint.end` and `clear`. */
  rewind(used: number, tapeLength: number, kind: ResetRecord['kind']): void {
    const from = this.used;
    if (from > this.peak) this.peak = from;
    this.used = used;
    this.tapeLength = tapeLength;
    this.resets++;
    if (this.memory.debug) {
      this.memory.u8.fill(POISON_BYTE, this.base + used, this.base + from);
      this.resetLog.push({ number: this.resets, rewoundTo: used, rewoundFrom: from, kind });
      if (this.resetLog.length > RESET_LOG_LIMIT) this.resetLog.splice(0, RESET_LOG_LIMIT / 2);
    }
  }

  /** @internal Ends `checkpoint`, which must be the innermost open one. */
  endCheckpoint(checkpoint: Checkpoint): void {
    const innermost = this.openCheckpoints[this.openCheckpoints.length - 1];
    if (innermost !== checkpoint) {
      throw new CheckpointOrderError(
        `checkpoint of the ${this.name} arena ended out of order: end the innermost ` +
          `checkpoint (marked at ${innermost?.used ?? '-'} bytes) before this one ` +
          `(marked at ${checkpoint.used} bytes)`,
      );
    }
    this.openCheckpoints.pop();
    this.rewind(checkpoint.used, checkpoint.tapeLength, 'checkpoint.end()');
  }

  /** @internal Called by `Memory.resizeArena`. */
  setCapacity(capacity: number): void {
    this.capacity = capacity;
    const tape = new Uint32Array(Math.ceil(capacity / VALUE_RECORD_SIZE));
    tape.set(this.tape.subarray(0, this.tapeLength));
    this.tape = tape;
  }

  /** @internal Called by `Memory.resizeArena` on an empty arena. */
  moveTo(base: number): void {
    this.base = base;
  }

  /**
   * The arena's bookkeeping and bytes as they are now (not its capacity), for
   * {@link MemoryArena.restoreState}: how the app steps back to an earlier moment of a step.
   */
  saveState(): ArenaState {
    const bytesEnd = this.base + this.highWater;
    return {
      used: this.used,
      peak: this.peak,
      resets: this.resets,
      tape: this.tape.slice(0, this.tapeLength),
      resetLog: [...this.resetLog],
      checkpoints: this.openCheckpoints.map((c) => ({ c, used: c.used, tape: c.tapeLength })),
      bytes: this.memory.u8.slice(this.base, bytesEnd),
    };
  }

  /** Puts the arena back as {@link MemoryArena.saveState} found it (open checkpoints re-armed). */
  restoreState(state: ArenaState): void {
    const memory = this.memory;
    memory.u8.set(state.bytes, this.base);
    const end = this.base + this.highWater;
    const restoredEnd = this.base + state.bytes.length;
    if (end > restoredEnd) memory.u8.fill(0, restoredEnd, end);
    this.used = state.used;
    this.peak = state.peak;
    this.resets = state.resets;
    this.tape.set(state.tape);
    this.tapeLength = state.tape.length;
    this.resetLog.splice(0, this.resetLog.length, ...state.resetLog);
    this.openCheckpoints = state.checkpoints.map(({ c, used, tape }) => {
      c.rearm(used, tape);
      return c;
    });
  }
}

/** What {@link MemoryArena.saveState} keeps. */
export interface ArenaState {
  readonly used: number;
  readonly peak: number;
  readonly resets: number;
  readonly tape: Uint32Array;
  readonly resetLog: readonly ResetRecord[];
  readonly checkpoints: readonly { c: Checkpoint; used: number; tape: number }[];
  readonly bytes: Uint8Array;
}

/** A saved bump pointer (the guide's `Arena checkpoint = scratch.mark()`). */
export class Checkpoint {
  private ended = false;

  constructor(
    /** The arena it belongs to. */
    readonly arena: MemoryArena,
    /** Bytes in use when it was taken. */
    public used: number,
    /** Tape length when it was taken. */
    public tapeLength: number,
  ) {}

  /** An ended checkpoint for `arena.mark(reuse)` to re-arm; the arena is not touched. */
  static spare(arena: MemoryArena): Checkpoint {
    const checkpoint = new Checkpoint(arena, 0, 0);
    checkpoint.ended = true;
    return checkpoint;
  }

  /** @internal Called by `MemoryArena.mark(reuse)`. */
  rearm(used: number, tapeLength: number): void {
    this.used = used;
    this.tapeLength = tapeLength;
    this.ended = false;
  }

  /** Whether `end()` has run. */
  get isEnded(): boolean {
    return this.ended;
  }

  /** Rewinds the arena to this checkpoint: one pointer moves, nothing is freed one by one. */
  end(): void {
    if (this.ended) {
      throw new CheckpointOrderError(`checkpoint of the ${this.arena.name} arena ended twice`);
    }
    this.arena.endCheckpoint(this);
    this.ended = true;
  }
}
