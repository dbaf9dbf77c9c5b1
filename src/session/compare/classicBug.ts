/**
 * The classic arena bug, acted out on the scenario on screen: keep a pointer to a scratch
 * record in the middle of a step, let the step end (its checkpoint frees the record) and the
 * next one reuse the slot, then read through the kept pointer. In release mode the read
 * silently returns whatever record lives there now; in debug mode the handle carries the
 * arena's reset epoch from the record's birth, so the read throws `UseAfterResetError`.
 */
import {
  addressOf,
  getValue,
  handleAt,
  opInfo,
  opAt,
  UseAfterResetError,
  valueAt,
  VALUE_RECORD_SIZE,
  type Value,
} from '../../core';
import type { Session } from '../Session';

/** A pointer kept across a step, and what reading it gave. */
export interface StaleRead {
  readonly debug: boolean;
  readonly address: number;
  /** The handle kept (in debug mode: address + epoch · 2³²). */
  readonly handle: Value;
  /** The epoch in the handle, and the arena's epoch when it was read. */
  readonly epochKept: number;
  readonly epochNow: number;
  /** What the pointer named when it was kept: its name, op, value and the step it was in. */
  readonly kept: { name: string; op: string; value: number; step: number };
  /** The record's 32 bytes when kept, and when read (hex, little-endian as stored). */
  readonly bytesKept: string;
  readonly bytesNow: string;
  /** What lives at the address now (the next step's record in the same slot). */
  readonly now: { name: string; op: string; value: number; step: number };
  /** Release: the value the read returned. Debug: null (it threw). */
  readonly readValue: number | null;
  /** Debug: the error's message. */
  readonly error: string | null;
}

const TWO_POW_32 = 4294967296;
const MAX_PHASES = 40;

/** Runs phases until the step's loss is built (its scratch records are live). */
function toMidStep(session: Session): void {
  for (let k = 0; k < MAX_PHASES; k++) {
    const playhead = session.scenario?.playhead;
    if (!playhead) return;
    if (playhead.phase === 'loss' && playhead.phaseComplete) return;
    session.stepPhase();
  }
}

function bytesAt(u8: Uint8Array, address: number): string {
  return Array.from(u8.subarray(address, address + VALUE_RECORD_SIZE), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join(' ');
}

function describe(session: Session, address: number) {
  const scenario = session.scenario!;
  const memory = scenario.stepper.memory;
  return {
    name: scenario.nameOf(address),
    op: opInfo(opAt(memory, address))?.name ?? '?',
    value: valueAt(memory, address),
    step: scenario.stepper.stepCount + 1,
  };
}

/**
 * Keeps a pointer to `selected` (if it is a live scratch record mid-step; otherwise the step's
 * loss record), takes a step, reads through the pointer. Null when the scenario on screen has
 * no training step (the playground).
 */
export function actOutClassicBug(session: Session, selected: number | null): StaleRead | null {
  if (!session.scenario?.trainer) return null;
  toMidStep(session);
  const { memory, scratch } = session.scenario.stepper;
  const live = (a: number) =>
    a >= scratch.base &&
    a + VALUE_RECORD_SIZE <= scratch.base + scratch.used &&
    (a - scratch.base) % VALUE_RECORD_SIZE === 0;
  const address =
    selected !== null && live(selected) ? selected : scratch.tape[scratch.tapeLength - 1];
  const handle = handleAt(memory, address);
  const kept = describe(session, address);
  const bytesKept = bytesAt(memory.u8, address);
  session.stepWhole(); // ends this step: checkpoint.end() frees the record
  toMidStep(session); // the next step pushes its records over the same bytes
  const now = describe(session, address);
  const bytesNow = bytesAt(memory.u8, address);
  let readValue: number | null = null;
  let error: string | null = null;
  try {
    readValue = getValue(scratch, handle); // the kept pointer, dereferenced
  } catch (caught) {
    if (!(caught instanceof UseAfterResetError)) throw caught;
    error = caught.message;
  }
  return {
    debug: memory.debug,
    address: addressOf(handle),
    handle,
    epochKept: Math.floor(handle / TWO_POW_32),
    epochNow: scratch.epoch,
    kept,
    now,
    bytesKept,
    bytesNow,
    readValue,
    error,
  };
}
