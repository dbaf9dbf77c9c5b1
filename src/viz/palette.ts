/**
 * Colours of the graph, from the Okabe–Ito palette (distinguishable with every common colour
 * vision deficiency). Arena is also told by shape: model records are rounded with a thick
 * border, scratch records square with a thin one.
 */
export const PALETTE = {
  model: '#E69F00',
  modelFill: '#FCE8BF',
  scratch: '#0072B2',
  scratchFill: '#D4E8F4',
  current: '#D55E00',
  positive: '#009E73',
  negative: '#CC79A7',
  neutral: '#9A9A9A',
  text: '#1B1B1B',
} as const;
