/**
 * The questions asked before the other reveals of a step: where a record will land (forward),
 * what a weight will be after the update, and how many bytes the scratch arena keeps after
 * `checkpoint.end()`. Each truth comes from the engine: the address the record has (or the
 * arena's own alignment rule, `alignUp`, for one not pushed yet), the core's SGD rule
 * (`stageUpdate`) on that one weight, the checkpoint's saved bump pointer.
 */
import { alignUp, type MemoryArena } from '../arena';
import { hex } from '../errors';
import type { Memory } from '../memory';
import { gradientAt, valueAt } from '../record';
import { VALUE_ALIGN, VALUE_RECORD_SIZE } from '../recordLayout';
import { stageUpdate } from '../train';
import { numberText as n, type PredictQuestion } from './predictQuestion';

/** Where a record lands: the bump pointer before its push (`top`), and its address. */
export interface Landing {
  readonly top: number;
  readonly address: number;
}

/**
 * Where the record at tape index `k` of `arena` lands. Pushed already (forward runs whole): its
 * address, after the record before it (the scratch arena holds Value records only, back to
 * back) or the checkpoint. Not pushed yet: where the arena's bump pointer and alignment put it,
 * after the Value records still to come before it.
 */
export function landingOf(arena: MemoryArena, k: number, stepStartUsed: number): Landing {
  if (k >= arena.tapeLength) {
    // Records before it still to come are Values too: 32 bytes each, back to back.
    const top = arena.base + arena.used + (k - arena.tapeLength) * VALUE_RECORD_SIZE;
    return { top, address: alignUp(top, VALUE_ALIGN) };
  }
  const previous = k > 0 ? arena.tape[k - 1] : -1;
  const stepStart = arena.base + stepStartUsed;
  const top = previous >= stepStart ? previous + VALUE_RECORD_SIZE : stepStart;
  return { top, address: arena.tape[k] };
}

/** "Where will it land?" for the record `name` (an address, hex or decimal). */
export function forwardQuestion(landing: Landing, name: string, key: string): PredictQuestion {
  const { top, address } = landing;
  const padding = address - top;
  const pad =
    padding > 0
      ? `${hex(top)} is not on an ${VALUE_ALIGN}-byte boundary: ${padding} bytes of padding, then the record.`
      : `${hex(top)} is already on an ${VALUE_ALIGN}-byte boundary: no padding.`;
  return {
    key,
    kind: 'forward',
    prompt: `Where will ${name} land? (an address: hex such as 0x1000 or decimal)`,
    answer: 'address',
    truth: address,
    truthText: hex(address),
    hints: [
      `A push puts the record where the bump pointer stands, moved up to the next ${VALUE_ALIGN}-byte boundary (a Value's alignment); the pointer then moves ${VALUE_RECORD_SIZE} bytes on.`,
      `The bump pointer stands at ${hex(top)} (${top} in decimal).`,
    ],
    why: `${name} lands at ${hex(address)}: ${pad}`,
  };
}

/**
 * "What will `name` be after the update (learning rate lr)?": the core's SGD rule `w ← w − lr · w.grad` run on
 * that one weight (nothing is written). Null when the update would diverge (the step fails).
 */
export function updateQuestion(
  memory: Memory,
  model: MemoryArena,
  weight: number,
  name: string,
  learningRate: number,
  step: number,
  key: string,
): PredictQuestion | null {
  const staged = new Float64Array(1);
  try {
    stageUpdate(memory.f64, Uint32Array.of(weight), learningRate, staged, model, step);
  } catch {
    return null;
  }
  const [w, g, after] = [valueAt(memory, weight), gradientAt(memory, weight), staged[0]];
  return {
    key,
    kind: 'update',
    prompt: `What will ${name} be after the update (learning rate ${n(learningRate)})?`,
    answer: 'number',
    truth: after,
    truthText: n(after),
    hints: [
      `SGD moves every weight against its gradient: ${name} ← ${name} − lr · ${name}.grad.`,
      `${name} = ${n(w)}, ${name}.grad = ${n(g)}, lr = ${n(learningRate)}.`,
    ],
    why: `${name} ← ${n(w)} − ${n(learningRate)} · ${n(g)} = ${n(after)}`,
  };
}

/**
 * "How many bytes will the scratch arena use after checkpoint.end()?": the bytes in use when
 * the step's checkpoint was taken (null when none is open).
 */
export function resetQuestion(scratch: MemoryArena, key: string): PredictQuestion | null {
  const checkpoint = scratch.checkpoints[scratch.checkpoints.length - 1];
  if (!checkpoint) return null;
  const records = scratch.tapeLength - checkpoint.tapeLength;
  const [now, then] = [scratch.used, checkpoint.used];
  const bytes = (x: number) => x.toLocaleString('en-US');
  return {
    key,
    kind: 'reset',
    prompt: `How many bytes will the ${scratch.name} arena use after checkpoint.end()?`,
    answer: 'number',
    truth: then,
    truthText: bytes(then),
    hints: [
      'checkpoint.end() puts the bump pointer back where scratch.mark() left it at the step’s start: everything the step pushed is freed at once.',
      `Now ${bytes(now)} bytes are in use; the step pushed ${records} records of ${VALUE_RECORD_SIZE} bytes since the mark.`,
    ],
    why: `checkpoint.end(): ${bytes(now)} → ${bytes(then)} bytes, one store to the bump pointer.`,
  };
}
