import { EPOCH_MODULUS, type MemoryArena } from './arena';
import { UseAfterResetError, hex } from './errors';
import {
  OFFSET_OP,
  OFFSET_PREV0,
  OFFSET_PREV_COUNT,
  OFFSET_TAG,
  VALUE_ALIGN,
  VALUE_RECORD_SIZE,
} from './recordLayout';
import type { Memory } from './memory';
import { Op, type OpCode } from './ops/opCodes';

/**
 * A Value handle: the guide's `Value*`. In release mode it is the record's byte address. In
 * debug mode it is `address + epoch * 2^32`, where `epoch` counts the resets of the record's
 * arena at the time of its birth, so a handle kept across a reset is caught even when its slot
 * has been reused.
 */
export type Value = number;

const TWO_POW_32 = 4294967296;

/** The byte address a handle points to. */
export function addressOf(v: Value): number {
  return v >>> 0;
}

/** The handle for the record at `address` (reads its epoch tag in debug mode). */
export function handleAt(memory: Memory, address: number): Value {
  return memory.debug ? address + memory.u32[(address + OFFSET_TAG) >> 2] * TWO_POW_32 : address;
}

/**
 * Debug mode: throws {@link UseAfterResetError} if `v` does not name a live record. Release
 * mode never calls it.
 */
export function checkLive(memory: Memory, v: Value): void {
  const address = addressOf(v);
  const arena = memory.arenaAt(address);
  if (arena === undefined) {
    throw new UseAfterResetError(address, '?', -1, 'the address is in no arena (null?)');
  }
  if ((address - arena.base) % VALUE_ALIGN !== 0) {
    throw new UseAfterResetError(address, arena.name, -1, 'the address is not a record start');
  }
  const epoch = (v - address) / TWO_POW_32;
  const offset = address - arena.base;
  const live = offset + VALUE_RECORD_SIZE <= arena.used;
  if (live && epoch === arena.epoch) return;
  // Born in an older epoch, or above the bump pointer: find the reset that freed it, if any.
  const bornAfterReset = arena.resets - ((arena.resets - epoch) % EPOCH_MODULUS);
  for (const reset of arena.resetLog) {
    if (reset.number > bornAfterReset && reset.rewoundTo <= offset) {
      throw new UseAfterResetError(
        address,
        arena.name,
        reset.number,
        `${reset.kind} rewound it from ${reset.rewoundFrom} to ${reset.rewoundTo} bytes`,
      );
    }
  }
  if (!live) {
    throw new UseAfterResetError(
      address,
      arena.name,
      -1,
      `it lies above the ${arena.name} arena's bump pointer (${hex(arena.top)}): freed or never pushed`,
    );
  }
}

/**
 * Pushes a record into `arena` and fills it in. Parents are addresses (not handles);
 * `prevCount` says how many are used.
 */
export function pushNode(
  arena: MemoryArena,
  value: number,
  op: OpCode,
  prev0: number,
  prev1: number,
  prevCount: number,
): Value {
  const address = reserveRecord(arena);
  arena.memory.f64[address >> 3] = value;
  return linkRecord(arena, address, op, prev0, prev1, prevCount);
}

/**
 * Bumps the arena past one record and returns the record's address (overflow throws and
 * changes nothing), appending it to the tape. The caller then stores the value and calls
 * {@link linkRecord}: every Value is born through these two.
 *
 * Why the value is not a parameter: V8 boxes a floating-point number passed to a call it does
 * not inline, which would allocate on every node. Integers (addresses, op codes) stay unboxed.
 */
export function reserveRecord(arena: MemoryArena): number {
  const address = (arena.base + arena.used + 7) & ~7;
  const end = address + 32; // VALUE_RECORD_SIZE, as an immediate
  if (end > arena.base + arena.capacity) arena.pushBytes(VALUE_RECORD_SIZE); // throws
  arena.used = end - arena.base;
  arena.tape[arena.tapeLength++] = address;
  return address;
}

