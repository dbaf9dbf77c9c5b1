/**
 * The exercises, as data. Every golden number is copied from its public source, named beside
 * it; the engine is not asked for them (it is what they referee). A unit test checks that a
 * right program reproduces each one in this engine. The arena exercises have no published
 * answer: theirs is computed by the engine from their program (`grade.ts`).
 */
import type { ArenaExercise, Exercise, GoldenSource, ProgramExercise } from './exercise';

/** Karpathy's exercise notebook for the micrograd lecture (linked from the video). */
const MICROGRAD_EXERCISES = {
  title: 'Andrej Karpathy, “micrograd exercises” (Colab notebook)',
  short: 'Karpathy’s micrograd exercises',
  url: 'https://colab.research.google.com/drive/1FPTx1RXtBfc4MaTkf7viZZD4U2F9gtKN',
};

/** The lecture itself. */
const LECTURE = {
  title:
    'Andrej Karpathy, “The spelled-out intro to neural networks and backpropagation: building micrograd” (2022)',
  short: 'Karpathy’s micrograd lecture',
  url: 'https://www.youtube.com/watch?v=VMj-3S1tku0',
};

/** The notebook's own check: `abs(yours - ans) < 1e-5`. */
const NOTEBOOK_TOLERANCE = 1e-5;

const source = (work: typeof LECTURE, where: string): GoldenSource => ({ ...work, where });

/** micrograd exercise 1: a function of three variables and its gradient. */
export const MICROGRAD_1: ProgramExercise = {
  kind: 'program',
  id: 'micrograd-1',
  title: 'micrograd exercise 1: a gradient with sin',
  task:
    'Compute f(a, b, c) = −a³ + sin(3b) − 1/c + b^2.5 − a^0.5 at a = 2, b = 3, c = 4, ' +
    'with f as the last line. The engine’s backward gives df/da, df/db and df/dc.',
  output: 'f',
  inputs: { a: 2, b: 3, c: 4 },
  components: [
    { kind: 'value', name: 'f', golden: 6.336362190988558 },
    { kind: 'gradient', name: 'a', golden: -12.353553390593273 },
    { kind: 'gradient', name: 'b', golden: 10.25699027111255 },
    { kind: 'gradient', name: 'c', golden: 0.0625 },
  ],
  starter:
    '# f(a, b, c) = −a³ + sin(3b) − 1/c + b^2.5 − a^0.5\n' +
    'a = 2; b = 3; c = 4\n' +
    'f = -a**3  # finish f: the last line is the output',
  source: source(MICROGRAD_EXERCISES, 'section 1: derivatives'),
  tolerance: NOTEBOOK_TOLERANCE,
};

/** micrograd exercise 2: softmax, then the negative log-likelihood of label 3. */
export const MICROGRAD_2: ProgramExercise = {
  kind: 'program',
  id: 'micrograd-2',
  title: 'micrograd exercise 2: softmax and its loss',
  task:
    'The logits z0 = 0, z1 = 3, z2 = −2, z3 = 1 go through softmax (exp of each, divided by ' +
    'their sum); the loss is −log of the probability of label 3, as the last line. ' +
    'Its gradient: dloss/dz0 … dloss/dz3.',
  output: 'loss',
  inputs: { z0: 0, z1: 3, z2: -2, z3: 1 },
  components: [
    { kind: 'gradient', name: 'z0', golden: 0.041772570515350445 },
    { kind: 'gradient', name: 'z1', golden: 0.8390245074625319 },
    { kind: 'gradient', name: 'z2', golden: 0.005653302662216329 },
    { kind: 'gradient', name: 'z3', golden: -0.8864503806400986 },
  ],
  starter:
    '# softmax, then the negative log-likelihood of label 3\n' +
    'z0 = 0; z1 = 3; z2 = -2; z3 = 1\n' +
    'e3 = exp(z3)\n' +
    'loss = -log(e3)  # divide by the sum of the exps first',
  source: source(MICROGRAD_EXERCISES, 'section 2: support for softmax'),
  tolerance: NOTEBOOK_TOLERANCE,
};

