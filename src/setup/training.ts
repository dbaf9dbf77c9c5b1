/** Comparisons of training setups: which changes start a new run and which go on with it. */
import type { TrainingConfig } from '../store/trainingSlice';

/** Whether two setups build the same data and model (the learning rate may differ). */
export function sameModel(a: TrainingConfig, b: TrainingConfig): boolean {
  return (
    a.dataset === b.dataset &&
    a.points === b.points &&
    a.noise === b.noise &&
    a.seed === b.seed &&
    a.activation === b.activation &&
    a.loss === b.loss &&
    a.hidden.length === b.hidden.length &&
    a.hidden.every((n, i) => n === b.hidden[i])
  );
}

/** Whether two setups are the same run exactly. */
export function sameRun(a: TrainingConfig, b: TrainingConfig): boolean {
  return sameModel(a, b) && a.learningRate === b.learningRate && a.schedule === b.schedule;
}