/**
 * Writes every field of a reserved record but its value: gradient 0, parents, op, tag. Returns
 * the record's handle (tagged with the arena's epoch in debug mode).
 */
export function linkRecord(
  arena: MemoryArena,
  address: number,
  op: OpCode,
  prev0: number,
  prev1: number,
  prevCount: number,
): Value {
  const memory = arena.memory;
  writeLinks(memory.f64, memory.u32, address, op, prev0, prev1, prevCount);
  if (!memory.debug) return address;
  const epoch = arena.epoch;
  memory.u32[(address + OFFSET_TAG) >> 2] = epoch;
  return address + epoch * TWO_POW_32;
}

/**
 * Writes gradient 0, parents, op and tag 0 of the record at `address`: the one place the
 * layout's fields after `value` are written.
 */
export function writeLinks(
  f64: Float64Array,
  u32: Uint32Array,
  address: number,
  op: OpCode,
  prev0: number,
  prev1: number,
  prevCount: number,
): void {
  // Offsets as literals (see VALUE_LAYOUT): a bundled module-level constant is a variable to V8,
  // read on every use; a literal is an immediate. The decoding tests pin them to the layout.
  const i = address >> 2;
  f64[(i >> 1) + 1] = 0; // gradient @8
  u32[i + 4] = prev0; // prev[0] @16
  u32[i + 5] = prev1; // prev[1] @20
  u32[i + 6] = prevCount | (op << 8); // prev_count @24, op @25, 2 bytes padding
  u32[i + 7] = 0; // tag @28
}

/** Creates a leaf Value (a weight, an input, a constant): the guide's `create_value`. */
export function createValue(arena: MemoryArena, x: number): Value {
  return pushNode(arena, x, Op.Leaf, 0, 0, 0);
}

/**
 * Pushes one leaf per entry of `values[0..count)` and puts their handles into `out`. One call
 * for a batch of inputs keeps the numbers unboxed (a call per number would box each one).
 */
export function pushLeaves(
  arena: MemoryArena,
  values: Float64Array,
  count: number,
  out: Value[],
): void {
  for (let i = 0; i < count; i++) out[i] = pushNode(arena, values[i], Op.Leaf, 0, 0, 0);
}

/** The forward value of `v`. */
export function getValue(arena: MemoryArena, v: Value): number {
  const memory = arena.memory;
  if (memory.debug) checkLive(memory, v);
  return memory.f64[addressOf(v) >> 3];
}

/** The gradient of `v`: d(output of the last backward)/d(v). */
export function getGrad(arena: MemoryArena, v: Value): number {
  const memory = arena.memory;
  if (memory.debug) checkLive(memory, v);
  return memory.f64[(addressOf(v) >> 3) + 1];
}

/** Overwrites the forward value of `v` (a weight edited by hand, an SGD update). */
export function setValue(arena: MemoryArena, v: Value, x: number): void {
  const memory = arena.memory;
  if (memory.debug) checkLive(memory, v);
  memory.f64[addressOf(v) >> 3] = x;
}

/** Overwrites the gradient of `v`. */
export function setGrad(arena: MemoryArena, v: Value, g: number): void {
  const memory = arena.memory;
  if (memory.debug) checkLive(memory, v);
  memory.f64[(addressOf(v) >> 3) + 1] = g;
}

/** The op code of `v`'s record. */
export function getOp(arena: MemoryArena, v: Value): OpCode {
  const memory = arena.memory;
  if (memory.debug) checkLive(memory, v);
  return memory.u8[addressOf(v) + OFFSET_OP] as OpCode;
}

/** Handles of `v`'s parents (0, 1 or 2 of them). */
export function getParents(arena: MemoryArena, v: Value): Value[] {
  const memory = arena.memory;
  if (memory.debug) checkLive(memory, v);
  const address = addressOf(v);
  const count = memory.u8[address + OFFSET_PREV_COUNT];
  const parents: Value[] = [];
  for (let k = 0; k < count; k++) {
    parents.push(handleAt(memory, memory.u32[((address + OFFSET_PREV0) >> 2) + k]));
  }
  return parents;
}
