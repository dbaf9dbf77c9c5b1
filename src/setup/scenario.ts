/**
 * Which scenario is on screen and how its arenas are built: plain data the store holds, the URL
 * carries and the session builds from.
 */

/** The scenarios the page offers. */
export type ScenarioId = 'guide' | 'playground' | 'mlp' | 'compare';

/** Every scenario, in the picker's order. */
export const SCENARIOS: readonly ScenarioId[] = ['guide', 'playground', 'mlp', 'compare'];

/**
 * Arena sizes and debug mode a user may set (the memory inspector's settings); a field left out
 * takes the scenario's default.
 */
export interface ArenaOptions {
  modelBytes?: number;
  scratchBytes?: number;
  debug?: boolean;
}

/** The playground's first program: a neuron by hand, as in micrograd's lecture. */
/** The lecture's example (micrograd's video): L = −8, gradients a 6, b −4, c −2, f 4. */
export const LECTURE_PROGRAM = 'a = 2; b = -3; c = 10; f = -2\nL = (a*b + c)*f';

export const DEFAULT_PROGRAM = `# a neuron by hand: out = tanh(x1*w1 + x2*w2 + b)
x1 = 2; x2 = 0
w1 = -3; w2 = 1
b = 6.8813735870195432
n = x1*w1 + x2*w2 + b
out = tanh(n)`;
