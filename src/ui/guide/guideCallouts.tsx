/**
 * The guide's three wrong or missing pieces, each as a note that stands beside the code it is
 * about: which block, which lines (marked with the note's sign), what is wrong with measured
 * numbers, and links to where the app runs it live and where it shows the fix.
 */
import type { ReactNode } from 'react';
import type { GuideBlock } from './guideMarkdown';
import type { GuideFacts } from './guideFacts';
import { DEEP_LEVELS, LOOP_PASSES } from './guideFacts';
import type { AppPlace } from './guidePlaces';

/** A link of a note: its words, where it goes, its `data-testid`. */
export interface CalloutLink {
  readonly label: string;
  readonly place: AppPlace;
  readonly testid: string;
}

/** One note beside the guide's text. */
export interface GuideCallout {
  readonly id: 'backward' | 'loop' | 'cleanup';
  /** The sign that ties the note to its lines (not colour alone). */
  readonly sign: string;
  readonly title: string;
  /** Whether the note stands beside `block`. */
  at(block: GuideBlock): boolean;
  /** The lines (of code) or rows (of the table, by their first cell) it is about. */
  marks(text: string): boolean;
  body(facts: GuideFacts): ReactNode;
  readonly links: readonly CalloutLink[];
}

const codeHas = (needle: string) => (block: GuideBlock) =>
  block.kind === 'code' && block.code.includes(needle);
const n = (x: number) => x.toLocaleString('en');
const exact = (x: number) => (Number.isInteger(x) ? String(x) : x.toPrecision(10));

const compare = (selector: string): AppPlace => ({ kind: 'compare', selector });

export const GUIDE_CALLOUTS: readonly GuideCallout[] = [
  {
    id: 'backward',
    sign: '①',
    title: 'Wrong on shared nodes, and exponential',
    at: codeHas('backward_internal'),
    marks: (line) => /^\s*(backward_internal|zero_gradients)\(v->prev\[i\]\)/.test(line),
    body: (f) => (
      <>
        <p>
          <code>backward_internal</code> applies a node’s <code>gradient_func</code> and then
          recurses into its parents, so a node reached by k paths pushes its gradient k times.
          Zeroing twice does no harm; adding twice does.
        </p>
        <p>
          Run here on <code>{f.program}</code>: the guide gets d{f.output}/d{f.leaf} ={' '}
          <strong data-testid="guide-doc-wrong">{exact(f.guideGrad)}</strong>; one sweep down the
          tape gets <strong>{exact(f.tapeGrad)}</strong>, finite differences{' '}
          {exact(f.finiteDifference)}. It made {n(f.guideVisits)} calls for {n(f.tapeVisits)}{' '}
          records; on {DEEP_LEVELS} levels of <code>x = y + y</code> it would make{' '}
          {n(f.deepGuideVisits)} for {n(f.deepTapeVisits)}.
        </p>
      </>
    ),
    links: [
      {
        label: 'Run it: the guide’s backward in Before vs after',
        place: compare('[data-testid="guide-program"]'),
        testid: 'guide-go-backward',
      },
      {
        label: 'The fix: the tape sweep in the guide’s example',
        place: { kind: 'example', phase: 'backward' },
        testid: 'guide-go-backward-fix',
      },
    ],
  },
  {
    id: 'loop',
    sign: '②',
    title: 'The update is commented out: nothing learns',
    at: codeHas('// neuron._weights'),
    marks: (line) => /^\s*(\/\/ neuron\._weights|backward\(output\))/.test(line),
    body: (f) => (
      <>
        <p>
          The one line that changes a weight is a comment, so the loop runs and learns nothing. Run
          here on the guide’s neuron (with a squared error to watch): the loss is{' '}
          {f.lossFirst.toPrecision(6)} at pass 1 and{' '}
          <strong data-testid="guide-doc-stuck">{f.lossLastAsWritten.toPrecision(6)}</strong> at
          pass {LOOP_PASSES}; with the line in, {f.lossLastWithUpdate.toPrecision(3)}.
        </p>
        <p>
          Uncommented as written it would not compile: <code>i</code> is not declared and{' '}
          <code>_weights</code> is private. And there is no loss: <code>backward(output)</code>{' '}
          differentiates the neuron’s output itself.
        </p>
      </>
    ),
    links: [
      {
        label: 'Run it: the guide’s loop in Before vs after',
        place: compare('[data-testid="guide-update"]'),
        testid: 'guide-go-loop',
      },
      {
        label: 'The fix: the update in the guide’s example',
        place: { kind: 'example', phase: 'update' },
        testid: 'guide-go-loop-fix',
      },
    ],
  },
  {
    id: 'cleanup',
    sign: '③',
    title: '“Automatic cleanup” leaks a cycle',
    at: (block) => block.kind === 'table' && block.rows.some((r) => r[0] === 'automatic cleanup'),
    marks: (cell) => cell === 'automatic cleanup',
    body: () => (
      <p>
        A <code>shared_ptr</code> frees its Value when its count of owners drops to zero. C++ ports
        of micrograd give <code>gradient_func</code> a lambda that captures the Value’s own{' '}
        <code>shared_ptr</code> (<code>[output]</code>): Value → <code>std::function</code> →{' '}
        <code>shared_ptr</code> → the same Value. That count never drops to zero, so every Value of
        every step leaks, and the parents it holds with it. An arena keeps no count:{' '}
        <code>checkpoint.end()</code> frees the step whatever points where.
      </p>
    ),
    links: [
      {
        label: 'The before and after layouts, byte for byte',
        place: compare('[data-testid="layouts"]'),
        testid: 'guide-go-cleanup',
      },
      {
        label: 'The guide’s four reasons, with evidence',
        place: compare('#reasons-h'),
        testid: 'guide-go-reasons',
      },
      {
        label: 'The fix: checkpoint.end() in the guide’s example',
        place: { kind: 'example', phase: 'reset' },
        testid: 'guide-go-cleanup-fix',
      },
    ],
  },
];

/** The notes that stand beside `block`. */
export function calloutsAt(block: GuideBlock): GuideCallout[] {
  return GUIDE_CALLOUTS.filter((callout) => callout.at(block));
}
