/**
 * Accessibility checked by axe-core (injected into the page) over every scenario at step 0,
 * in the middle of backward, and after the reset, and over the playground's editor showing an
 * error: no serious or critical violation.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, useAppPages } from './harness';

const { open } = useAppPages();
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * Serious and critical violations on the page now, as short lines; `rules` runs only those
 * rules (axe's experimental ones too, which a plain run leaves out).
 */
async function violations(page: Page, rules?: string[]): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axePath });
  const found = await page.evaluate(async (rules) => {
    type Axe = { run(options?: object): Promise<{ violations: Violation[] }> };
    const axe = (window as unknown as { axe: Axe }).axe;
    const options = rules ? { runOnly: { type: 'rule', values: rules } } : undefined;
    return (await axe.run(options)).violations;
  }, rules);
  return found
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target).join(' ')}`);
}

/** Steps by phase until the phase shown is `phase`, then `nodes` more node steps. */
async function stepTo(page: Page, phase: string, nodes = 0): Promise<void> {
  for (let k = 0; k < 10 && (await page.getByTestId('phase').textContent()) !== phase; k++)
    await page.getByTestId('step-phase').click();
  for (let k = 0; k < nodes; k++) await page.getByTestId('step-node').click();
}

describe('accessibility (axe-core)', () => {
  for (const scenario of ['guide', 'playground', 'mlp', 'compare']) {
    it(`${scenario}: no serious or critical violations at step 0, mid-backward, after reset`, async () => {
      const page = await open(scenario === 'guide' ? '' : `?scenario=${scenario}`);
      expect(await violations(page)).toEqual([]);
      if (scenario === 'playground') {
        await page.getByTestId('step-phase').click(); // reset (the program rests after backward)
        await page.getByTestId('step-phase').click(); // mark
        await page.getByTestId('step-phase').click(); // forward
        await page.getByTestId('step-node').click(); // into backward
        await page.getByTestId('step-node').click();
      } else {
        await stepTo(page, 'loss');
        await page.getByTestId('step-node').click(); // into backward
        await page.getByTestId('step-node').click();
      }
      expect(await page.getByTestId('phase').textContent()).toBe('backward');
      expect(await violations(page)).toEqual([]);
      await stepTo(page, 'reset');
      expect(await violations(page)).toEqual([]);
      await screenshot(page, `a11y-${scenario}-reset`);
    });
  }

  for (const scenario of ['guide', 'playground', 'mlp']) {
    it(`${scenario}: a graph node focused by Tab is named by what it shows`, async () => {
      const page = await open(`?scenario=${scenario}`);
      const checked: string[] = [];
      for (const phase of ['rest', 'forward', 'backward']) {
        if (phase === 'forward') await stepTo(page, 'forward', 2);
        if (phase === 'backward') await stepTo(page, 'backward', 3);
        const node = page.locator(
          '[data-testid="graph-view"] [data-testid="graph-node"][tabindex="0"]',
        );
        await node.focus();
        await page.keyboard.press('Tab');
        await page.keyboard.press('Shift+Tab'); // focused by the keyboard, as a user would
        expect(await node.evaluate((el) => el === document.activeElement)).toBe(true);
        const mismatch = await violations(page, ['label-content-name-mismatch']);
        expect(mismatch, phase).toEqual([]);
        checked.push(`${phase}: ${await node.getAttribute('aria-label')}`);
      }
      expect(checked).toHaveLength(3);
    });
  }

  it('a node out of view, focused, is named by the text its box shows (zoomed in, stepping)', async () => {
    const page = await open();
    await stepTo(page, 'forward');
    const svg = (await page.getByTestId('graph-view').boundingBox())!;
    await page.mouse.move(svg.x + 80, svg.y + 60); // zoom in on the top left: the loss leaves the view
    for (let k = 0; k < 4; k++) {
      await page.mouse.wheel(0, -200);
      await page.waitForTimeout(100);
    }
    for (let k = 0; k < 4; k++) await page.keyboard.press('ArrowRight'); // the loss's records
    const nodes = page.locator('[data-testid="graph-view"] [data-testid="graph-node"]');
    // Out of view, a node's text is not rewritten as it changes (that costs layout for nothing).
    const away = await nodes.evaluateAll(
      (els, box) =>
        els
          .filter((n) => {
            const r = n.getBoundingClientRect();
            return n.getAttribute('data-state') === 'live' && r.top > box.y + box.height;
          })
          .map((n) => n.getAttribute('data-address')),
      svg,
    );
    expect(away.length).toBeGreaterThan(0);
    for (const address of away) {
      const node = page.locator(`[data-testid="graph-view"] [data-address="${address}"]`);
      await node.focus(); // as Tab does when the roving tab stop is on it
      const [label, text] = await node.evaluate((el) => [
        el.getAttribute('aria-label') ?? '',
        [...el.querySelectorAll('text')]
          .map((t) => t.textContent)
          .filter(Boolean)
          .join(' '),
      ]);
      expect(label.startsWith(text), `name "${label}", box "${text}"`).toBe(true);
      expect(await violations(page, ['label-content-name-mismatch'])).toEqual([]);
    }
  });

  it('playground with a parse error: the editor, its diagnostic and the error box', async () => {
    const page = await open('?scenario=playground');
    await page.getByTestId('expression').fill('x = 1\ny = x * )');
    await page.getByTestId('expression-error').waitFor();
    await page.locator('[data-testid="expression"] .cm-lintRange-error').waitFor();
    await page.locator('.cm-lintRange-error').hover(); // the diagnostic's tooltip, shown
    await page.locator('.cm-tooltip-lint').waitFor();
    expect(await violations(page)).toEqual([]);
  });

  it('predict mode: a question, a wrong answer with its hint, the class card', async () => {
    const page = await open('?scenario=playground&predict=1');
    await page.keyboard.press('ArrowRight');
    await page.getByTestId('predict-input').waitFor();
    await page.keyboard.type('5');
    await page.keyboard.press('Enter');
    await page.getByTestId('predict-hint').waitFor();
    expect(await violations(page)).toEqual([]);
    await page.locator('body').click({ position: { x: 5, y: 790 } });
    await page.keyboard.press('p'); // class mode: the card over the screen
    expect(await violations(page)).toEqual([]);
  });

  it("micrograd's preset: the notebook beside the run, its explanation open", async () => {
    const page = await open('?scenario=mlp&preset=micrograd&step=3');
    await page.getByTestId('notebook-diff').waitFor();
    await page.getByText('why the last digit can differ').click();
    await page.getByText(/keeps a Value’s parents in a Python set/).waitFor();
    expect(await violations(page)).toEqual([]);
  });

  it('the tour’s questions: asked, refused, answered; the score', async () => {
    const page = await open('?chapter=2');
    await page.keyboard.press('Space'); // the action: the question is asked after it
    await page.getByTestId('tour-answer').fill('0xzz');
    await page.getByTestId('tour-answer').press('Enter');
    await page.getByTestId('tour-answer-error').waitFor();
    expect(await violations(page)).toEqual([]);
    await page.getByTestId('tour-answer').fill('0');
    await page.getByTestId('tour-answer').press('Enter');
    await page.getByTestId('tour-verdict').waitFor();
    expect(await violations(page)).toEqual([]);
    const choices = await open('?chapter=9'); // asked before the action: three buttons
    await choices.getByTestId('tour-answer').first().waitFor();
    expect(await violations(choices)).toEqual([]);
    await choices.keyboard.press('3');
    await choices.keyboard.press('Space');
    await choices.keyboard.press('Space'); // (the chapter-2 miss first, then the score)
    await choices.keyboard.press('Space');
    await choices.keyboard.press('Space');
    await choices.getByTestId('tour-score').waitFor();
    expect(await violations(choices)).toEqual([]);
  });
});
