/**
 * The guided tour's chapters, as data: a short text, where the app starts the chapter (`enter`),
 * and the action the text describes (`act`, on Space or Next), driven through the session's
 * commands and the store's intent — never a recording. Each chapter enters from a fresh scenario,
 * so a link with `chapter=N` opens exactly there. The numbers in the texts are the engine's own
 * (record size, alignment, op codes, the demo's setup) and the panels show the same ones at that
 * moment (test/browser/truth.test.ts reads both).
 */
import { OP_INFO, POINTER_SIZE, VALUE_ALIGN, VALUE_RECORD_SIZE } from '../../core';
import { DEFAULT_TRAINING, recordsPerStep } from '../../setup';
import { MAX_SPEED } from '../../session/playSpeeds';
import type { Session } from '../../session/Session';
import type { AppState } from '../../store/appStore';

/** What a chapter may use. */
export interface TourContext {
  readonly session: Session;
  state(): AppState;
}

export interface Chapter {
  readonly title: string;
  /** The text: plain sentence first, the jargon second (glossary terms are marked). */
  readonly text: string;
  /** What the action will show, on the Next button before it runs. */
  readonly actionLabel: string;
  enter(tour: TourContext): void;
  act(tour: TourContext): void;
  /** What the text is about (CSS selectors): the panel docks where it covers none of them. */
  readonly about: readonly string[];
}

/** Puts the guide's example on screen, fresh, and steps by phase until `phase` is shown. */
export function guideAt(tour: TourContext, phase: AppState['phase']): void {
  const { session } = tour;
  if (tour.state().scenario !== 'guide') tour.state().setScenario('guide');
  else session.reset();
  tour.state().select(null);
  // ↓ into backward plays the sweep over time; ↓ again finishes it: a chapter starts at rest.
  const settled = () => tour.state().phase === phase && session.scenario?.playhead.phaseComplete;
  // Setting the scene asks nothing (predict mode asks about the chapter's action).
  session.predict.without(() => {
    for (let k = 0; k < 10 && !settled(); k++) session.stepPhase();
  });
}

const RECORD = VALUE_RECORD_SIZE;
/** micrograd's demo, as the MLP scenario opens: the setup chapter 9 quotes and enters. */
const DEMO = {
  model: [2, ...DEFAULT_TRAINING.hidden, 1].join('-'),
  points: DEFAULT_TRAINING.points,
  records: recordsPerStep(DEFAULT_TRAINING).toLocaleString('en-US'),
};

/** The address of the first drawn record of op `symbol` in the scenario on screen, or null. */
function firstNode(tour: TourContext, op: number): number | null {
  const node = tour.session.scenario?.spec.nodes.find((n) => n.op === op && n.arena === 'scratch');
  return node ? node.address : null;
}

