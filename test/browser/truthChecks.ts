/**
 * One truth per screen: a snapshot of everything the screen says (taken in one task, so the
 * panels are of the same moment), and checks that each number a text claims is the number the
 * panel it names shows. Used by truth.test.ts.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** One drawn graph node. */
export interface DrawnNode {
  arena: string;
  state: string;
  address: number;
  current: boolean;
  title: string;
  value: string;
  gradient: string;
  name: string | null;
}

/** One region line of the memory panel. */
export interface Region {
  text: string;
  used: number;
  shown: number;
  highWater: number;
  lastStep: number | null;
}

/** What the screen says, all read in one go. */
export interface Screen {
  phase: string;
  caption: string;
  chainRule: string;
  slider: string;
  sliderText: string;
  regions: { model: Region; scratch: Region };
  stats: Record<string, string>;
  nodes: DrawnNode[];
  tour: string | null;
  record: { field: string; size: number; raw: string }[];
  workbench: { points: string; hidden: string[]; params: string } | null;
  codePane: string | null;
  codeNote: string | null;
}

/** Reads the screen in one task. */
export function readScreen(page: Page): Promise<Screen> {
  return page.evaluate(() => {
    const by = (id: string) => document.querySelector<HTMLElement>(`[data-testid="${id}"]`);
    // The visible words: glossary terms carry their definition in a tooltip element.
    const visible = (el: Element | null): string => {
      if (!el) return '';
      const copy = el.cloneNode(true) as Element;
      copy.querySelectorAll('.term-tip').forEach((tip) => tip.remove());
      return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
    };
    const region = (name: string) => {
      const el = by(`region-${name}`)!;
      const last = el.dataset.lastStep;
      return {
        text: visible(el),
        used: Number(el.dataset.used),
        shown: Number(el.dataset.shown),
        highWater: Number(el.dataset.highWater),
        lastStep: last ? Number(last) : null,
      };
    };
    const stats: Record<string, string> = {};
    for (const row of document.querySelectorAll('.stats dl > div'))
      stats[visible(row.querySelector('dt'))] = visible(row.querySelector('dd'));
    const nodes = [
      ...document.querySelectorAll('[data-testid="graph-view"] g[data-testid="graph-node"]'),
    ].map((g) => ({
      arena: g.getAttribute('data-arena') ?? '',
      state: g.getAttribute('data-state') ?? '',
      address: Number(g.getAttribute('data-address')),
      current: g.getAttribute('data-current') === 'true',
      title: g.querySelector('text.t1')?.textContent ?? '',
      value: g.querySelector('text.t2')?.textContent ?? '',
      gradient: g.querySelector('text.t3')?.textContent ?? '',
      name: g.getAttribute('aria-label'),
    }));
    const record = [
      ...document.querySelectorAll('[data-testid="memory-record"] tr[data-field]'),
    ].map((tr) => {
      const cells = tr.querySelectorAll('td');
      return {
        field: tr.getAttribute('data-field') ?? '',
        size: Number(cells[2]?.textContent),
        raw: cells[3]?.textContent ?? '',
      };
    });
    const points = by('points') as HTMLInputElement | null;
    const tour = by('tour-panel');
    return {
      phase: visible(by('phase')),
      caption: visible(by('caption')),
      chainRule: by('chain-rule')?.textContent ?? '',
      slider: visible(by('event-index')),
      sliderText: by('event-slider')?.getAttribute('aria-valuetext') ?? '',
      regions: { model: region('model'), scratch: region('scratch') },
      stats,
      nodes,
      tour: tour ? visible(tour.querySelector('p')) : null,
      record,
      workbench: points
        ? {
            points: points.value,
            hidden: [...document.querySelectorAll('[data-testid^="hidden-"] b')].map(
              (b) => b.textContent ?? '',
            ),
            params: visible(document.querySelector('.wb-setup .wb-label[title^="weights"]')),
          }
        : null,
      codePane: by('code-pane')?.querySelector('.cm-content')?.textContent ?? null,
      codeNote: by('code-pane-note') ? visible(by('code-pane-note')) : null,
    };
  });
}

/** A number as the screen writes it: `1,234`, `−0.5`. */
export const num = (text: string): number => Number(text.replace(/−/g, '-').replace(/,/g, ''));

/** The first match of `pattern` in `text`, as numbers (fails the test when there is none). */
export function numbersIn(text: string, pattern: RegExp): number[] {
  const match = pattern.exec(text);
  expect(match, `${pattern} in «${text}»`).not.toBeNull();
  return match!.slice(1).map(num);
}