/** The lecture's first expression graph. */
export const LECTURE_L: ProgramExercise = {
  kind: 'program',
  id: 'lecture-L',
  title: 'The lecture’s L = (a·b + c)·f',
  task:
    'Build L = (a·b + c)·f at a = 2, b = −3, c = 10, f = −2, as the lecture does by hand. ' +
    'L is the output; its gradient flows back to a, b, c and f.',
  output: 'L',
  inputs: { a: 2, b: -3, c: 10, f: -2 },
  components: [
    { kind: 'value', name: 'L', golden: -8 },
    { kind: 'gradient', name: 'a', golden: 6 },
    { kind: 'gradient', name: 'b', golden: -4 },
    { kind: 'gradient', name: 'c', golden: -2 },
    { kind: 'gradient', name: 'f', golden: 4 },
  ],
  starter: 'a = 2; b = -3; c = 10; f = -2\ne = a*b  # then d = e + c, and L',
  source: source(LECTURE, 'chapter “manual backpropagation example #1: simple expression”'),
  tolerance: NOTEBOOK_TOLERANCE,
};

/** The lecture's neuron with a tanh. */
export const LECTURE_NEURON: ProgramExercise = {
  kind: 'program',
  id: 'lecture-neuron',
  title: 'The lecture’s tanh neuron',
  task:
    'A neuron with inputs x1 = 2, x2 = 0, weights w1 = −3, w2 = 1 and bias b = 6.8813735870195432: ' +
    'name the sum n = x1·w1 + x2·w2 + b and the output o = tanh(n), the last line.',
  output: 'o',
  inputs: { x1: 2, x2: 0, w1: -3, w2: 1, b: 6.8813735870195432 },
  components: [
    { kind: 'value', name: 'o', golden: 0.7071 },
    { kind: 'gradient', name: 'n', golden: 0.5 },
    { kind: 'gradient', name: 'x1', golden: -1.5 },
    { kind: 'gradient', name: 'w1', golden: 1 },
    { kind: 'gradient', name: 'x2', golden: 0.5 },
    { kind: 'gradient', name: 'w2', golden: 0 },
  ],
  starter: 'x1 = 2; x2 = 0\nw1 = -3; w2 = 1\nb = 6.8813735870195432\n# n = …, then o = tanh(n)',
  source: source(
    LECTURE,
    'chapter “manual backpropagation example #2: a neuron” (o shown as 0.7071)',
  ),
  tolerance: NOTEBOOK_TOLERANCE,
};

/** The lecture's bug: a node used twice. */
export const LECTURE_SHARED: ProgramExercise = {
  kind: 'program',
  id: 'lecture-shared',
  title: 'A node used twice: b = a + a',
  task:
    'With a = 3, make b = a + a the output. Both uses of a pass a gradient back, so a.grad is 2: ' +
    'a backward that sets gradients with “=” instead of adding with “+=” gets 1.',
  output: 'b',
  inputs: { a: 3 },
  components: [
    { kind: 'value', name: 'b', golden: 6 },
    { kind: 'gradient', name: 'a', golden: 2 },
  ],
  starter: 'a = 3\nb = a  # b = a + a',
  source: source(LECTURE, 'chapter “fixing a backprop bug when one node is used multiple times”'),
  tolerance: NOTEBOOK_TOLERANCE,
};

/** Bytes in scratch: every number and every op is one 32-byte record. */
export const ARENA_BYTES: ArenaExercise = {
  kind: 'arena',
  id: 'arena-bytes',
  title: 'Arena: how many bytes?',
  task:
    'How many bytes does this program push into the scratch arena? Every record is 32 bytes: ' +
    'count every record it makes, not only the named ones.',
  program: 'x = 2\ny = x**2 + 3*x',
  question: { kind: 'bytes' },
};

/** An address in scratch: records land back to back in the order they are computed. */
export const ARENA_ADDRESS: ArenaExercise = {
  kind: 'arena',
  id: 'arena-address',
  title: 'Arena: where does z land?',
  task:
    'At which address does the record of z land? Records are pushed back to back in the order ' +
    'they are computed, from the start of the scratch arena. Decimal or hex (0x…).',
  program: 'x = 3\ny = 2*x + 1\nz = y**2',
  question: { kind: 'address', name: 'z' },
};

/** Every exercise, in the list's order. */
export const EXERCISES: readonly Exercise[] = [
  LECTURE_L,
  LECTURE_NEURON,
  LECTURE_SHARED,
  MICROGRAD_1,
  MICROGRAD_2,
  ARENA_BYTES,
  ARENA_ADDRESS,
];
