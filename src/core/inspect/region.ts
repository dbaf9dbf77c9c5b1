/**
 * What an arena's region holds, byte by byte: Value records, pointer arrays, alignment padding,
 * free space (and, in debug mode, poisoned free space). The arena keeps a tape of its record
 * starts but no list of its arrays, so arrays and padding are read from the gaps between records.
 */
import type { MemoryArena } from '../arena';
import { POINTER_SIZE, POISON_BYTE, VALUE_ALIGN, VALUE_RECORD_SIZE } from '../recordLayout';
import type { Memory } from '../memory';

/** A summary of one arena, as the inspector's header shows it. */
export interface RegionSummary {
  readonly name: string;
  /** Address of the first byte. */
  readonly base: number;
  readonly capacity: number;
  readonly used: number;
  readonly free: number;
  /** The bump pointer: address of the next free byte. */
  readonly top: number;
  /** The most bytes ever in use. */
  readonly highWater: number;
  /** Offsets (bytes from `base`) of the open checkpoints, outermost first. */
  readonly checkpoints: readonly number[];
  /** Value records in the arena (its tape length). */
  readonly recordCount: number;
  /** Resets so far (checkpoint ends and clears). */
  readonly resets: number;
}

/** Reads an arena's numbers. */
export function describeRegion(arena: MemoryArena): RegionSummary {
  return {
    name: arena.name,
    base: arena.base,
    capacity: arena.capacity,
    used: arena.used,
    free: arena.free,
    top: arena.top,
    highWater: arena.highWater,
    checkpoints: arena.checkpoints.map((c) => c.used),
    recordCount: arena.tapeLength,
    resets: arena.resets,
  };
}

/** What a byte of a region is. Numeric so it packs into typed arrays. */
export const CellKind = {
  /** Above the bump pointer, never used or zero. */
  Free: 0,
  /** Part of a Value record. */
  Record: 1,
  /** Part of an array of pointers (`pushArray`). */
  Pointers: 2,
  /** Alignment padding: bytes skipped so the next record is 8-byte aligned. */
  Padding: 3,
  /** Free, and holding the debug poison pattern (freed by a reset in debug mode). */
  Poison: 4,
} as const;
export type CellKind = (typeof CellKind)[keyof typeof CellKind];

/** A run of bytes `[start, end)` of one kind. Record runs hold whole 32-byte records. */
export interface RegionSegment {
  readonly start: number;
  readonly end: number;
  readonly kind: CellKind;
}

/** How much of the arena to treat as pushed (a forward animation shows records one by one). */
export interface ClassifyOptions {
  /** Only the first `tapeLength` records count; everything above the next one is shown free. */
  tapeLength?: number;
}

/** A region split into runs, in address order, covering `[base, base + capacity)` exactly. */
export interface RegionMap {
  readonly base: number;
  readonly end: number;
  /** The bump pointer as shown (lower than the arena's when `tapeLength` hides records). */
  readonly top: number;
  readonly segments: readonly RegionSegment[];
}

/**
 * Classifies every byte of `arena`'s region. Tape entries are record starts; a gap between
 * records is a pointer array, plus 4 bytes of padding when the gap's last word is no pointer
 * and the array would otherwise have an even length (an odd array is padded to 8 bytes).
 * Above the bump pointer is free space; in debug mode runs of the poison byte are `Poison`.
 */
export function classifyRegion(
  memory: Memory,
  arena: MemoryArena,
  options: ClassifyOptions = {},
): RegionMap {
  const count = Math.min(options.tapeLength ?? arena.tapeLength, arena.tapeLength);
  const tape = arena.tape;
  const top = count < arena.tapeLength ? tape[count] : arena.top;
  const segments: { start: number; end: number; kind: CellKind }[] = [];
  const push = (start: number, end: number, kind: CellKind): void => {
    if (end <= start) return;
    const last = segments[segments.length - 1];
    if (last !== undefined && last.kind === kind && last.end === start) last.end = end;
    else segments.push({ start, end, kind });
  };
  let pos = arena.base;
  for (let k = 0; k < count; k++) {
    const record = tape[k];
    if (record > pos) classifyGap(memory, pos, record, push);
    push(record, record + VALUE_RECORD_SIZE, CellKind.Record);
    pos = record + VALUE_RECORD_SIZE;
  }
  if (top > pos) classifyGap(memory, pos, top, push);
  const end = arena.base + arena.capacity;
  const written = Math.min(Math.max(arena.base + arena.highWater, top), end);
  if (memory.debug) classifyFree(memory, top, written, push);
  else push(top, written, CellKind.Free);
  push(written, end, CellKind.Free);
  return { base: arena.base, end, top, segments };
}

