/**
 * Decoding raw bytes of the linear memory the way a debugger's memory window does: a Value
 * record's fields through the documented layout, and a pointer array's addresses. Pure reads:
 * nothing here writes to memory or throws on garbage (poisoned or freed bytes decode as what
 * they are).
 */
import type { MemoryArena } from '../arena';
import { tapeIndexOf } from '../backward';
import { hex } from '../errors';
import {
  POINTER_SIZE,
  POISON_BYTE,
  VALUE_ALIGN,
  VALUE_LAYOUT,
  VALUE_RECORD_SIZE,
} from '../recordLayout';
import type { RecordField } from '../recordLayout';
import type { Memory } from '../memory';
import { opInfo, type OpInfo } from '../ops';

/** One decoded field of a record: its place in the struct and what its bytes say. */
export interface DecodedField {
  readonly name: RecordField['name'];
  /** Byte offset from the record's start. */
  readonly offset: number;
  /** Size in bytes. */
  readonly size: number;
  readonly type: RecordField['type'];
  /** The field's bytes in address order, e.g. `00 00 00 00 00 00 f0 3f`. */
  readonly rawHex: string;
  /** The bytes read as `type` (little-endian). */
  readonly value: number;
  /** How the inspector prints it: a number, a hex address, an op name. */
  readonly display: string;
}

/** A 32-byte Value record as read from memory. */
export interface DecodedRecord {
  readonly address: number;
  /** Name of the arena whose region holds the address, or null. */
  readonly arenaName: string | null;
  /** A copy of the record's 32 bytes. */
  readonly bytes: Uint8Array;
  /** The bytes as hex, space separated, in address order. */
  readonly hex: string;
  /** Every field of `VALUE_LAYOUT`, in address order. */
  readonly fields: readonly DecodedField[];
  readonly value: number;
  readonly gradient: number;
  /** The op byte. */
  readonly op: number;
  /** Op name and gradient rule, or undefined when the byte is no op (garbage, poison). */
  readonly opInfo: OpInfo | undefined;
  /** The parent addresses that count: the first `prev_count` of `prev[0]`, `prev[1]`. */
  readonly prev: readonly number[];
  readonly prevCount: number;
  /** Position on its arena's tape (allocation order), or -1 when it is no live record start. */
  readonly tapeIndex: number;
  /** Every byte is the debug poison pattern (freed memory in debug mode). */
  readonly isPoisoned: boolean;
  /**
   * A live record: its op byte is a known op, it is 8-byte aligned in an arena, it ends at or
   * below the bump pointer and it is a record start on the arena's tape.
   */
  readonly valid: boolean;
}

/** Formats bytes `[from, to)` of `u8` as `0a ff 00`. */
export function hexBytes(u8: Uint8Array, from: number, to: number): string {
  let out = '';
  for (let a = from; a < to; a++) {
    if (a > from) out += ' ';
    out += u8[a].toString(16).padStart(2, '0');
  }
  return out;
}

/** Reads the record at `address`. The address need not be valid: garbage decodes as garbage. */
export function decodeRecord(memory: Memory, address: number): DecodedRecord {
  const u8 = memory.u8;
  const view = new DataView(memory.buffer);
  const inBounds = address >= 0 && address + VALUE_RECORD_SIZE <= memory.size;
  const bytes = inBounds
    ? u8.slice(address, address + VALUE_RECORD_SIZE)
    : new Uint8Array(VALUE_RECORD_SIZE);
  const arena = memory.arenaAt(address);
  const read = (field: RecordField): number => {
    if (!inBounds) return 0;
    const at = address + field.offset;
    if (field.type === 'f64') return view.getFloat64(at, true);
    if (field.type === 'u32') return view.getUint32(at, true);
    return view.getUint8(at);
  };
  const numbers = VALUE_LAYOUT.map(read);
  const op = numbers[indexOf('op')];
  const info = opInfo(op);
  const prevCount = numbers[indexOf('prev_count')];
  const prev = [numbers[indexOf('prev[0]')], numbers[indexOf('prev[1]')]].slice(
    0,
    Math.min(prevCount, 2),
  );
  const fields = VALUE_LAYOUT.map((field, i): DecodedField => {
    const value = numbers[i];
    const start = address + field.offset;
    return {
      name: field.name,
      offset: field.offset,
      size: field.size,
      type: field.type,
      rawHex: inBounds ? hexBytes(u8, start, start + field.size) : '',
      value,
      display: displayField(field, value),
    };
  });
  const isPoisoned = inBounds && bytes.every((b) => b === POISON_BYTE);
  const tapeIndex = arena !== undefined ? recordTapeIndex(arena, address) : -1;
  const valid = info !== undefined && tapeIndex >= 0;
  return {
    address,
    arenaName: arena?.name ?? null,
    bytes,
    hex: hexBytes(bytes, 0, bytes.length),
    fields,
    value: numbers[indexOf('value')],
    gradient: numbers[indexOf('gradient')],
    op,
    opInfo: info,
    prev,
    prevCount,
    tapeIndex,
    isPoisoned,
    valid,
  };
}

/** Tape index of a live, aligned record start below the bump pointer, or -1. */
export function recordTapeIndex(arena: MemoryArena, address: number): number {
  if ((address - arena.base) % VALUE_ALIGN !== 0) return -1;
  if (address < arena.base || address + VALUE_RECORD_SIZE > arena.top) return -1;
  try {
    return tapeIndexOf(arena, address);
  } catch {
    return -1;
  }
}

/** One slot of a pointer array. */
export interface PointerEntry {
  /** Index in the array. */
  readonly index: number;
  /** Address of the slot itself. */
  readonly slot: number;
  /** The address stored in it (0 = null). */
  readonly target: number;
  /** Name of the arena the target lies in, or null (null pointer, garbage). */
  readonly targetArena: string | null;
  /** The target is a live record start. */
  readonly targetIsRecord: boolean;
}

/** An array of 4-byte pointers, as pushed by `pushArray` (a neuron's weights). */
export interface DecodedPointerArray {
  readonly address: number;
  readonly count: number;
  readonly arenaName: string | null;
  readonly entries: readonly PointerEntry[];
  /** The array's bytes as hex. */
  readonly hex: string;
}

/** Reads `count` pointers starting at `address`. */
export function decodePointerArray(
  memory: Memory,
  address: number,
  count: number,
): DecodedPointerArray {
  const view = new DataView(memory.buffer);
  const entries: PointerEntry[] = [];
  for (let i = 0; i < count; i++) {
    const slot = address + i * POINTER_SIZE;
    if (slot + POINTER_SIZE > memory.size) break;
    const target = view.getUint32(slot, true);
    const targetArena = memory.arenaAt(target);
    entries.push({
      index: i,
      slot,
      target,
      targetArena: targetArena?.name ?? null,
      targetIsRecord: targetArena !== undefined && recordTapeIndex(targetArena, target) >= 0,
    });
  }
  const end = Math.min(address + count * POINTER_SIZE, memory.size);
  return {
    address,
    count: entries.length,
    arenaName: memory.arenaAt(address)?.name ?? null,
    entries,
    hex: hexBytes(memory.u8, address, end),
  };
}

function indexOf(name: RecordField['name']): number {
  return VALUE_LAYOUT.findIndex((f) => f.name === name);
}

function displayField(field: RecordField, value: number): string {
  if (field.name === 'prev[0]' || field.name === 'prev[1]') return hex(value);
  if (field.name === 'op') return opInfo(value)?.name ?? `? (${value})`;
  return String(value);
}