export const CHAPTERS: readonly Chapter[] = [
  {
    title: 'One neuron, two arenas',
    text: 'A neuron keeps its weights for as long as it lives, but everything one training step computes is needed only for that step. So the weights go into the model arena (orange, rounded) and every intermediate into the scratch arena (blue, square).',
    actionLabel: 'Run the forward pass',
    enter: (tour) => guideAt(tour, 'ready'),
    act: (tour) => {
      tour.session.stepPhase(); // mark
      tour.session.stepPhase(); // forward
    },
    about: ['[data-testid="graph-view"] .nodes', '[data-testid="memory-view"]'],
  },
  {
    title: 'push_struct: a Value is pushed',
    text: `Making a Value costs one addition: the arena’s bump pointer moves up by ${RECORD} bytes and the record goes where it was. Here forward runs whole (the scratch line above the memory says it pushed all the step’s bytes at once) and each press reveals the next push: ${RECORD} bytes further. Records start on ${VALUE_ALIGN}-byte boundaries; a pointer array of odd length leaves ${VALUE_ALIGN - POINTER_SIZE} bytes of padding.`,
    actionLabel: 'Reveal one push',
    enter: (tour) => guideAt(tour, 'mark'),
    act: (tour) => tour.session.stepNode(),
    about: ['[data-testid="memory-view"]', '[data-testid="graph-view"] .nodes'],
  },
  {
    title: 'The record',
    text: `A record is ${RECORD} bytes: value, gradient, two parent pointers prev[2] with prev_count instead of a vector, and a one-byte op code instead of the guide’s gradient_func pointer: the engine’s ${OP_INFO.length} op codes (a leaf and ${OP_INFO.length - 1} operations) fit in a byte, and the code picks the rule.`,
    actionLabel: 'Decode a × record',
    enter: (tour) => guideAt(tour, 'forward'),
    act: (tour) => tour.state().select(firstNode(tour, 2)),
    about: ['[data-testid="memory-record"]', '[data-testid="memory-view"]'],
  },
  {
    title: 'Forward: the graph grows record by record',
    text: 'Every op pushes its record after its parents’ records, so the order of allocation is already a topological order: the tape. Watch the scratch region fill from its checkpoint.',
    actionLabel: 'Run forward',
    enter: (tour) => guideAt(tour, 'mark'),
    act: (tour) => tour.session.stepPhase(),
    about: ['[data-testid="memory-view"]', '[data-testid="graph-view"] .nodes'],
  },
  {
    title: 'Backward: one sweep down the tape',
    text: 'Backward visits the records in reverse tape order, once each, and applies the chain rule at each: a node adds its gradient times its local derivative into its parents. A value that feeds two nodes gets the sum of both. The guide’s recursion visits a shared value once per path instead: wrong sums, exponential time (see Before vs after).',
    actionLabel: 'Run the backward sweep',
    enter: (tour) => guideAt(tour, 'loss'),
    act: (tour) => tour.session.stepPhase(),
    about: ['[data-testid="graph-view"] .nodes', '[data-testid="chain-rule"]'],
  },
  {
    title: 'The update',
    text: 'SGD writes into the model arena: every weight moves against its gradient, w ← w − lr · w.grad. The guide’s loop has this line commented out, so its model never learns.',
    actionLabel: 'Update the weights',
    enter: (tour) => guideAt(tour, 'backward'),
    act: (tour) => tour.session.stepPhase(),
    about: ['[data-testid="graph-view"] .nodes', '[data-testid="memory-view"]'],
  },
  {
    title: 'checkpoint.end(): one store frees the step',
    text: 'Freeing the whole step is one store: the bump pointer goes back to the checkpoint, and scratch used drops to 0. The high-water mark stays, and the model arena keeps its weights.',
    actionLabel: 'End the checkpoint',
    enter: (tour) => guideAt(tour, 'update'),
    act: (tour) => tour.session.stepPhase(),
    about: ['[data-testid="memory-view"]', '.memory-summaries'],
  },
  {
    title: 'Before vs after',
    text: 'The same training on garbage-collected objects (one object and one closure per Value) and on the arenas, measured side by side in this page — and the classic arena bug: a pointer kept across the reset.',
    actionLabel: 'Open Before vs after',
    enter: (tour) => guideAt(tour, 'ready'),
    act: (tour) => tour.state().setScenario('compare'),
    about: ['[data-testid="compare-strip"]', '[data-testid="compare-heap"]'],
  },
  {
    title: 'The whole MLP',
    text: `micrograd’s demo: a ${DEMO.model} network on ${DEMO.points} points pushes ${DEMO.records} records per step into the scratch arena and frees them with one store, step after step, until the decision boundary separates the two moons.`,
    actionLabel: 'Train at full speed',
    enter: (tour) => {
      const state = tour.state();
      // The demo's own setup, whatever the workbench was left at: the text quotes it.
      const demo = JSON.stringify(state.training) === JSON.stringify(DEFAULT_TRAINING);
      if (!demo) state.setTraining(DEFAULT_TRAINING);
      if (state.scenario !== 'mlp') state.setScenario('mlp');
      else if (demo) tour.session.reset();
    },
    act: (tour) => {
      tour.state().setSpeed(MAX_SPEED);
      tour.state().setPlaying(true);
    },
    about: ['[data-testid="boundary"]', '[data-testid="loss-chart"]'],
  },
];
