/**
 * Predict mode ("Your turn", issue 18), by keyboard only, on the lecture's L = (a·b + c)·f:
 * the reset's bytes, every address (hex and decimal), every named gradient answered right, one
 * wrong (the rule, then its numbers), then right, one revealed; the graph hides each gradient
 * until answered; the guide's update; class mode's sizes and its hidden answer at 1280×800.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { GUIDE_EXAMPLE, NULL_GUARD_BYTES, createTrainer, trainStep, valueAt } from '../../src/core';
import { PLAYGROUND_MODEL_BYTES } from '../../src/session/programStepper';
import { screenshot, useAppPages } from './harness';
import { smallTexts } from './textSizes';

const { open } = useAppPages();
const PROGRAM = 'a = 2; b = -3; c = 10; f = -2; L = (a*b + c)*f';
const LINK = `?scenario=playground&program=${encodeURIComponent(PROGRAM)}`;
/** The lecture's gradients (LEARNING.md), and the output's own 1. */
const GRADIENTS: Record<string, string> = { L: '1', f: '4', c: '-2', b: '-4', a: '6' };
/** The scratch arena starts after the null guard and the playground's model arena. */
const SCRATCH_BASE = NULL_GUARD_BYTES + PLAYGROUND_MODEL_BYTES;

const text = async (page: Page, testid: string) =>
  (await page.getByTestId(testid).first().textContent())?.trim() ?? '';
const focusedTestId = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);

/** A new page: a new run, so no question of it is answered yet. */
async function fresh(query: string): Promise<Page> {
  return open(query);
}

/** Presses → until a question is open and its field has the focus; returns the question. */
async function nextPrompt(page: Page): Promise<string> {
  for (let n = 0; n < 10; n++) {
    await page.keyboard.press('ArrowRight');
    if ((await focusedTestId(page)) === 'predict-input') return text(page, 'predict-prompt');
  }
  throw new Error('no question came');
}

async function answer(page: Page, typed: string): Promise<string> {
  await page.keyboard.type(typed);
  await page.keyboard.press('Enter');
  return text(page, 'predict-verdict');
}

/** The accessible name of the graph's node titled `name`. */
async function nodeName(page: Page, name: string): Promise<string> {
  const names = await page
    .getByTestId('graph-node')
    .evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''));
  // The name begins with the box's title: `a …` for a leaf, `× L …` for an op's record.
  return names.find((n) => n.split(':')[0].split(' ').slice(0, 2).includes(name)) ?? '';
}

