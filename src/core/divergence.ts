import type { MemoryArena } from './arena';
import { hex } from './errors';
import { OFFSET_OP } from './recordLayout';
import { OP_INFO } from './ops/opTable';

/**
 * A step produced NaN or Infinity, or a loss past the settings' `lossLimit` (training blowing
 * up). Thrown before any weight is written, so the model is as it was after the last good step.
 * Both engines build it through the same two functions, {@link DivergenceError.fromLoss} and
 * {@link DivergenceError.fromParameter}, each passing what it knows.
 */
export class DivergenceError extends Error {
  override readonly name = 'DivergenceError';
  constructor(
    message: string,
    /** Step that diverged. */
    readonly step: number,
    /** Address of the first Value that went non-finite (0 if unknown). */
    readonly address: number,
    /** Its position on the scratch tape, or -1 for a weight. */
    readonly tapeIndex: number,
  ) {
    super(message);
  }

  /**
   * Explains a step whose loss is not finite or past `limit`. Given the scratch arena and the
   * tape index where the step began (the arena engine), it names the first record pushed since
   * whose value is not finite or whose magnitude passes `limit`; without (the heap engine, which
   * keeps no tape) it names none.
   */
  static fromLoss(
    step: number,
    loss: number,
    limit: number,
    scratch?: MemoryArena,
    tapeStart = 0,
  ): DivergenceError {
    const exploded = Number.isFinite(loss);
    const what = exploded
      ? `the loss reached ${loss.toPrecision(3)}, past the limit of ${limit.toPrecision(1)}: training is blowing up`
      : `the loss is ${loss}`;
    const tapeLength = scratch?.tapeLength ?? 0;
    for (let k = tapeStart; scratch !== undefined && k < tapeLength; k++) {
      const address = scratch.tape[k];
      const value = scratch.memory.f64[address >> 3];
      if (!Number.isFinite(value) || (exploded && Math.abs(value) > limit)) {
        const op = OP_INFO[scratch.memory.u8[address + OFFSET_OP]]?.name ?? '?';
        const node = `node #${k - tapeStart} (${op} at ${hex(address)})`;
        return new DivergenceError(
          `training diverged at step ${step}: ${what}; ${node} ` +
            (exploded
              ? `is the first value past it (${value.toPrecision(3)}).`
              : `produced ${value}.`) +
            ` The weights were not updated: they are as after the last good step. Lower the ` +
            `learning rate and go on.`,
          step,
          address,
          k - tapeStart,
        );
      }
    }
    return new DivergenceError(
      `training diverged at step ${step}: ${what}. The weights were not updated.`,
      step,
      0,
      -1,
    );
  }

  /**
   * An update would make a parameter non-finite. `parameter` names it for people (the arena
   * engine: `the model weight at 0x…`; the heap engine: `parameter #3`); `address` is 0 when it
   * has none.
   */
  static fromParameter(
    step: number,
    parameter: string,
    address: number,
    value: number,
    grad: number,
    learningRate: number,
  ): DivergenceError {
    return new DivergenceError(
      `training diverged at step ${step}: ${parameter} would ` +
        `become ${value - learningRate * grad} (value ${value}, gradient ${grad}, learning ` +
        `rate ${learningRate}). No weight was updated: lower the learning rate and go on.`,
      step,
      address,
      -1,
    );
  }
}
