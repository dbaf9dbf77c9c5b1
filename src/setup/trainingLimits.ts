/**
 * What a training setup costs, and which setups the workbench accepts. The scratch arena must
 * hold one whole step (every input, forward, loss and L2 record of the batch), so it is sized
 * from the setup; setups whose step would not fit the largest arena we hand out are refused
 * with a message that says why.
 */
import { MB, VALUE_RECORD_SIZE } from '../core';
import { SCHEDULES, storedDataProblem, type TrainingConfig } from './training';

/** Bounds of every setup control. */
export const TRAINING_LIMITS = {
  points: { min: 4, max: 1000 },
  noise: { min: 0, max: 1 },
  seed: { min: 0, max: 2 ** 31 - 1 },
  layers: { min: 0, max: 4 },
  neurons: { min: 1, max: 32 },
  learningRate: { min: 1e-6, max: 1000 },
  /** Learning-rate changes in one run, and the steps they may start at. */
  rateChanges: { max: 32 },
  changeStep: { min: 1, max: 1_000_000 },
} as const;

/** The largest scratch arena the workbench builds for a setup. */
export const MAX_SCRATCH_BYTES = MB(32);

/** Parameters (weights and biases) of the setup's MLP. */
export function parameterCount(config: TrainingConfig): number {
  const sizes = [2, ...config.hidden, 1];
  let count = 0;
  for (let l = 1; l < sizes.length; l++) count += sizes[l] * (sizes[l - 1] + 1);
  return count;
}

/** Value records one training step pushes into the scratch arena. */
export function recordsPerStep(config: TrainingConfig): number {
  const sizes = [2, ...config.hidden, 1];
  let perPoint = 0;
  for (let l = 1; l < sizes.length; l++) {
    const last = l === sizes.length - 1;
    const activation = !last && config.activation !== 'linear' ? 1 : 0;
    perPoint += sizes[l] * (2 * sizes[l - 1] + activation); // mul + add per input, then act
  }
  // hinge: −y, ×, 1, +, relu; mse: y, −, 2, ^ (constants are scratch leaves too)
  const lossPerPoint = config.loss === 'hinge' ? 5 : 4;
  const sum = config.points + 3; // Σ (one add per point, plus its leading 0), then × 1/n
  const data = config.points * (2 + perPoint + lossPerPoint) + sum;
  // L2: p·p and an add per parameter, the leading 0, × alpha, and the final data + l2
  const l2 = config.loss === 'hinge' ? 2 * parameterCount(config) + 4 : 0;
  return data + l2;
}

/** Scratch bytes a setup's step needs, rounded up to whole MiB with room to spare (≥ 4 MiB). */
export function scratchBytesFor(config: TrainingConfig): number {
  const needed = recordsPerStep(config) * VALUE_RECORD_SIZE;
  return Math.max(MB(4), Math.ceil((needed * 1.25) / MB(1)) * MB(1));
}

/**
 * The most points `config`'s model can train on: the setup's bound, or fewer when a step of that
 * many would not fit the largest scratch arena (the records grow with the points).
 */
