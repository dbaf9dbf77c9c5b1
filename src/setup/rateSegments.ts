/**
 * The learning-rate plan of a workbench run, and how the user's edits change it. A run's rate is
 * its base rate and schedule (from step 0) and its rate segments: where the rate or schedule was
 * changed mid-run. The plan is part of the setup, so the link carries it and every replay (the
 * worker, time travel, a fresh page) applies each change at the step it was made.
 *
 * Editing works like an editor's undo history: a rate change at step s keeps the changes before
 * s and drops the ones after it (they belonged to a future that is now rewritten), while
 * stepping or playing on from an earlier step under the same plan replays it, changes included.
 */
import { rateSegmentAt, type RateSegment } from '../core';
import { sameModel, withStoredData, type TrainingConfig } from './training';

/** The fields of a setup that make its learning-rate plan. */
export type RatePlan = Pick<TrainingConfig, 'learningRate' | 'schedule' | 'rateSegments'>;

/** What a rate edit may change. */
export type RateChange = Partial<Pick<TrainingConfig, 'learningRate' | 'schedule'>>;

/** The rate and schedule in force at step `step`, with the step they have been in force from. */
export function rateInForce(plan: RatePlan, step: number): RateSegment {
  return rateSegmentAt(plan, step);
}

/**
 * The plan with the rate or schedule changed from step `step` on: changes at or after `step`
 * are replaced, earlier ones kept. At step 0 it is the base rate that changes. A change back to
 * what was in force before `step` leaves no segment.
 */
export function changeRate<T extends RatePlan>(plan: T, step: number, change: RateChange): T {
  const at = Math.max(0, Math.floor(step));
  const now = rateInForce(plan, at);
  const learningRate = change.learningRate ?? now.learningRate;
  const schedule = change.schedule ?? now.schedule;
  if (at === 0) return { ...plan, learningRate, schedule, rateSegments: [] };
  const earlier = plan.rateSegments.filter((s) => s.fromStep < at);
  const before = rateInForce({ ...plan, rateSegments: earlier }, at);
  const unchanged = before.learningRate === learningRate && before.schedule === schedule;
  const rateSegments = unchanged ? earlier : [...earlier, { fromStep: at, learningRate, schedule }];
  return { ...plan, rateSegments };
}

/**
 * The setup after the user changes `change` while the run is at step `step`. A change of the
 * rate or schedule alone goes on from `step` ({@link changeRate}); a change of the data or model
 * starts a new run, with the rate and schedule in force at `step` as its own and no rate
 * changes. A change that gives `rateSegments` is a whole plan, taken as it is.
 */
export function editSetup(
  config: TrainingConfig,
  step: number,
  change: Partial<TrainingConfig>,
): TrainingConfig {
  const next = withStoredData({ ...config, ...change });
  if (change.rateSegments !== undefined) return next;
  if (!sameModel(next, config)) {
    const now = rateInForce(config, step);
    const learningRate = change.learningRate ?? now.learningRate;
    return { ...next, learningRate, schedule: change.schedule ?? now.schedule, rateSegments: [] };
  }
  if (change.learningRate === undefined && change.schedule === undefined) return next;
  return changeRate(config, step, change);
}

/**
 * The first step whose rate or schedule differs between two plans (Infinity when none does):
 * a run's history up to that step is the same under both.
 */
export function firstRateDifference(a: RatePlan, b: RatePlan): number {
  const changes = [...a.rateSegments, ...b.rateSegments].map((s) => s.fromStep);
  for (const step of [0, ...changes].sort((x, y) => x - y)) {
    const x = rateInForce(a, step);
    const y = rateInForce(b, step);
    if (x.learningRate !== y.learningRate || x.schedule !== y.schedule) return step;
  }
  return Infinity;
}
