import { MemoryArena } from './arena';
import { NULL_ADDRESS } from './recordLayout';

/** Bytes at the bottom of the memory that no arena owns, so that address 0 is never valid. */
export const NULL_GUARD_BYTES = 16;

/** Options for a new linear memory. */
export interface MemoryOptions {
  /**
   * Debug mode: Value handles carry the arena's reset epoch, ops and reads check it, and freed
   * bytes are poisoned. Catches use-after-reset. Release mode (the default) pays nothing.
   */
  debug?: boolean;
  /**
   * Back the memory with a `WebAssembly.Memory`, so that a WebAssembly kernel reads and writes
   * the very bytes the views show (the Wasm engine, `createWasmTrainer`). Growing it is
   * `WebAssembly.Memory.grow`: the views are recreated, as for a plain buffer.
   */
  wasm?: boolean;
  /**
   * Wasm-backed memory: bytes to reserve up front (the guard and every arena to come), so that
   * adding the arenas never grows it. Growing detaches the old buffer, and one detached buffer
   * makes V8 check every typed-array access in the process for detachment from then on.
   */
  reserve?: number;
}

/** Bytes in a WebAssembly page. */
const WASM_PAGE = 65536;

/**
 * One linear memory: an `ArrayBuffer` standing for the process address space (like
 * WebAssembly memory), with typed views. Arenas are regions of it, laid out in the order they
 * are created, after a small null guard. The views are replaced when the memory grows, so read
 * them from here each time rather than keeping them.
 */
export class Memory {
  /**
   * The bytes. Replaced (copied) when an arena is added or enlarged; for a Wasm-backed memory,
   * the `WebAssembly.Memory`'s buffer (whole pages, so it may run past `size`).
   */
  buffer: ArrayBuffer;
  /** View for doubles: index = address / 8. */
  f64: Float64Array;
  /** View for pointers and tags: index = address / 4. */
  u32: Uint32Array;
  /** View for bytes: index = address. */
  u8: Uint8Array;
  /** Arenas in address order. */
  readonly arenas: MemoryArena[] = [];
  /** Whether handles are checked for use-after-reset. */
  readonly debug: boolean;
  /** The `WebAssembly.Memory` behind `buffer`, or null for a plain `ArrayBuffer`. */
  readonly wasmMemory: WebAssembly.Memory | null;
  /** Bytes of the address space in use by the guard and the arenas. */
  private end = NULL_GUARD_BYTES;

  constructor(options: MemoryOptions = {}) {
    this.debug = options.debug ?? false;
    const pages = Math.max(1, Math.ceil((options.reserve ?? 0) / WASM_PAGE));
    this.wasmMemory = options.wasm ? new WebAssembly.Memory({ initial: pages }) : null;
    this.buffer = this.wasmMemory ? this.wasmMemory.buffer : new ArrayBuffer(NULL_GUARD_BYTES);
    this.f64 = new Float64Array(this.buffer);
    this.u32 = new Uint32Array(this.buffer);
    this.u8 = new Uint8Array(this.buffer);
  }

  /** Total bytes of the address space. */
  get size(): number {
    return this.end;
  }

  /** Adds an arena of `capacity` bytes above the existing ones. */
  addArena(name: string, capacity: number): MemoryArena {
    const base = this.size;
    this.replaceBuffer(base + roundUp8(capacity), base);
    const arena = new MemoryArena(this, name, base, roundUp8(capacity));
    this.arenas.push(arena);
    return arena;
  }

  /**
   * Gives an arena a new capacity. Arenas above it move up or down, so they must be empty
   * (nothing can point into them); the arena itself must still hold what it uses.
   */
  resizeArena(arena: MemoryArena, capacity: number): void {
    const newCapacity = roundUp8(capacity);
    const index = this.arenas.indexOf(arena);
    if (index < 0) throw new Error(`arena ${arena.name} does not belong to this memory`);
    if (newCapacity < arena.used) {
      throw new Error(
        `cannot shrink the ${arena.name} arena to ${newCapacity} bytes: it uses ${arena.used}`,
      );
    }
    for (const above of this.arenas.slice(index + 1)) {
      if (above.used !== 0) {
        throw new Error(
          `cannot resize the ${arena.name} arena while the ${above.name} arena above it is in ` +
            `use (${above.used} bytes): clear it first`,
        );
      }
    }
    const delta = newCapacity - arena.capacity;
    this.replaceBuffer(this.size + delta, arena.base + arena.used);
    arena.setCapacity(newCapacity);
    for (const above of this.arenas.slice(index + 1)) above.moveTo(above.base + delta);
  }

  /** The arena whose region holds `address`, or undefined (null and the guard are in none). */
  arenaAt(address: number): MemoryArena | undefined {
    if (address === NULL_ADDRESS) return undefined;
    for (const arena of this.arenas) {
      if (address >= arena.base && address < arena.base + arena.capacity) return arena;
    }
    return undefined;
  }

  private replaceBuffer(size: number, keepBytes: number): void {
    this.end = size;
    if (this.wasmMemory) {
      // Grow in place (the old buffer is detached); clear what a fresh buffer would not keep.
      const missing = size - this.wasmMemory.buffer.byteLength;
      if (missing > 0) this.wasmMemory.grow(Math.ceil(missing / WASM_PAGE));
      if (this.buffer !== this.wasmMemory.buffer) this.setViews(this.wasmMemory.buffer);
      if (keepBytes < size) this.u8.fill(0, keepBytes, size);
      return;
    }
    const next = new ArrayBuffer(size);
    new Uint8Array(next).set(new Uint8Array(this.buffer, 0, Math.min(keepBytes, size)));
    this.setViews(next);
  }

  private setViews(buffer: ArrayBuffer): void {
    this.buffer = buffer;
    this.f64 = new Float64Array(buffer);
    this.u32 = new Uint32Array(buffer);
    this.u8 = new Uint8Array(buffer);
  }
}

function roundUp8(n: number): number {
  if (!Number.isFinite(n) || n <= 0) throw new RangeError(`arena capacity must be > 0, got ${n}`);
  return Math.ceil(n / 8) * 8;
}

/** 1 MiB = 1,048,576 bytes, as the guide's `MB(1)`. */
export const MB = (n: number): number => n * 1024 * 1024;
/** 1 KiB. */
export const KB = (n: number): number => n * 1024;