/** Which phase a caption describes, by its opening words. */
const CAPTION_PHASES: [RegExp, string][] = [
  [/^Step \d+\. |^The program has not run yet/, 'ready'],
  [/^The step starts by noting/, 'mark'],
  [/^The network computes its output|^The program runs/, 'forward'],
  [/^How wrong is the output\?/, 'loss'],
  [
    /^Now every number learns|^The sweep is done|^The program is evaluated and differentiated/,
    'backward',
  ],
  [/^The weights take a small step/, 'update'],
  [/^The whole step is freed at once/, 'reset'],
];

/** Whether the screen shows a step's start or end (the slider's ends). */
function atRest(s: Screen): boolean {
  if (s.phase === 'ready' || s.phase === 'reset') return true;
  return (
    /^The program is evaluated and differentiated/.test(s.caption) &&
    !s.nodes.some((n) => n.current)
  );
}

/** Every check that holds on any screen: phase, slider, captions, stats, nodes. */
export function checkScreen(s: Screen, where: string): void {
  const say = (what: string) => `${where}: ${what}`;
  // The caption is the phase's.
  const described = CAPTION_PHASES.find(([pattern]) => pattern.test(s.caption))?.[1];
  expect(described, say(`caption «${s.caption}»`)).toBe(s.phase);
  // The slider stands where the phase is: its ends are rests, its inside is not.
  if (s.slider !== 'playing') {
    const [index, last] = numbersIn(s.slider, /^(\d+) \/ (\d+)$/);
    expect(s.sliderText, say('slider text')).toBe(`event ${index} of ${last}: ${s.phase}`);
    const end = index === 0 || index === last;
    expect(atRest(s), say(`event ${index} of ${last} in phase ${s.phase}`)).toBe(end);
  }
  // The stats and the memory header give the same bytes.
  const scratch = s.regions.scratch;
  const [used, capacity] = numbersIn(s.stats['scratch used'], /^([\d,]+) B of ([\d,]+) B$/);
  expect(used, say('stats scratch used vs header')).toBe(scratch.shown);
  const [headerUsed] = numbersIn(scratch.text, /used ([\d,]+) \/ ([\d,]+) bytes/);
  expect(headerUsed, say('header used')).toBe(scratch.shown);
  expect(numbersIn(scratch.text, /\/ ([\d,]+) bytes/)[0]).toBe(capacity);
  expect(numbersIn(s.stats['scratch high water'], /^([\d,]+) B$/)[0]).toBe(scratch.highWater);
  expect(numbersIn(s.stats['model used'], /^([\d,]+) B/)[0]).toBe(s.regions.model.used);
  if (scratch.shown !== scratch.used)
    expect(numbersIn(scratch.text, /forward pushed ([\d,]+) at once/)[0]).toBe(scratch.used);
  checkNodes(s, say);
  checkCaptionNumbers(s, say);
  checkChainRule(s, say);
}

/** Each node's accessible name says what its box shows; faded boxes show no numbers. */
function checkNodes(s: Screen, say: (what: string) => string): void {
  for (const node of s.nodes.filter((n) => n.name !== null && n.value !== '')) {
    const name = node.name!;
    const seen = [node.title, node.value, node.gradient].filter(Boolean).join(' ');
    expect(name.startsWith(`${seen}: `), say(`«${name}» starts with «${seen}»`)).toBe(true);
    if (node.value === 'not in memory' || node.value === 'not revealed') {
      expect(node.state, say(name)).toBe('absent');
      expect(node.gradient, say(name)).toBe('');
      expect(name).toContain(node.value === 'not in memory' ? 'not in memory' : 'not revealed yet');
      expect(name).not.toMatch(/value |gradient /);
    } else {
      expect(node.state, say(name)).toBe('live');
      expect(name, say(node.title)).toContain(`value ${node.value}`);
      if (node.gradient) expect(name).toContain(`gradient ${node.gradient.replace(/^g /, '')}`);
      else expect(name).not.toContain('gradient');
    }
  }
}

