/**
 * Words for a run's learning-rate plan beside the rate field: when the rate on screen was set
 * (`since step 40`) and the next change ahead (`0.01 from step 70`), and the whole plan for a
 * tooltip. Nothing for a run without changes.
 */
import { rateInForce, type RatePlan } from '../../setup';

/** The note beside the rate field at `step` ('' when the run has no rate changes). */
export function ratePlanNote(plan: RatePlan, step: number): string {
  if (plan.rateSegments.length === 0) return '';
  const now = rateInForce(plan, step);
  const next = plan.rateSegments.find((s) => s.fromStep > step);
  const parts: string[] = [];
  if (now.fromStep > 0) parts.push(`since step ${now.fromStep}`);
  if (next) {
    const schedule = next.schedule === now.schedule ? '' : ` ${next.schedule}`;
    parts.push(`${next.learningRate}${schedule} from step ${next.fromStep}`);
  }
  return parts.join(' · ');
}

/** The whole plan, one change a line: `step 0: 1 decay`, `step 40: 0.05 decay`, … */
export function ratePlanLines(plan: RatePlan): string[] {
  const base = { fromStep: 0, learningRate: plan.learningRate, schedule: plan.schedule };
  return [base, ...plan.rateSegments].map(
    (s) => `step ${s.fromStep}: ${s.learningRate} ${s.schedule}`,
  );
}
