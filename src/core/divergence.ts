import type { MemoryArena } from './arena';
import { hex } from './errors';
import { OFFSET_OP } from './layout';
import { OP_INFO } from './ops';

/**
 * A step produced NaN or Infinity, or a loss past the settings' `lossLimit` (training blowing
 * up). Thrown before any weight is written, so the model is as it was after the last good step.
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
   * Explains a step whose loss is not finite or past `limit`: names the first record pushed
   * since `tapeStart` whose value is not finite or whose magnitude passes `limit`.
   */
  static fromTape(
    scratch: MemoryArena,
    tapeStart: number,
    step: number,
    loss: number,
    limit = Infinity,
  ): DivergenceError {
    const f64 = scratch.memory.f64;
    const exploded = Number.isFinite(loss);
    const what = exploded
      ? `the loss reached ${loss.toPrecision(3)}, past the limit of ${limit.toPrecision(1)}: training is blowing up`
      : `the loss is ${loss}`;
    for (let k = tapeStart; k < scratch.tapeLength; k++) {
      const address = scratch.tape[k];
      const value = f64[address >> 3];
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

  /** An update would make a weight non-finite. */
  static fromUpdate(
    model: MemoryArena,
    address: number,
    value: number,
    grad: number,
    learningRate: number,
    step: number,
  ): DivergenceError {
    return new DivergenceError(
      `training diverged at step ${step}: the ${model.name} weight at ${hex(address)} would ` +
        `become ${value - learningRate * grad} (value ${value}, gradient ${grad}, learning ` +
        `rate ${learningRate}). No weight was updated: lower the learning rate and go on.`,
      step,
      address,
      -1,
    );
  }
}
