/**
 * The "before" program's heap, read from its own bytes: wasi-libc's dlmalloc (wasi-libc
 * 0.0~git20220510, Debian 12), 32-bit. Each chunk starts 8 bytes before the pointer malloc
 * returns; its head word (at chunk + 4) is `size | PINUSE (1) | CINUSE (2)`. Chunks lie back to
 * back from the heap's start (`__heap_base`, rounded so that the first pointer is 16-aligned)
 * to the top chunk (the unused rest), followed by dlmalloc's fencepost, which reaches the end of
 * linear memory. Walking by sizes visits every chunk; the kind table names those in use.
 */
import type { ChunkKindCode } from './chunkKinds';
import type { CppCommonExports } from './cppModule';

/** One chunk: where it starts, its size (from its head), whether in use, and what it holds. */
export interface HeapChunk {
  readonly address: number;
  readonly bytes: number;
  readonly inUse: boolean;
  /** From the kind table: 0 for a free chunk, or one the table does not name. */
  readonly kind: ChunkKindCode;
  /** Bytes the program asked for (0 when the table does not name the chunk). */
  readonly requested: number;
}

/** The heap at one moment. */
export interface HeapWalk {
  /** Address of the first chunk. */
  readonly start: number;
  /** Every chunk below the top, in address order. */
  readonly chunks: HeapChunk[];
  /** The top chunk: the heap's unused rest, up to the fencepost. */
  readonly top: { address: number; bytes: number };
  /** The end of linear memory. */
  readonly end: number;
  /** Counts for the summary line: chunks below the top, in use, free, and their bytes. */
  readonly inUse: number;
  readonly free: number;
  readonly bytes: number;
}

/** Entry of the kind table: (address malloc returned, bytes asked, kind). */
export interface KindEntry {
  readonly pointer: number;
  readonly requested: number;
  readonly kind: ChunkKindCode;
}

/** The kind table's live entries (empty when kind tracking is off). */
export function readKindTable(exports: CppCommonExports): KindEntry[] {
  const capacity = exports.kind_table_capacity();
  if (capacity === 0) return [];
  const words = new Uint32Array(exports.memory.buffer, exports.kind_table(), capacity * 3);
  const entries: KindEntry[] = [];
  for (let i = 0; i < capacity; i++) {
    const pointer = words[3 * i];
    if (pointer !== 0) {
      entries.push({
        pointer,
        requested: words[3 * i + 1],
        kind: words[3 * i + 2] as ChunkKindCode,
      });
    }
  }
  return entries;
}

/** The first chunk: its pointer (chunk + 8) is the first 16-aligned address past the heap base. */
export function firstChunkAddress(heapBase: number): number {
  return heapBase + ((16 - ((heapBase + 8) & 15)) & 15);
}

/** Walks the heap from its start by chunk sizes. Throws if a head word makes no sense. */
export function walkHeap(exports: CppCommonExports): HeapWalk {
  const buffer = exports.memory.buffer;
  const words = new Uint32Array(buffer);
  const end = buffer.byteLength;
  const kinds = new Map<number, KindEntry>();
  for (const entry of readKindTable(exports)) kinds.set(entry.pointer - 8, entry);
  const start = firstChunkAddress(exports.__heap_base.value as number);
  const chunks: HeapChunk[] = [];
  let inUse = 0;
  let bytes = 0;
  for (let address = start; ;) {
    const head = words[(address + 4) >> 2];
    const size = head & ~7;
    if (size === 0 || address + size > end) {
      throw new Error(`the heap walk met a bad head word 0x${head.toString(16)} at ${address}`);
    }
    const next = address + size;
    const nextSize = next < end ? words[(next + 4) >> 2] & ~7 : 0;
    if (next + nextSize === end && (head & 2) === 0) {
      return {
        start,
        chunks,
        top: { address, bytes: size },
        end,
        inUse,
        free: chunks.length - inUse,
        bytes,
      };
    }
    const used = (head & 2) !== 0;
    const entry = used ? kinds.get(address) : undefined;
    chunks.push({
      address,
      bytes: size,
      inUse: used,
      kind: entry?.kind ?? 0,
      requested: entry?.requested ?? 0,
    });
    if (used) inUse++;
    bytes += size;
    address = next;
  }
}

/** The summary line: "N chunks, M in use, K free, T bytes". */
export function heapSummary(walk: HeapWalk): string {
  const n = walk.chunks.length;
  return `${n.toLocaleString('en-US')} chunks, ${walk.inUse.toLocaleString('en-US')} in use, ${walk.free.toLocaleString('en-US')} free, ${walk.bytes.toLocaleString('en-US')} bytes`;
}
