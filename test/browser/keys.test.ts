/**
 * Keys that always do what the screen says (issue 17): each sentence of the keys dialog (`?`) is
 * a promise, and each is held here by keyboard; the tour takes focus and gives it back; presenter
 * mode steps whatever was clicked; the first-visit panel shows once.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { KEY_RULES } from '../../src/ui/KeysDialog';
import { screenshot, useAppPages } from './harness';

const { open } = useAppPages();
const text = async (page: Page, testid: string) =>
  (await page.getByTestId(testid).textContent())?.trim() ?? '';
const phase = (page: Page) => text(page, 'phase');
const focusedTestId = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
const eventPosition = async (page: Page) =>
  Number(await page.getByTestId('event-slider').inputValue());

describe('the keys dialog says exactly what the keys do', () => {
  it('lists every rule, in the order the tests below hold them', async () => {
    const page = await open();
    await page.keyboard.press('?');
    const rules = await page.getByTestId('key-rules').locator('li').allTextContents();
    expect(rules).toEqual([...KEY_RULES]);
    await page.keyboard.press('Escape');
  });

  it(`${KEY_RULES[0]} ${KEY_RULES[1]}`, async () => {
    const page = await open('?scenario=playground');
    // Focus on a panel that is no control (the chain-rule box): the keys step.
    await page.getByTestId('chain-rule').focus();
    await page.keyboard.press('ArrowDown');
    expect(await phase(page)).not.toBe('ready');
    const before = await eventPosition(page);
    // The program editor, the speed menu and the event slider keep every key.
    await page.locator('.editor-host .cm-content').focus();
    for (const key of ['ArrowDown', 'ArrowRight', 'Enter', 'r']) await page.keyboard.press(key);
    expect(await eventPosition(page)).toBe(before);
    await page.getByTestId('speed').focus();
    await page.keyboard.press('ArrowRight');
    expect(await eventPosition(page)).toBe(before);
  });

  it(KEY_RULES[2], async () => {
    const page = await open();
    await page.getByTestId('copy-link').focus();
    await page.keyboard.press('Enter'); // presses Copy link, takes no step
    await expect.poll(() => page.getByTestId('copy-link').getAttribute('data-link')).toBeTruthy();
    expect(await phase(page)).toBe('ready');
    await page.keyboard.press('ArrowDown'); // not the button's: a phase
    expect(await phase(page)).toBe('mark');
    expect(await focusedTestId(page)).toBe('copy-link');
  });

  it(KEY_RULES[3], async () => {
    const page = await open();
    const node = page.getByTestId('graph-node').first();
    await node.click();
    await expect
      .poll(() => page.getByTestId('memory-record').getAttribute('data-address'))
      .toBe(await node.getAttribute('data-address'));
    for (const expected of ['mark', 'forward']) {
      await page.keyboard.press('ArrowDown');
      expect(await phase(page)).toBe(expected);
    }
    await page.keyboard.press('Enter'); // a whole step, not a walk of the graph
    expect(await text(page, 'stat-step')).toBe('1');
  });

  it(KEY_RULES[4], async () => {
    const page = await open();
    await page.getByTestId('graph-node').last().focus();
    const focusedAddress = () =>
      page.evaluate(() => document.activeElement?.getAttribute('data-address'));
    const start = await focusedAddress();
    await page.keyboard.press('Enter'); // walk the graph
    await expect.poll(() => page.getByTestId('graph-walking').isVisible()).toBe(true);
    await page.keyboard.press('ArrowUp'); // to a parent: no step
    expect(await focusedAddress()).not.toBe(start);
    expect(await phase(page)).toBe('ready');
    await page.keyboard.press('Escape'); // the keys go back to stepping
    await expect.poll(() => page.getByTestId('graph-walking').isVisible()).toBe(false);
    await page.keyboard.press('ArrowDown');
    expect(await phase(page)).toBe('mark');
    // The memory view works the same way.
    await page.getByTestId('memory-view').focus();
    await page.keyboard.press('ArrowDown');
    expect(await phase(page)).toBe('forward');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('memory-walking').isVisible()).toBe(true);
    await page.keyboard.press('ArrowRight');
    expect(await phase(page)).toBe('forward');
    await page.keyboard.press('Escape');
    await page.keyboard.press('ArrowDown');
    expect(await phase(page)).toBe('loss');
  });

  it(KEY_RULES[5], async () => {
    const page = await open();
    await page.keyboard.press('p');
    await page.getByTestId('graph-node').first().click();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await phase(page)).toBe('forward');
    await page.keyboard.press('Enter'); // on the clicked node: still a step, never a walk
    expect(await page.getByTestId('graph-walking').isVisible()).toBe(false);
    expect(await text(page, 'stat-step')).toBe('1');
    await screenshot(page, 'keys-presenter-after-click');
  });

  it(KEY_RULES[6], async () => {
    const page = await open();
    await page.getByTestId('tour').click();
    await expect.poll(() => focusedTestId(page)).toBe('tour-panel');
    expect(await text(page, 'tour-panel')).toContain('1 / 9');
    await page.keyboard.press('Space'); // the chapter's action
    await expect.poll(() => text(page, 'tour-next')).toContain('Next chapter');
    await page.getByTestId('tour-answer').first().waitFor(); // asked once the action has run
    await page.keyboard.press('2'); // answers its question with the second choice
    await page.getByTestId('tour-verdict').waitFor();
    expect(await focusedTestId(page)).toBe('tour-panel');
    await page.keyboard.press('Space');
    await expect.poll(() => text(page, 'tour-panel')).toContain('2 / 9');
    await page.keyboard.press('ArrowRight'); // its action
    // Its answer field keeps every key: Space and the arrows type or move the caret.
    await page.getByTestId('tour-question').waitFor();
    const tabTo = async (testid: string) => {
      for (let k = 0; k < 40 && (await focusedTestId(page)) !== testid; k++)
        await page.keyboard.press('Tab');
    };
    await tabTo('tour-answer');
    for (const key of ['Space', 'ArrowRight', 'ArrowLeft', 'Escape'])
      await page.keyboard.press(key);
    expect(await text(page, 'tour-panel')).toContain('2 / 9');
    expect(await page.getByTestId('tour-answer').inputValue()).toBe(' ');
    await page.keyboard.press('Enter'); // a blank answer: said, nothing lost
    expect(await text(page, 'tour-answer-error')).toBe('Type an address.');
    await tabTo('tour-next'); // out of the field: a button leaves the arrows to the tour
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => text(page, 'tour-panel')).toContain('3 / 9');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => text(page, 'tour-panel')).toContain('2 / 9');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('tour-panel').count()).toBe(0);
    expect(await focusedTestId(page)).toBe('tour');
  });

  it(KEY_RULES[7], async () => {
    const page = await open();
    const closes = async (opener: string, shown: () => Promise<boolean>) => {
      await page.getByTestId(opener).focus();
      await page.keyboard.press('Enter');
      await expect.poll(shown).toBe(true);
      await page.keyboard.press('Escape');
      await expect.poll(shown).toBe(false);
      expect(await focusedTestId(page)).toBe(opener);
    };
    await closes('show-keys', () => page.getByTestId('keys-dialog').isVisible());
    await closes(
      'memory-settings-toggle',
      async () => (await page.getByTestId('memory-settings').count()) > 0,
    );
    // A defined term's popover: focus shows it, Esc hides it and focus stays.
    const term = page.locator('.term').first();
    await term.focus();
    const tip = page.locator('[role="tooltip"]').first();
    await expect.poll(() => tip.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => tip.isVisible()).toBe(false);
  });

  it(KEY_RULES[8], async () => {
    const page = await open('?scenario=compare');
    await page.getByTestId('guide-reveal').focus();
    await page.keyboard.press('Enter'); // the focused button keeps Enter: it reveals
    const walkAt = async () => Number((await text(page, 'walk-counter')).match(/\d+/)![0]);
    const before = await eventPosition(page);
    await page.getByTestId('walk-step').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    expect(await walkAt()).toBe(3);
    await page.getByTestId('walk-restart').focus();
    await page.keyboard.press('ArrowLeft');
    expect(await walkAt()).toBe(2);
    expect(await eventPosition(page)).toBe(before); // the app did not step
    await page.getByTestId('walk-restart').blur();
    await page.keyboard.press('ArrowRight'); // elsewhere, → steps the app again
    await expect.poll(() => eventPosition(page)).toBeGreaterThan(before);
    expect(await walkAt()).toBe(2);
  });

  it(KEY_RULES[9], async () => {
    const page = await open('?scenario=playground');
    await page.keyboard.press('y');
    await page.keyboard.press('ArrowRight');
    expect(await focusedTestId(page)).toBe('predict-input');
    const before = await eventPosition(page);
    await page.keyboard.press('ArrowRight'); // the field's: no step
    await page.keyboard.type('0');
    await page.keyboard.press('Enter'); // answers
    expect(await text(page, 'predict-verdict')).toBe('right: 0');
    expect(await eventPosition(page)).toBe(before);
    await page.keyboard.press('ArrowRight'); // goes on: the reset
    expect(await phase(page)).toBe('reset');
    await page.keyboard.press('y');
  });
});

describe('start here', () => {
  it('shows on a first visit, Esc dismisses it for good, start=1 shows it again', async () => {
    const page = await open('', { firstVisit: true });
    const panel = page.getByTestId('start-here');
    await expect.poll(() => panel.isVisible()).toBe(true);
    await screenshot(page, 'start-here');
    await page.keyboard.press('Escape');
    await expect.poll(() => panel.isVisible()).toBe(false);
    await page.reload();
    await page.getByTestId('graph-node').first().waitFor();
    await page.waitForTimeout(300);
    expect(await panel.isVisible()).toBe(false);
    await page.goto(`${new URL(page.url()).origin}/?start=1`);
    await expect.poll(() => panel.isVisible()).toBe(true);
    await page.getByTestId('start-tour').click(); // a door: the tour opens
    await expect.poll(() => page.getByTestId('tour-panel').isVisible()).toBe(true);
  });
});
