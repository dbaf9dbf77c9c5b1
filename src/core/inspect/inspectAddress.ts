/** What the inspector shows for an address: a record, a pointer array, or nothing. */
import { POINTER_SIZE } from '../recordLayout';
import type { Memory } from '../memory';
import {
  decodePointerArray,
  decodeRecord,
  type DecodedPointerArray,
  type DecodedRecord,
} from './decode';
import { CellKind, classifyRegion, segmentAt } from './region';

/** What an address decodes as. */
export type Inspected =
  | { readonly kind: 'record'; readonly record: DecodedRecord }
  | { readonly kind: 'array'; readonly array: DecodedPointerArray }
  | { readonly kind: 'none'; readonly address: number; readonly arenaName: string | null };

/**
 * Decodes `address`: a live record start decodes as a record, an address inside a pointer array
 * as the whole array; anything else (freed or poisoned bytes, padding) decodes as a record too,
 * flagged invalid, when it lies in an arena.
 */
export function inspectAddress(memory: Memory, address: number): Inspected {
  const record = decodeRecord(memory, address);
  if (record.valid) return { kind: 'record', record };
  const arena = memory.arenaAt(address);
  if (arena === undefined) return { kind: 'none', address, arenaName: null };
  const segment = segmentAt(classifyRegion(memory, arena), address);
  if (segment !== undefined && segment.kind === CellKind.Pointers) {
    const count = (segment.end - segment.start) / POINTER_SIZE;
    return { kind: 'array', array: decodePointerArray(memory, segment.start, count) };
  }
  return { kind: 'record', record };
}
