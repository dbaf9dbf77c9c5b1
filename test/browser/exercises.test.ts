/**
 * The exercises, by keyboard alone: open the list, choose one, load its starter, write a
 * program in the editor, check it; each exercise with a wrong program (the wrong components
 * flagged, the expected numbers shown) and a right one (every component right). The arena
 * exercises take a number, in decimal or hex. Presenter mode keeps every text at 16 px or more.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  EXERCISES,
  arenaAnswer,
  componentLabel,
  runLikePlayground,
  type ArenaExercise,
  type ProgramExercise,
} from '../../src/core/exercises';
import { KB, hex } from '../../src/core';
import { DEFAULT_PROGRAM } from '../../src/setup';
import { SOLUTIONS } from '../core/exercises/programs';
import {
  check,
  choose,
  editorText,
  focusedTestId,
  smallTexts,
  tabTo,
  typeProgram,
  verdicts,
  violations,
} from './exerciseHelpers';
import { screenshot, useAppPages } from './harness';

const { open } = useAppPages();

const LAYOUT = { modelBytes: KB(1), scratchBytes: KB(64) };
const programExercise = (id: string) =>
  EXERCISES.find((e): e is ProgramExercise => e.kind === 'program' && e.id === id)!;
const arenaExercise = (id: string) =>
  EXERCISES.find((e): e is ArenaExercise => e.kind === 'arena' && e.id === id)!;

/** A number as the verdicts write it: in full, with a real minus sign. */
const full = (x: number) => String(x).replace('-', '−');

/** One program exercise: load its starter, a wrong program, then a right one. */
async function solve(page: Page, id: string): Promise<void> {
  const exercise = programExercise(id);
  const labels = exercise.components.map((c) => componentLabel(exercise, c));
  await choose(page, id);
  await page.keyboard.press('Enter'); // Load starter
  await expect.poll(() => editorText(page)).toBe(exercise.starter);
  expect(await page.getByTestId('exercise-verdict').count()).toBe(0); // nothing shown before a try

  await typeProgram(page, SOLUTIONS[id].wrong);
  const wrong = await check(page);
  expect(wrong.map((v) => v.label)).toEqual(labels);
  expect(wrong.filter((v) => !v.right).map((v) => v.label)).toEqual(SOLUTIONS[id].wrongLabels);
  exercise.components.forEach((c, k) => {
    expect(wrong[k].text).toContain(wrong[k].right ? '✓ right' : '✗ not yet');
    // The expected number is shown after the attempt (in one with the learner's when equal).
    expect(wrong[k].text).toMatch(
      new RegExp(`(expected |= )${full(c.golden).replace(/[.+]/g, '\\$&')}`),
    );
  });
  const right = exercise.components.length - SOLUTIONS[id].wrongLabels.length;
  expect(await page.getByTestId('exercise-summary').textContent()).toBe(
    `${right} of ${labels.length} right.`,
  );

  await typeProgram(page, SOLUTIONS[id].right[0]);
  await page.getByTestId('exercise-stale').waitFor(); // the verdicts are of the old program
  const solved = await check(page);
  expect(solved.map((v) => [v.label, v.right])).toEqual(labels.map((l) => [l, true]));
  expect(await page.getByTestId('exercise-summary').textContent()).toBe(
    `All ${labels.length} right.`,
  );
  expect(await page.getByTestId('exercise-stale').count()).toBe(0);
}

