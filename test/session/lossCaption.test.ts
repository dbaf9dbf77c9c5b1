/**
 * The loss phase's caption, node by node: while the loss's records are being revealed it names
 * the loss without a number (never "NaN"); once the phase is complete it quotes the loss the
 * stats panel shows.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ScenarioId } from '../../src/setup';
import { makeSession, type TestSession } from './makeSession';

let t: TestSession;
afterEach(() => t.session.dispose());

describe('the loss caption while the loss is revealed', () => {
  for (const scenario of ['guide', 'mlp', 'compare'] satisfies ScenarioId[]) {
    it(`${scenario}: no NaN, a number only once the loss is shown`, () => {
      t = makeSession((s) => s.setScenario(scenario));
      const seen: string[] = [];
      for (let k = 0; k < 400 && t.state().phase !== 'backward'; k++) {
        t.session.stepNode();
        const { phase, caption, stats } = t.state();
        expect(caption).not.toMatch(/NaN|undefined/);
        if (phase !== 'loss') continue;
        seen.push(caption);
        if (Number.isNaN(stats.loss)) expect(caption).toMatch(/its value shows once/);
        else expect(caption).toContain(`loss = ${stats.loss.toPrecision(4)}`);
      }
      expect(t.state().phase).toBe('backward');
      // Both kinds were shown: records of the loss revealed before its number.
      expect(seen.some((c) => c.includes('its value shows once'))).toBe(true);
      expect(seen.some((c) => c.includes('loss = '))).toBe(true);
    });
  }
});