describe('predict mode in the playground', () => {
  it('asks before each reveal; grades, hints, reveals; the graph keeps each gradient hidden', async () => {
    const page = await fresh(`${LINK}&predict=1`);
    expect(await page.getByTestId('predict-toggle').getAttribute('aria-pressed')).toBe('true');
    expect(await nextPrompt(page)).toBe(
      'How many bytes will the scratch arena use after checkpoint.end()?',
    );
    expect(await answer(page, '0')).toBe('right: 0');
    // Forward: where each record lands, in hex, then in decimal.
    for (let k = 0; k < 7; k++) {
      expect(await nextPrompt(page)).toMatch(/^Where will (a|b|c|f|#4|#5|L) land\?/);
      const address = SCRATCH_BASE + 32 * k;
      const typed = k % 2 === 0 ? `0x${address.toString(16)}` : String(address);
      expect(await answer(page, typed)).toMatch(/^right: 0x/);
    }
    await screenshot(page, 'predict-address');
    // Backward: the gradient of each record as the sweep reaches it.
    const asked: string[] = [];
    for (let k = 0; k < 7; k++) {
      const prompt = await nextPrompt(page);
      const name = prompt.match(/^What is the gradient of (\S+)\?$/)![1];
      asked.push(name);
      if (GRADIENTS[name]) expect(await nodeName(page, name)).toContain('gradient hidden');
      if (name === 'c') {
        expect(await answer(page, '2')).toBe('not yet (you said 2)');
        const hint = page.getByTestId('predict-hint');
        expect(await hint.getAttribute('data-step')).toBe('1');
        expect(await hint.textContent()).toContain(
          '#5 = a + b (a is #4, b is c): b.grad += out.grad',
        );
        await page.getByTestId('predict-input').fill('');
        expect(await answer(page, '−3')).toBe('not yet (you said −3)');
        expect(await hint.getAttribute('data-step')).toBe('2');
        expect(await hint.textContent()).toContain('out.grad = −2');
        await screenshot(page, 'predict-hint');
        await page.getByTestId('predict-input').fill('');
        expect(await answer(page, '-4/2')).toBe('right: −2');
      } else if (name === 'b') {
        await page.keyboard.press('Tab'); // Answer
        await page.keyboard.press('Tab'); // Show me
        expect(await focusedTestId(page)).toBe('predict-reveal');
        await page.keyboard.press('Enter');
        expect(await text(page, 'predict-verdict')).toBe('skipped: the answer is −4');
      } else {
        const truth = GRADIENTS[name] ?? '-2'; // #5 and #4: −2
        expect(await answer(page, truth)).toMatch(/^right: /);
      }
      if (GRADIENTS[name]) expect(await nodeName(page, name)).not.toContain('gradient hidden');
    }
    expect(asked).toEqual(['L', '#5', '#4', 'f', 'c', 'b', 'a']);
    await page.keyboard.press('ArrowRight'); // the last visit
    await page.keyboard.press('ArrowRight'); // the sweep done
    expect(await page.getByTestId('predict').count()).toBe(0);
    expect(await nodeName(page, 'a')).toContain('gradient 6');
    // Stepping back over answered questions shows them, and never asks again.
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    expect(await text(page, 'predict-prompt')).toBe('What is the gradient of a?');
    expect(await text(page, 'predict-verdict')).toBe('right: 6');
    await page.keyboard.press('ArrowRight');
    expect(await page.getByTestId('predict-input').count()).toBe(0);
  });

  it('Y turns it on and off; off, the step keys step as before', async () => {
    const page = await fresh(LINK);
    expect(await page.getByTestId('predict-toggle').getAttribute('aria-pressed')).toBe('false');
    await page.keyboard.press('y');
    expect(await page.getByTestId('predict-toggle').getAttribute('aria-pressed')).toBe('true');
    expect(await nextPrompt(page)).toMatch(/checkpoint.end/);
    await page.keyboard.press('Escape');
    await page.locator('body').click({ position: { x: 5, y: 790 } });
    await page.keyboard.press('y');
    expect(await page.getByTestId('predict').count()).toBe(0);
    await page.keyboard.press('ArrowRight');
    expect(await text(page, 'phase')).toBe('reset');
  });
});

describe('the first-visit panel offers it', () => {
  it('“Predict it yourself” opens the lecture’s example in predict mode', async () => {
    const page = await fresh('?start=1');
    await expect.poll(() => page.getByTestId('start-here').isVisible()).toBe(true);
    for (let n = 0; n < 5 && (await focusedTestId(page)) !== 'start-predict'; n++)
      await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('scenario').inputValue()).toBe('playground');
    expect(await page.getByTestId('predict-toggle').getAttribute('aria-pressed')).toBe('true');
    // The door asks what it promises: gradients, hidden on screen until then (not the reset's
    // bytes or the addresses first: their kinds are off).
    expect(await page.locator('[data-testid="graph-node"] text', { hasText: 'g 6' }).count()).toBe(
      0,
    );
    expect(await nextPrompt(page)).toBe('What is the gradient of L?');
  });
});

describe('predict mode in the guide’s example', () => {
  it('asks what w1 will be after the update, then the reset’s bytes', async () => {
    const page = await fresh('?predict=1');
    // Only the update and the reset: each address and gradient question's checkbox turns its
    // kind off (the question goes), and Enter goes on to the next one.
    for (let n = 0; n < 4; n++) {
      await page.keyboard.press('Enter'); // a whole step stops at the first question
      const kind = await page.getByTestId('predict').getAttribute('data-kind');
      if (kind === 'update') break;
      expect(await focusedTestId(page)).toBe('predict-input');
      await page.getByTestId(`predict-kind-${kind}`).focus();
      await page.keyboard.press('Space');
      expect(await page.getByTestId('predict').count()).toBe(0);
    }
    expect(await text(page, 'predict-prompt')).toBe(
      'What will w1 be after the update (learning rate 0.01)?',
    );
    // The same step, taken by the engine on its own.
    const trainer = createTrainer(GUIDE_EXAMPLE);
    trainStep(trainer);
    const w1 = valueAt(trainer.memory, trainer.mlp.parameters[0]);
    expect(await answer(page, String(w1))).toMatch(/^right: /);
    await page.keyboard.press('Enter');
    expect(await text(page, 'predict-prompt')).toMatch(/How many bytes will the scratch arena use/);
    await screenshot(page, 'predict-reset');
  });
});

describe('the classic bug asks first', () => {
  it('“What will the kept pointer read?”: release reads the slot’s new record, debug throws', async () => {
    const page = await fresh('?scenario=compare&predict=1');
    await page.getByTestId('compare-panel').waitFor();
    await page.getByTestId('keep-pointer').focus();
    await page.keyboard.press('Enter');
    expect(await text(page, 'predict-prompt')).toMatch(
      /release mode .* what will the kept pointer read/,
    );
    expect(await text(page, 'stale-read')).toBe(''); // the read waits for the guess
    await page.getByTestId('bug-choice-now').focus();
    await page.keyboard.press('Enter');
    expect(await text(page, 'predict-verdict')).toMatch(/^right: whatever record lives there now/);
    expect(await text(page, 'stale-read')).toMatch(/silently/);
    await page.getByTestId('bug-debug').focus();
    await page.keyboard.press('Space');
    await page.getByTestId('keep-pointer').focus();
    await page.keyboard.press('Enter');
    expect(await text(page, 'predict-prompt')).toMatch(/debug mode/);
    await page.getByTestId('bug-choice-old').focus();
    await page.keyboard.press('Enter');
    expect(await text(page, 'predict-verdict')).toMatch(
      /^not quite: an error, because the handle carries the epoch/,
    );
    expect(await text(page, 'stale-read')).toMatch(/UseAfterResetError/);
  });
});

describe('class mode (presenter mode with predict on) at 1280×800', () => {
  it('fills the screen with the question; the answer waits for the teacher’s Enter', async () => {
    const page = await fresh(`${LINK}&predict=1&presenter=1`);
    await page.keyboard.press('ArrowRight');
    const prompt = page.getByTestId('predict-prompt');
    await prompt.waitFor();
    expect(await page.getByTestId('predict-input').count()).toBe(0);
    expect(await page.getByTestId('predict-verdict').count()).toBe(0);
    const size = await prompt.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(24);
    expect(await smallTexts(page, 16)).toEqual([]);
    await screenshot(page, 'predict-class-question');
    await page.keyboard.press('Enter');
    expect(await text(page, 'predict-verdict')).toBe('Answer: 0');
    expect(await text(page, 'predict-why')).toContain('checkpoint.end()');
    expect(await smallTexts(page, 16)).toEqual([]);
    await screenshot(page, 'predict-class-answer');
    await page.keyboard.press('Enter');
    await expect.poll(() => text(page, 'predict-prompt')).toMatch(/^Where will a land/);
  });

  it('chapter=N starts a class at that chapter: its action asks first', async () => {
    const page = await fresh('?predict=1&presenter=1&chapter=5');
    expect(await page.getByTestId('predict').count()).toBe(0); // setting the scene asks nothing
    expect(await text(page, 'phase')).toBe('loss');
    await page.keyboard.press('Space'); // the chapter's action: the backward sweep
    expect(await text(page, 'predict-prompt')).toBe('What is the gradient of loss?');
    expect(await page.getByTestId('predict-verdict').count()).toBe(0);
    await page.keyboard.press('Enter');
    expect(await text(page, 'predict-verdict')).toBe('Answer: 1');
    expect(await page.getByTestId('tour-question').count()).toBe(0); // one question at a time
    expect(await smallTexts(page, 16)).toEqual([]);
    await screenshot(page, 'predict-class-chapter5');
    await page.keyboard.press('ArrowRight'); // goes on: the visit of loss
    await page.keyboard.press('ArrowRight'); // the next question
    expect(await text(page, 'predict-prompt')).toMatch(/^What is the gradient of /);
    expect(await page.getByTestId('tour-panel').getAttribute('data-chapter')).toBe('5');
  });
});