type Push = (start: number, end: number, kind: CellKind) => void;

function classifyGap(memory: Memory, start: number, end: number, push: Push): void {
  if (start % POINTER_SIZE !== 0) {
    push(start, end, CellKind.Padding);
    return;
  }
  let words = Math.floor((end - start) / POINTER_SIZE);
  if (words % 2 === 0 && words > 0 && end % VALUE_ALIGN === 0) {
    const last = memory.u32[(start >> 2) + words - 1];
    if (!isPlausiblePointer(memory, last)) words--;
  }
  push(start, start + words * POINTER_SIZE, CellKind.Pointers);
  push(start + words * POINTER_SIZE, end, CellKind.Padding);
}

function isPlausiblePointer(memory: Memory, word: number): boolean {
  return word !== 0 && word % VALUE_ALIGN === 0 && memory.arenaAt(word) !== undefined;
}

/** Four poison bytes read as one little-endian word. */
const POISON_WORD = POISON_BYTE * 0x01010101;

function classifyFree(memory: Memory, start: number, end: number, push: Push): void {
  const { u8, u32 } = memory;
  let runStart = start;
  let poisoned = start < end && u8[start] === POISON_BYTE;
  let a = start;
  while (a < end) {
    // Whole words that continue the current run are skipped four bytes at a time.
    if ((a & 3) === 0 && a + 4 <= end) {
      const word = u32[a >> 2];
      if (poisoned ? word === POISON_WORD : word === 0) {
        a += 4;
        continue;
      }
    }
    const p = u8[a] === POISON_BYTE;
    if (p !== poisoned) {
      push(runStart, a, poisoned ? CellKind.Poison : CellKind.Free);
      runStart = a;
      poisoned = p;
    }
    a++;
  }
  push(runStart, end, poisoned ? CellKind.Poison : CellKind.Free);
}

/** The segment holding `address`, or undefined outside the map (binary search). */
export function segmentAt(map: RegionMap, address: number): RegionSegment | undefined {
  const segments = map.segments;
  let lo = 0;
  let hi = segments.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = segments[mid];
    if (address < s.start) hi = mid - 1;
    else if (address >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}

/**
 * The kind of every `cellBytes`-byte cell of the map (cell `i` = bytes from `base + i·cellBytes`).
 * A cell that holds bytes of several kinds takes the most telling one:
 * record > pointers > padding > poison > free.
 */
export function classifyCells(map: RegionMap, cellBytes = 8): Uint8Array {
  const cells = new Uint8Array(Math.ceil((map.end - map.base) / cellBytes));
  for (const s of map.segments) {
    const first = Math.floor((s.start - map.base) / cellBytes);
    const last = Math.ceil((s.end - map.base) / cellBytes);
    const rank = KIND_RANK[s.kind];
    for (let i = first; i < last; i++) {
      if (rank > KIND_RANK[cells[i]]) cells[i] = s.kind;
    }
  }
  return cells;
}

/** Rank of each kind when several share a cell, indexed by kind. */
const KIND_RANK = [0, 4, 3, 2, 1];

/** The record start holding `address`, if it lies in a record run. */
export function recordStartAt(map: RegionMap, address: number): number | undefined {
  const s = segmentAt(map, address);
  if (s === undefined || s.kind !== CellKind.Record) return undefined;
  return s.start + Math.floor((address - s.start) / VALUE_RECORD_SIZE) * VALUE_RECORD_SIZE;
}
