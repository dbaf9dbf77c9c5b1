/**
 * The guide's training loop as written (Step 4), on the guide's neuron: mark, inputs, forward,
 * the guide's own `backward`, the update (commented out in the guide: here a switch), and
 * `checkpoint.end()`. The guide's loop has no loss; this one measures the example's squared
 * error so there is something to watch. With the update off the weights never change and the
 * loss stays where it started; with it on, the loop trains.
 */
import { learningRateAt, GUIDE_EXAMPLE, type TrainSettings } from '../train/trainSettings';
import { createTrainer, type Trainer } from '../train/trainer';
import { forwardLoss } from '../train/trainStep';
import { stageUpdate, writeStaged } from '../train/stepBookkeeping';
import { addressOf } from '../value';
import { guideBackward } from './guideBackward';

/** The guide's neuron and its arenas, ready for {@link guideLoopStep}. */
export function createGuideLoop(settings: TrainSettings = GUIDE_EXAMPLE): Trainer {
  return createTrainer({ ...settings, debug: false });
}

/**
 * One pass of the guide's loop. `update` uncomments the guide's
 * `neuron._weights[i]->value -= lr * neuron._weights[i]->gradient` (and the bias's). Returns the
 * loss this pass measured (before its update, as a training step reports it).
 */
export function guideLoopStep(trainer: Trainer, update: boolean): number {
  const { memory, scratch, mlp, staged, settings } = trainer;
  const checkpoint = scratch.mark();
  try {
    const loss = addressOf(forwardLoss(trainer));
    const value = memory.f64[loss >> 3];
    guideBackward(memory, loss); // zero_gradients + backward_internal, as the guide writes them
    if (update) {
      const lr = learningRateAt(settings, trainer.step);
      stageUpdate(memory.f64, mlp.parameters, lr, staged, trainer.model, trainer.step);
      writeStaged(memory.f64, mlp.parameters, staged);
    }
    trainer.step++;
    return value;
  } finally {
    checkpoint.end();
  }
}
