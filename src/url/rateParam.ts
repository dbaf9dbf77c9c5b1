/**
 * The `lrat` parameter: where the learning rate or schedule was changed mid-run, as
 * `step:rate` pairs with the schedule after a second colon when it changes too:
 * `lr=1&lrat=40:0.05,70:0.01:constant` trains at 1 (decaying) to step 39, at 0.05 (still
 * decaying) from step 40, at 0.01 constant from step 70. A run without changes has no `lrat`.
 */
import type { RateSegment, Schedule } from '../core';
import { SCHEDULES, type RatePlan } from '../setup';
import { LINK_LIMITS as LIMITS } from './linkLimits';
import { clip, fail, integer, number, type Parsed } from './parseValue';

/** The `lrat` text of a plan's rate changes ('' when it has none). */
export function encodeRateChanges(plan: RatePlan): string {
  let schedule = plan.schedule;
  return plan.rateSegments
    .map((s) => {
      const changed = s.schedule !== schedule;
      schedule = s.schedule;
      return `${s.fromStep}:${s.learningRate}${changed ? `:${s.schedule}` : ''}`;
    })
    .join(',');
}

/**
 * `query` with its `lrat` value's `:` and `,` written as themselves (a query may hold both as
 * they are; `URLSearchParams` escapes them), so the link reads `lrat=40:0.05,70:0.01`.
 */
export function readableRateChanges(query: string): string {
  return query.replace(/(^|&)lrat=[^&]*/, (param) =>
    param.replace(/%3A/gi, ':').replace(/%2C/gi, ','),
  );
}

/**
 * Reads an `lrat` value: the rate changes, each with its schedule (the one in force before it,
 * from `schedule`, when not given). Refuses, with a short reason, a list that is too long or has
 * too many changes, steps that do not increase, or a rate that is not a finite number in range.
 */
export function decodeRateChanges(value: string, schedule: Schedule): Parsed<RateSegment[]> {
  const { rateText, rateChanges, changeStep, learningRate } = LIMITS;
  if (value.trim() === '') return fail('empty');
  if (value.length > rateText.max) return fail(`longer than ${rateText.max} characters`);
  const parts = value.split(',');
  if (parts.length > rateChanges.max) return fail(`more than ${rateChanges.max} changes`);
  const segments: RateSegment[] = [];
  for (const part of parts) {
    const pieces = part.split(':');
    if (pieces.length < 2 || pieces.length > 3)
      return fail(`"${clip(part, 16)}" is not step:rate or step:rate:schedule`);
    const step = integer(pieces[0], changeStep);
    if (!step.ok) return fail(`step "${clip(pieces[0], 12)}": ${step.reason}`);
    const last = segments.at(-1)?.fromStep ?? 0;
    if (step.value <= last) return fail(`steps must increase (${last} then ${step.value})`);
    const rate = number(pieces[1], learningRate);
    if (!rate.ok) return fail(`rate at step ${step.value}: ${rate.reason}`);
    if (pieces.length === 3) {
      if (!(SCHEDULES as readonly string[]).includes(pieces[2]))
        return fail(`schedule at step ${step.value}: not one of ${SCHEDULES.join(', ')}`);
      schedule = pieces[2] as Schedule;
    }
    segments.push({ fromStep: step.value, learningRate: rate.value, schedule });
  }
  return { ok: true, value: segments };
}
