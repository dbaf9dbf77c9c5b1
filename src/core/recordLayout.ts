/**
 * The byte layout of a Value record: the TypeScript twin of the guide's
 *
 * ```cpp
 * class Value { double value; double gradient; Value* prev[2]; u8 prev_count; u8 op; };
 * ```
 *
 * This is product data, not an implementation detail: the memory inspector decodes raw bytes
 * with it. All multi-byte fields are little-endian (the typed arrays' native order on every
 * platform the app runs on).
 */

/** Size in bytes of one Value record. */
export const VALUE_RECORD_SIZE = 32;
/** Every Value record starts at an address that is a multiple of this. */
export const VALUE_ALIGN = 8;
/** Size in bytes of one pointer (an address into the linear memory). */
export const POINTER_SIZE = 4;
/** Address 0 is never handed out: it is `nullptr`. */
export const NULL_ADDRESS = 0;

/** One field of a record: where it lives and how to read it. */
export interface RecordField {
  /** Field name as in the guide's C++ struct. */
  readonly name: 'value' | 'gradient' | 'prev[0]' | 'prev[1]' | 'prev_count' | 'op' | 'tag';
  /** Byte offset from the record's start. */
  readonly offset: number;
  /** Size in bytes. */
  readonly size: number;
  /** How the bytes are read. */
  readonly type: 'f64' | 'u32' | 'u8' | 'pad';
  /** One line for the inspector. */
  readonly doc: string;
}

/** Field offsets, in bytes. */
export const OFFSET_VALUE = 0;
export const OFFSET_GRADIENT = 8;
export const OFFSET_PREV0 = 16;
export const OFFSET_PREV1 = 20;
export const OFFSET_PREV_COUNT = 24;
export const OFFSET_OP = 25;
/** Debug mode writes the arena's reset epoch here to catch use-after-reset; 0 in release mode. */
export const OFFSET_TAG = 28;

/** The documented layout of a Value record, in address order (bytes 26..27 are padding). */
export const VALUE_LAYOUT: readonly RecordField[] = [
  { name: 'value', offset: OFFSET_VALUE, size: 8, type: 'f64', doc: 'forward value (double)' },
  { name: 'gradient', offset: OFFSET_GRADIENT, size: 8, type: 'f64', doc: 'd(output)/d(this)' },
  { name: 'prev[0]', offset: OFFSET_PREV0, size: 4, type: 'u32', doc: 'address of 1st parent' },
  { name: 'prev[1]', offset: OFFSET_PREV1, size: 4, type: 'u32', doc: 'address of 2nd parent' },
  { name: 'prev_count', offset: OFFSET_PREV_COUNT, size: 1, type: 'u8', doc: 'parents used' },
  { name: 'op', offset: OFFSET_OP, size: 1, type: 'u8', doc: 'op code: picks the gradient rule' },
  { name: 'tag', offset: OFFSET_TAG, size: 4, type: 'u32', doc: 'debug: reset epoch at birth' },
];

/** Byte ranges inside a record that hold nothing (struct padding). */
export const VALUE_PADDING: readonly { offset: number; size: number }[] = [{ offset: 26, size: 2 }];

/** Debug mode writes this byte over freed memory, so a stale read shows up as garbage. */
export const POISON_BYTE = 0xdd;