/** The numbers of each phase's caption, against the panels. */
function checkCaptionNumbers(s: Screen, say: (what: string) => string): void {
  const { caption } = s;
  const scratch = s.regions.scratch;
  const scratchNodes = s.nodes.filter((n) => n.arena === 'scratch');
  const faded = (n: DrawnNode) => n.value === 'not in memory' || n.value === '';
  switch (s.phase) {
    case 'ready':
      if (/^Step/.test(caption))
        expect(numbersIn(caption, /^Step (\d+)\./)[0]).toBe(num(s.stats.step));
      // "The scratch arena is empty … no numbers until it does."
      expect(scratch.used, say('empty scratch')).toBe(0);
      expect(scratchNodes.every(faded), say('faded boxes without numbers')).toBe(true);
      break;
    case 'mark': {
      const [bytes] = numbersIn(caption, /\(([\d,]+) bytes\)/);
      expect(bytes, say('mark bytes')).toBe(scratch.shown);
      expect(numbersIn(scratch.text, /checkpoint @([\d,]+)/)[0]).toBe(bytes);
      break;
    }
    case 'loss': {
      const [loss, records, bytes] = numbersIn(
        caption,
        /loss = (\S+)\. The step now holds ([\d,]+) records, ([\d,]+) bytes in all/,
      );
      expect(loss, say('loss')).toBe(Number(num(s.stats.loss).toPrecision(4)));
      expect(bytes, say('bytes of the step')).toBe(scratch.used);
      expect(numbersIn(s.stats['records drawn'], /of ([\d,]+)$/)[0]).toBe(records);
      expect(numbersIn(scratch.text, /([\d,]+) records$/)[0]).toBe(records);
      break;
    }
    case 'update': {
      const [lr, count] = numbersIn(
        caption,
        /w ← w − (\S+) · w\.grad .* for all ([\d,]+) parameters/,
      );
      const lines = s.chainRule.split('\n');
      expect(numbersIn(lines[0], /\(([\d,]+)\):$/)[0], say('parameters updated')).toBe(count);
      expect(lines.length - 1).toBe(count);
      if (s.workbench) expect(numbersIn(s.workbench.params, /^(\d+) params$/)[0]).toBe(count);
      else expect(s.nodes.filter((n) => n.arena === 'model').length).toBe(count);
      for (const line of lines.slice(1)) checkUpdateLine(line, lr, s, say);
      break;
    }
    case 'reset': {
      const [to, records, bytes] = numbersIn(
        caption,
        /back to ([\d,]+) bytes, and ([\d,]+) records \(([\d,]+) bytes\) are gone/,
      );
      expect(to, say('freed to')).toBe(scratch.used);
      expect(scratch.lastStep, say('last step bytes')).toBe(bytes);
      expect(numbersIn(s.chainRule, /scratch\.used = ([\d,]+) → ([\d,]+) bytes/)).toEqual([
        bytes,
        to,
      ]);
      expect(numbersIn(s.stats['records drawn'], /of ([\d,]+)$/)[0]).toBe(records);
      expect(scratchNodes.every(faded), say('freed boxes without numbers')).toBe(true);
      break;
    }
  }
}

/** `w1 ← −0.7093 − 0.01 · 2.626 = −0.7355`: the rate, the arithmetic, and the node's old → new. */
function checkUpdateLine(line: string, lr: number, s: Screen, say: (what: string) => string): void {
  const match = /^(.+?) ← (\S+) − (\S+) · (\S+) = (\S+)$/.exec(line);
  expect(match, say(line)).not.toBeNull();
  const [, name, before, rate, grad, after] = match!;
  const [b, g, a] = [before, grad, after].map(num);
  expect(num(rate), say(line)).toBe(lr);
  expect(Math.abs(b - lr * g - a), say(line)).toBeLessThanOrEqual(1e-3 * Math.max(1, Math.abs(a)));
  const node = s.nodes.find((n) => n.arena === 'model' && n.title === name);
  if (!node || !node.value) return; // not drawn, or out of view
  const [old, next] = node.value.split('→').map(num);
  expect(Math.abs(old - b), say(`${name} drawn ${node.value}`)).toBeLessThanOrEqual(
    6e-3 * Math.abs(b) + 1e-9,
  );
  expect(Math.abs(next - a), say(`${name} drawn ${node.value}`)).toBeLessThanOrEqual(
    6e-3 * Math.abs(a) + 1e-9,
  );
}

/** The chain-rule panel says what the phase and the marked node say. */
function checkChainRule(s: Screen, say: (what: string) => string): void {
  const current = s.nodes.find((n) => n.current);
  if (s.phase === 'backward' && !current && atRest(s))
    expect(s.chainRule, say('chain rule at rest')).toMatch(/^The sweep is done/);
  if (s.phase === 'backward' && current && current.value) {
    // `… → 2.313;  out.grad = 2.626`: the marked node's value and gradient, to its three digits.
    const [value, gradient] = numbersIn(s.chainRule, /→ (\S+);\s+out\.grad = (\S+)/);
    expect(Number(value.toPrecision(3)), say('marked node value')).toBe(num(current.value));
    expect(Number(gradient.toPrecision(3))).toBe(num(current.gradient.replace(/^g /, '')));
  }
}
