/**
 * One truth per screen: every tour chapter (as it opens and after its action) and every
 * scenario's opening screen, read whole, with each number a text claims (the caption, the tour,
 * the chain-rule panel, a node's accessible name) compared with the panel it names (the memory
 * header, the stats, the slider, the graph, the record panel, the workbench).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, useAppPages } from './harness';
import { checkScreen, num, numbersIn, readScreen, type Screen } from './truthChecks';

const { open } = useAppPages();

/** Reads the screen, checks what holds everywhere, and returns it for the chapter's own checks. */
async function look(page: Page, where: string): Promise<Screen> {
  const screen = await readScreen(page);
  checkScreen(screen, where);
  return screen;
}

const next = (page: Page) => page.getByTestId('tour-next').click();

describe('one truth per screen', () => {
  it('every tour chapter: its text’s numbers are the panels’ numbers, before and after its action', async () => {
    const page = await open();
    await page.getByTestId('tour').click();

    // 1. Weights in the model arena, every intermediate in scratch.
    await look(page, 'chapter 1');
    await next(page);
    const one = await look(page, 'chapter 1 acted');
    const weights = one.nodes.filter((n) => /^(w\d|b)$/.test(n.title));
    expect(weights.length).toBeGreaterThan(0);
    expect(weights.every((n) => n.arena === 'model')).toBe(true);
    expect(one.nodes.filter((n) => n.arena === 'model')).toEqual(weights);
    await next(page);

    // 2. One push: the bump pointer moves by the record size; forward pushed the rest at once.
    const before = await look(page, 'chapter 2');
    const text = before.tour!;
    const [record, align, padding] = [
      numbersIn(text, /moves up by (\d+) bytes/)[0],
      numbersIn(text, /start on (\d+)-byte boundaries/)[0],
      numbersIn(text, /leaves (\d+) bytes of padding/)[0],
    ];
    expect(numbersIn(text, /reveals the next push: (\d+) bytes further/)[0]).toBe(record);
    await next(page);
    const two = await look(page, 'chapter 2 acted');
    expect(two.regions.scratch.shown - before.regions.scratch.shown).toBe(record);
    // "… says it pushed all the step’s bytes at once": the header's number is the engine's.
    const [pushed] = numbersIn(two.regions.scratch.text, /forward pushed ([\d,]+) at once/);
    expect(pushed).toBe(two.regions.scratch.used);
    expect(pushed).toBe(two.regions.scratch.highWater);
    expect(two.nodes.filter((n) => n.state === 'live' && n.arena === 'scratch')).toHaveLength(1);
    expect(two.nodes.every((n) => n.address % align === 0)).toBe(true);
    // The model arena: its records, then one pointer array of odd length and its padding.
    const model = two.regions.model;
    const [records] = numbersIn(model.text, /([\d,]+) records$/);
    const pointers = (model.used - records * record - padding) / 4;
    expect(Number.isInteger(pointers) && pointers % 2 === 1).toBe(true);
    await screenshot(page, 'truth-chapter-2');
    await next(page);

    // 3. The record: its size, and a one-byte op code among the engine's op codes.
    const three = await look(page, 'chapter 3');
    await next(page);
    const decoded = await look(page, 'chapter 3 acted');
    expect(numbersIn(three.tour!, /A record is (\d+) bytes/)[0]).toBe(record);
    expect(decoded.record.reduce((sum, row) => sum + row.size, 0)).toBe(record);
    const op = decoded.record.find((row) => row.field === 'op')!;
    expect(op.size).toBe(1);
    expect(parseInt(op.raw.trim(), 16)).toBeLessThan(
      numbersIn(three.tour!, /the engine’s (\d+) op codes/)[0],
    );
    await next(page);

    // 4. Forward; 5. backward (read mid-sweep and once it is done).
    await look(page, 'chapter 4');
    await next(page);
    await look(page, 'chapter 4 acted');
    await next(page);
    await look(page, 'chapter 5');
    await next(page);
    await look(page, 'chapter 5 acted, mid-sweep');
    const caption = async () => (await readScreen(page)).caption;
    await expect.poll(caption, { timeout: 20_000 }).toMatch(/^The sweep is done/);
    await look(page, 'chapter 5, sweep done');
    await next(page);

    // 6. The update: w ← w − lr · w.grad, line by line (checked with the update caption).
    await look(page, 'chapter 6');
    await next(page);
    const six = await look(page, 'chapter 6 acted');
    expect(six.phase).toBe('update');
    await next(page);

    // 7. checkpoint.end(): scratch used drops to the number the text says; the rest stays.
    const seven = await look(page, 'chapter 7');
    await next(page);
    const freed = await look(page, 'chapter 7 acted');
    expect(freed.regions.scratch.used).toBe(
      numbersIn(seven.tour!, /scratch used drops to (\d+)/)[0],
    );
    expect(freed.regions.scratch.highWater).toBe(seven.regions.scratch.highWater);
    expect(freed.regions.model.used).toBe(seven.regions.model.used);
    const updated = seven.nodes.filter((n) => n.arena === 'model');
    for (const node of freed.nodes.filter((n) => n.arena === 'model'))
      expect(node.value).toBe(updated.find((n) => n.title === node.title)!.value.split('→')[1]);
    await next(page);

    // 8. Before vs after.
    await look(page, 'chapter 8');
    await next(page);
    await look(page, 'chapter 8 acted');
    await next(page);

    // 9. The whole MLP: the model, the points and the records per step the text quotes.
    const nine = await look(page, 'chapter 9');
    const [shape, points, perStep] =
      /a (\S+) network on (\d+) points pushes ([\d,]+) records per step/.exec(nine.tour!)!.slice(1);
    expect(shape).toBe(['2', ...nine.workbench!.hidden, '1'].join('-'));
    expect(num(points)).toBe(num(nine.workbench!.points));
    expect(numbersIn(nine.stats['records drawn'], /of ([\d,]+)$/)[0]).toBe(num(perStep));
    await next(page);
    await expect
      .poll(async () => (await readScreen(page)).regions.scratch.lastStep ?? 0, { timeout: 30_000 })
      .toBeGreaterThan(0);
    const trained = await look(page, 'chapter 9 acted');
    expect(trained.regions.scratch.lastStep! / record).toBe(num(perStep));
    await screenshot(page, 'truth-chapter-9');
  });

  it('every scenario’s opening screen', async () => {
    for (const scenario of ['guide', 'playground', 'mlp', 'compare']) {
      const page = await open(`?scenario=${scenario}`);
      const screen = await look(page, `${scenario} opening`);
      const [index, last] = numbersIn(screen.slider, /^(\d+) \/ (\d+)$/);
      // The playground opens evaluated: at the end of that first step; the others at its start.
      expect(index).toBe(scenario === 'playground' ? last : 0);
      expect(screen.nodes.some((n) => n.name !== null)).toBe(true);
    }
  });

  it('the playground: the code pane shows the program that built the graph, with a note on an error', async () => {
    const page = await open('?scenario=playground');
    await page.getByTestId('code-toggle').click();
    const built = await readScreen(page);
    expect(built.codeNote).toBeNull();
    const editor = page.getByTestId('expression');
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' +* 3');
    await page.getByTestId('expression-error').waitFor();
    const broken = await look(page, 'playground with a typing error');
    const line = num(
      (await page.getByTestId('expression-error').getAttribute('data-line')) as string,
    );
    expect(broken.codePane).toBe(built.codePane); // the program the graph was built from
    expect(numbersIn(broken.codeNote!, /error \(line (\d+)\)/)[0]).toBe(line);
    expect(await editor.textContent()).toContain('+* 3'); // the editor keeps the typed text
    expect(broken.nodes.map((n) => n.name)).toEqual(built.nodes.map((n) => n.name));
    await screenshot(page, 'truth-playground-error');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('3');
    await expect.poll(async () => (await readScreen(page)).codeNote).toBeNull();
    const fixed = await look(page, 'playground after the fix');
    expect(fixed.codePane).toContain('+3');
  });

  it('a batch beyond the maximum becomes the maximum, and says so: the link, the field, Before vs after', async () => {
    const linked = await open('?scenario=mlp&points=5000');
    const note = await linked.getByTestId('url-note').textContent();
    expect(note).toContain(
      'Changed from the link: points=5000 (the most is 1,000, so 1,000 are used)',
    );
    expect(await linked.getByTestId('points').inputValue()).toBe('1000');
    const screen = await look(linked, 'mlp opened with points=5000');
    expect(screen.workbench!.points).toBe('1000');

    const typed = await open('?scenario=mlp');
    await typed.getByTestId('points').fill('5000');
    await typed.getByTestId('points').press('Enter');
    expect(await typed.getByTestId('setup-note').textContent()).toBe(
      '5,000 points: the most is 1,000, so 1,000 are used.',
    );
    expect(await typed.getByTestId('points').inputValue()).toBe('1000');
    await look(typed, 'mlp with 5000 points typed');

    const compare = await open('?scenario=compare');
    await compare.getByTestId('compare-points').fill('5000');
    await compare.getByTestId('compare-run').click();
    expect(await compare.getByTestId('compare-points').inputValue()).toBe('400');
    expect(await compare.getByTestId('compare-points-note').textContent()).toBe(
      'batch 5000: the most is 400, so 400 are used',
    );
    // Stop the live run (the first Stop; the C++ rows have their own), to free a core.
    await compare.getByRole('button', { name: 'Stop' }).first().click();
  });
});