describe('exercises, by keyboard alone', () => {
  it('the lecture’s three: L, the tanh neuron, a node used twice; my program back', async () => {
    const page = await open('?scenario=playground');
    // Loading a starter keeps the learner's program: "my program back" restores it.
    await choose(page, 'lecture-L');
    await page.keyboard.press('Enter');
    await expect.poll(() => editorText(page)).toBe(programExercise('lecture-L').starter);
    await tabTo(page, 'exercise-restore');
    await page.keyboard.press('Enter');
    await expect.poll(() => editorText(page)).toBe(DEFAULT_PROGRAM);
    expect(await page.getByTestId('exercise-restore').count()).toBe(0);

    for (const id of ['lecture-L', 'lecture-neuron', 'lecture-shared']) await solve(page, id);
    await screenshot(page, 'exercises-shared-right');
    // The program kept is the learner's last own one (the neuron's), not a starter.
    await tabTo(page, 'exercise-restore', 'Shift+Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => editorText(page)).toBe(SOLUTIONS['lecture-neuron'].right[0]);
  });

  it('micrograd exercises 1 and 2; the referee’s hint: central nearer the tape than forward', async () => {
    const page = await open('?scenario=playground');
    await solve(page, 'micrograd-1');
    await tabTo(page, 'exercise-hint');
    await page.keyboard.press('Enter');
    const rows = page.getByTestId('referee-row');
    await rows.first().waitFor();
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-name')))).toEqual([
      'a',
      'b',
      'c',
    ]);
    // The mark sits in the central column (the fourth cell) of every row: as measured.
    const marked = await rows.evaluateAll((trs) =>
      trs.map((tr) => [...tr.children].findIndex((td) => td.textContent?.includes('◂'))),
    );
    expect(marked).toEqual([3, 3, 3]);
    await screenshot(page, 'exercises-micrograd-1-hint');
    await solve(page, 'micrograd-2');
    await screenshot(page, 'exercises-micrograd-2-right');
  });

  it('the arena exercises: a wrong number, then the right one in hex and decimal', async () => {
    const page = await open('?scenario=playground');
    for (const id of ['arena-bytes', 'arena-address']) {
      const exercise = arenaExercise(id);
      const answer = arenaAnswer(exercise, LAYOUT);
      await choose(page, id);
      const base = await page.getByTestId('exercise-card').textContent();
      expect(base).toContain(`starts at ${hex(answer.scratchBase)} = ${answer.scratchBase}`);
      await page.keyboard.press('Enter'); // Load program: the memory view shows its records
      await expect.poll(() => editorText(page)).toBe(exercise.program);
      const pushed = runLikePlayground(exercise.program, LAYOUT).scratchBytes;
      await expect
        .poll(() => page.getByTestId('region-scratch').getAttribute('data-used'))
        .toBe(String(pushed));

      await tabTo(page, 'exercise-answer');
      await page.keyboard.type(String(answer.expected + 32));
      await page.keyboard.press('Enter');
      await page.getByTestId('exercise-verdict').waitFor();
      let [verdict] = await verdicts(page);
      expect(verdict.right).toBe(false);
      expect(verdict.text).toContain('✗ not yet');
      expect(verdict.text).toContain(answer.how); // the engine's working, after the attempt

      await page.keyboard.press('Control+a');
      const typed = id === 'arena-address' ? hex(answer.expected) : `${answer.expected} bytes`;
      await page.keyboard.type(typed);
      await page.keyboard.press('Enter');
      await expect.poll(async () => (await verdicts(page))[0].right).toBe(true);
      [verdict] = await verdicts(page);
      expect(verdict.text).toContain('✓ right');
      await screenshot(page, `exercises-${id}`);
    }
  });

  it('a program that does not run: its error, every component not yet; × closes', async () => {
    const page = await open('?scenario=playground');
    await choose(page, 'lecture-L');
    await typeProgram(page, 'a = 2\nL = a *');
    const shown = await check(page);
    expect(shown.every((v) => !v.right)).toBe(true);
    expect(await page.getByTestId('exercise-problem').textContent()).toMatch(
      /^line 2, column \d+: /,
    );
    // × closes the exercise, keeps the program and gives the focus back to the button.
    await tabTo(page, 'exercise-close', 'Shift+Tab');
    await page.keyboard.press('Enter');
    await page.getByTestId('exercise-card').waitFor({ state: 'detached' });
    expect(await focusedTestId(page)).toBe('exercises');
    expect(await editorText(page)).toBe('a = 2\nL = a *');
  });
});

describe('exercises on screen', () => {
  it('presenter mode: the list and an exercise with its verdicts, nothing under 16 px', async () => {
    const page = await open('?scenario=playground&presenter=1');
    await tabTo(page, 'exercises');
    await page.keyboard.press('Enter');
    await page.getByTestId('exercise-list').waitFor();
    expect(await smallTexts(page, 16)).toEqual([]);
    await screenshot(page, 'exercises-presenter-list');
    await page.keyboard.press('Escape');
    await page.getByTestId('exercise-list').waitFor({ state: 'hidden' });
    expect(await focusedTestId(page)).toBe('exercises'); // Esc gives the focus back
    await choose(page, 'micrograd-1');
    await page.keyboard.press('Enter'); // the starter
    await tabTo(page, 'exercise-check');
    await check(page);
    await tabTo(page, 'exercise-hint');
    await page.keyboard.press('Enter');
    await page.getByTestId('referee-row').first().waitFor();
    for (const top of [0, 10_000]) {
      await page.getByTestId('exercise-card').evaluate((card, y) => card.scrollTo(0, y), top);
      expect(await smallTexts(page, 16)).toEqual([]);
    }
    await screenshot(page, 'exercises-presenter-card');
  });

  it('axe-core: no serious or critical violation, the list open or an exercise graded', async () => {
    // A fresh page each time: the Tab path to the button then runs through the header and the
    // editor only (not the graph or the memory view, whose own checks are a11y.test.ts's).
    let page = await open('?scenario=playground');
    await tabTo(page, 'exercises');
    await page.keyboard.press('Enter');
    await page.getByTestId('exercise-list').waitFor();
    expect(await violations(page)).toEqual([]);
    for (const id of ['micrograd-1', 'arena-address']) {
      page = await open('?scenario=playground');
      await choose(page, id);
      await page.keyboard.press('Enter');
      if (id === 'arena-address') {
        await tabTo(page, 'exercise-answer');
        await page.keyboard.type('1200');
        await page.keyboard.press('Enter');
      } else {
        await tabTo(page, 'exercise-check');
        await check(page);
        await tabTo(page, 'exercise-hint');
        await page.keyboard.press('Enter');
        await page.getByTestId('referee-row').first().waitFor();
      }
      await page.getByTestId('exercise-verdict').first().waitFor();
      expect(await violations(page)).toEqual([]);
    }
  });

  it('at 1280×800 and 1600×1000: the program and the exercise share the column', async () => {
    const page = await open('?scenario=playground');
    await choose(page, 'micrograd-2');
    await page.keyboard.press('Enter');
    await tabTo(page, 'exercise-check');
    await check(page);
    for (const [width, height] of [
      [1280, 800],
      [1600, 1000],
    ]) {
      await page.setViewportSize({ width, height });
      await page.waitForTimeout(300);
      const editor = await page.locator('.editor-host').boundingBox();
      const card = await page.getByTestId('exercise-card').boundingBox();
      expect(editor!.height).toBeGreaterThanOrEqual(130);
      expect(card!.height).toBeGreaterThan(editor!.height);
      expect(card!.y + card!.height).toBeLessThanOrEqual(height); // inside the window
      await screenshot(page, `exercises-${width}x${height}`);
    }
  });
});
