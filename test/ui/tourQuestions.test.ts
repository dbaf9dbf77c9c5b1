import { describe, expect, it } from 'vitest';
import { createGuideLoop, guideLoopStep } from '../../src/core';
import type { TourContext } from '../../src/ui/tour/chapters';
import { CHAPTERS } from '../../src/ui/tour/chapters';
import { gradeTyped, LOOP_QUESTION_PASSES, QUESTIONS } from '../../src/ui/tour/questions';

/** The questions that measure nothing on screen need no session. */
const noScreen = { session: { screen: null }, state: () => ({}) } as unknown as TourContext;

describe('the tour questions', () => {
  it('one per chapter, each with its own id and a right choice among its choices', () => {
    expect(QUESTIONS.length).toBe(CHAPTERS.length);
    expect(new Set(QUESTIONS.map((q) => q.id)).size).toBe(QUESTIONS.length);
    for (const question of QUESTIONS) {
      const asked = question.ask(noScreen);
      if (asked?.kind !== 'choice') continue;
      expect(asked.right).toBeGreaterThanOrEqual(0);
      expect(asked.right).toBeLessThan(asked.choices.length);
    }
  });

  it('the guide’s recursion question measures 8 against the tape’s 4 (the guide’s example)', () => {
    const asked = QUESTIONS.find((q) => q.id === 'guide-eight')!.ask(noScreen)!;
    expect(asked.kind).toBe('number');
    expect(asked.prompt).toContain('= 4.');
    expect(gradeTyped(asked, '8')).toEqual({ ok: true, given: '8', right: true });
    expect(gradeTyped(asked, '16/2')).toMatchObject({ ok: true, right: true });
    expect(gradeTyped(asked, '4')).toMatchObject({ ok: true, right: false });
    expect(gradeTyped(asked, 'eight')).toMatchObject({ ok: false });
  });

  it('the update-less loop question expects pass 1’s loss again, measured on the guide’s loop', () => {
    const asked = QUESTIONS.find((q) => q.id === 'loop-ten')!.ask(noScreen)!;
    const loop = createGuideLoop();
    const losses = Array.from({ length: LOOP_QUESTION_PASSES }, () => guideLoopStep(loop, false));
    expect(losses[LOOP_QUESTION_PASSES - 1]).toBe(losses[0]);
    if (asked.kind === 'choice') throw new Error('a number question');
    expect(asked.truth).toBe(losses[0]);
    const shown = asked.prompt.match(/loss of (\S+) on pass 1\./)![1];
    expect(gradeTyped(asked, shown)).toMatchObject({ ok: true, right: true });
  });

  it('the address question says nothing without a screen', () => {
    expect(QUESTIONS.find((q) => q.id === 'next-address')!.ask(noScreen)).toBeNull();
  });
});