export function maxPoints(config: TrainingConfig): number {
  const { min, max } = TRAINING_LIMITS.points;
  const fits = (points: number) =>
    recordsPerStep({ ...config, points }) * VALUE_RECORD_SIZE <= MAX_SCRATCH_BYTES;
  if (fits(max)) return max;
  let lo: number = min; // assumed to fit: no model within the bounds needs fewer points
  let hi: number = max;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (fits(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}

/**
 * A whole number brought within `range`: the number to use, and a short note when it differs
 * from the one asked for (`the most is 400, so 400 are used`). `of` qualifies the maximum
 * (`' for this model'`).
 */
export function clampCount(
  asked: number,
  range: { readonly min: number; readonly max: number },
  of = '',
): { value: number; note: string | null } {
  const value = Math.min(range.max, Math.max(range.min, asked));
  if (value === asked) return { value, note: null };
  const limit =
    asked < range.min ? `the fewest is ${n(range.min)}` : `the most${of} is ${n(range.max)}`;
  return { value, note: `${limit}, so ${n(value)} are used` };
}

/**
 * A whole number of points brought within what `config` can train (4 to {@link maxPoints}):
 * the points to use, and a short note when they differ from the ones asked for.
 */
export function clampPoints(
  config: TrainingConfig,
  asked: number,
): { points: number; note: string | null } {
  const max = maxPoints(config);
  const of = max < TRAINING_LIMITS.points.max ? ' for this model' : '';
  const { value, note } = clampCount(asked, { min: TRAINING_LIMITS.points.min, max }, of);
  return { points: value, note };
}

const n = (x: number): string => x.toLocaleString('en-US');

/** Why a setup's learning-rate changes are not a valid plan, or null when they are. */
function rateChangesProblem({ rateSegments }: TrainingConfig): string | null {
  const { rateChanges, changeStep, learningRate } = TRAINING_LIMITS;
  if (rateSegments.length > rateChanges.max)
    return `at most ${rateChanges.max} learning-rate changes in a run`;
  let last = 0;
  for (const { fromStep, learningRate: rate, schedule } of rateSegments) {
    if (!Number.isInteger(fromStep) || fromStep <= last || fromStep > changeStep.max)
      return `learning-rate changes must be at increasing steps from ${changeStep.min} to ${changeStep.max}`;
    if (!(rate >= learningRate.min && rate <= learningRate.max))
      return `every learning rate must be from ${learningRate.min} to ${learningRate.max}`;
    if (!(SCHEDULES as readonly string[]).includes(schedule))
      return `a schedule must be one of ${SCHEDULES.join(', ')}`;
    last = fromStep;
  }
  return null;
}

/** Why a setup cannot be trained, or null when it can. */
export function setupProblem(config: TrainingConfig): string | null {
  const { points, noise, seed, hidden, learningRate } = config;
  const within = (x: number, r: { min: number; max: number }) =>
    Number.isFinite(x) && x >= r.min && x <= r.max;
  if (!Number.isInteger(points) || !within(points, TRAINING_LIMITS.points))
    return `points must be a whole number from ${TRAINING_LIMITS.points.min} to ${TRAINING_LIMITS.points.max}`;
  if (!within(noise, TRAINING_LIMITS.noise))
    return `noise must be from ${TRAINING_LIMITS.noise.min} to ${TRAINING_LIMITS.noise.max}`;
  if (!Number.isInteger(seed) || !within(seed, TRAINING_LIMITS.seed))
    return `the seed must be a whole number from 0 to ${TRAINING_LIMITS.seed.max}`;
  if (hidden.length > TRAINING_LIMITS.layers.max)
    return `at most ${TRAINING_LIMITS.layers.max} hidden layers`;
  if (hidden.some((n) => !Number.isInteger(n) || !within(n, TRAINING_LIMITS.neurons)))
    return `each hidden layer needs ${TRAINING_LIMITS.neurons.min} to ${TRAINING_LIMITS.neurons.max} neurons`;
  if (!within(learningRate, TRAINING_LIMITS.learningRate))
    return `the learning rate must be from ${TRAINING_LIMITS.learningRate.min} to ${TRAINING_LIMITS.learningRate.max}`;
  const changes = rateChangesProblem(config) ?? storedDataProblem(config);
  if (changes) return changes;
  const bytes = recordsPerStep(config) * VALUE_RECORD_SIZE;
  if (bytes > MAX_SCRATCH_BYTES) {
    const mb = (bytes / MB(1)).toFixed(1);
    return (
      `one step of this setup would push ${recordsPerStep(config).toLocaleString('en-US')} ` +
      `records (${mb} MiB) into the scratch arena; the limit is ${MAX_SCRATCH_BYTES / MB(1)} MiB. ` +
      `Use fewer points or neurons.`
    );
  }
  return null;
}
