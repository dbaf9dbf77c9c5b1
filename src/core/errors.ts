/** Errors the engine throws. Each message says what happened and what to do about it. */

/** Formats an address the way a debugger shows it: `0x0000a0c0`. */
export function hex(address: number): string {
  return '0x' + (address >>> 0).toString(16).padStart(8, '0');
}

/** A push did not fit. Nothing was written; the arena is unchanged and can be enlarged. */
export class ArenaOverflowError extends Error {
  override readonly name = 'ArenaOverflowError';
  constructor(
    /** Arena name, e.g. `scratch`. */
    readonly arenaName: string,
    /** Capacity in bytes. */
    readonly capacity: number,
    /** Bytes the push asked for (including alignment padding). */
    readonly requested: number,
    /** Bytes in use at the time of the push. */
    readonly used: number,
  ) {
    super(
      `${arenaName} arena overflow: a push of ${requested} bytes does not fit ` +
        `(capacity ${capacity} bytes, ${used} used, ${capacity - used} free). ` +
        `Nothing was written and the arena is unchanged: enlarge the ${arenaName} arena ` +
        `or build a smaller graph, then try again.`,
    );
  }
}

/** A Value handle was used after the arena reset that freed its record (debug mode only). */
export class UseAfterResetError extends Error {
  override readonly name = 'UseAfterResetError';
  constructor(
    /** Address of the freed record. */
    readonly address: number,
    /** Name of the arena it lived in. */
    readonly arenaName: string,
    /** Which reset of that arena freed it (1 = the first), or -1 when it was never allocated. */
    readonly resetNumber: number,
    detail: string,
  ) {
    super(
      resetNumber > 0
        ? `use after reset: the Value at ${hex(address)} in the ${arenaName} arena was freed by ` +
            `reset #${resetNumber} of that arena (${detail}). Its bytes now belong to ` +
            `something else. A scratch Value lives only until the checkpoint that was active ` +
            `when it was created ends: keep what must persist in the model arena, or read it ` +
            `before the reset.`
        : `invalid Value handle ${hex(address)}: ${detail}.`,
    );
  }
}

/** Checkpoints of one arena must be ended innermost first. */
export class CheckpointOrderError extends Error {
  override readonly name = 'CheckpointOrderError';
}

/** A program in the expression language could not be read. Line and column are 1-based. */
export class ExpressionError extends Error {
  override readonly name = 'ExpressionError';
  constructor(
    /** What is wrong, in words a student understands. */
    readonly reason: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${line}:${column}: ${reason}`);
  }
}
