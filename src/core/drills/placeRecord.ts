/**
 * "Place the record": the learner picks the address where the next push lands. The arena is a
 * bump allocator (`MemoryArena.pushBytes`): a push starts at the bump pointer rounded up to its
 * alignment — 8 bytes for a Value record, 4 for an array of pointers — so after a pointer array
 * of odd length the next record starts 4 bytes of padding further on. Sizes and alignments come
 * from the record layout, never typed in here.
 */
import { hex } from '../errors';
import { POINTER_SIZE, VALUE_ALIGN, VALUE_RECORD_SIZE } from '../recordLayout';

/** One push into an arena. */
export type PlacePush =
  | { readonly kind: 'record' }
  | {
      readonly kind: 'pointers';
      /** How many pointers (`push_array<Value*>(count)`). */
      readonly count: number;
    };

/** Bytes a push takes and the multiple its address must be. */
export function pushShape(push: PlacePush): { size: number; align: number } {
  return push.kind === 'record'
    ? { size: VALUE_RECORD_SIZE, align: VALUE_ALIGN }
    : { size: push.count * POINTER_SIZE, align: POINTER_SIZE };
}

/** Where a push lands when the bump pointer is at `top`. */
export interface Placement {
  /** The push's first byte: `top` rounded up to the alignment. */
  readonly start: number;
  /** Bytes skipped between `top` and `start` (alignment padding). */
  readonly padding: number;
  /** The bump pointer after the push. */
  readonly end: number;
}

/** Where `push` lands with the bump pointer at `top` (what `pushBytes` computes). */
export function placePush(top: number, push: PlacePush): Placement {
  const { size, align } = pushShape(push);
  const start = Math.ceil(top / align) * align;
  return { start, padding: start - top, end: start + size };
}

/** The verdict on one pick of "place the record". */
export interface PlaceVerdict {
  readonly right: boolean;
  /** Where it lands. */
  readonly placement: Placement;
  /**
   * Why: `right`; `used` (below the bump pointer: taken); `unaligned` (at or above the bump
   * pointer, not a multiple of the alignment); `skipped` (aligned, but past the first aligned
   * address: an arena never leaves more than the alignment needs).
   */
  readonly reason: 'right' | 'used' | 'unaligned' | 'skipped';
  /** One or two sentences for the learner. */
  readonly message: string;
}

/** Checks the learner's `picked` address for `push` with the bump pointer at `top`. */
export function checkPlacement(top: number, push: PlacePush, picked: number): PlaceVerdict {
  const placement = placePush(top, push);
  const { align } = pushShape(push);
  const what = push.kind === 'record' ? 'a Value record' : 'an array of pointers';
  const landing =
    placement.padding > 0
      ? `The bump pointer is at ${hex(top)}, not a multiple of ${align}: ${placement.padding} bytes of padding, so ${what} starts at ${hex(placement.start)}.`
      : `The bump pointer is at ${hex(top)}, already a multiple of ${align}: ${what} starts right there.`;
  if (picked === placement.start) {
    return { right: true, placement, reason: 'right', message: landing };
  }
  if (picked < top) {
    return {
      right: false,
      placement,
      reason: 'used',
      message: `${hex(picked)} is below the bump pointer (${hex(top)}): those bytes are taken, and an arena only moves forward. ${landing}`,
    };
  }
  if (picked % align !== 0) {
    return {
      right: false,
      placement,
      reason: 'unaligned',
      message:
        picked === top
          ? `${hex(picked)} is the bump pointer, but ${what} must start at a multiple of ${align}: ${placement.padding} bytes of padding come first, so it starts at ${hex(placement.start)}.`
          : `${hex(picked)} is not a multiple of ${align}: ${what} must start ${align}-byte aligned. ${landing}`,
    };
  }
  return {
    right: false,
    placement,
    reason: 'skipped',
    message: `${hex(picked)} leaves a gap: the arena takes the first ${align}-byte aligned address at or above the bump pointer, never more. ${landing}`,
  };
}
