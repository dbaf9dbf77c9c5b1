/**
 * "Check this gradient" for a weight of a trainer: d(loss)/d(weight) by the tape sweep and by
 * central finite differences, on a private copy of the trainer at the same weights (same
 * settings, so the same addresses), each forward run inside a scratch checkpoint. The trainer
 * on screen is not touched.
 */
import { backward, zeroGrad } from '../backward';
import { readParameters, writeParameters } from '../parameters';
import { createTrainer, type Trainer } from '../train/trainer';
import { forwardLoss } from '../train/trainStep';
import { addressOf } from '../value';

/** The gradient of the loss with respect to one parameter, two ways. */
export interface ParameterCheck {
  /** Index of the parameter in the model's `parameters`. */
  readonly index: number;
  readonly weight: number;
  /** By the tape sweep (this engine's backward). */
  readonly tape: number;
  /** By (L(w+h) − L(w−h)) / 2h, and h. */
  readonly finiteDifference: number;
  readonly h: number;
}

/** Checks the parameter at `address`; null when it is not one of the model's parameters. */
export function checkParameterGradient(trainer: Trainer, address: number): ParameterCheck | null {
  const index = trainer.mlp.parameters.indexOf(address);
  if (index < 0) return null;
  const copy = createTrainer({ ...trainer.settings, debug: false });
  const weights = readParameters(trainer.memory, trainer.mlp);
  writeParameters(copy.memory, copy.mlp, weights);
  copy.step = trainer.step;
  const f64 = copy.memory.f64;
  const at = copy.mlp.parameters[index] >> 3;
  const lossAt = (w: number): number => {
    f64[at] = w;
    const checkpoint = copy.scratch.mark();
    try {
      return f64[addressOf(forwardLoss(copy)) >> 3];
    } finally {
      checkpoint.end();
    }
  };
  const weight = weights[index];
  const h = 1e-6 * Math.max(1, Math.abs(weight));
  const up = lossAt(weight + h);
  const down = lossAt(weight - h);
  f64[at] = weight;
  const checkpoint = copy.scratch.mark();
  let tape: number;
  try {
    const loss = forwardLoss(copy);
    zeroGrad(copy.model);
    backward(copy.scratch, loss);
    tape = f64[at + 1];
  } finally {
    checkpoint.end();
  }
  return { index, weight, tape, finiteDifference: (up - down) / (2 * h), h };
}
