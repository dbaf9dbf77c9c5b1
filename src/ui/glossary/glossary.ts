/**
 * The words of the domain, each with one plain sentence: one glossary, as data. Wherever one of
 * these words appears in a caption or a panel, {@link TermText} marks it (`data-term`) and shows
 * its sentence on hover and on keyboard focus.
 */

/** A term, the sentence that defines it, and the spellings it is found by. */
export interface GlossaryEntry {
  /** The name used in `data-term`. */
  readonly term: string;
  readonly definition: string;
  /** Spellings to find in running text, longest first within a caption (case-insensitive). */
  readonly spellings: readonly string[];
}

/** The glossary's one mention that is a control: it opens the guide view (`GuideMention`). */
export const GUIDE_TERM = 'the guide';

export const GLOSSARY: readonly GlossaryEntry[] = [
  {
    term: GUIDE_TERM,
    definition:
      'The C++ guide this app teaches, which moves micrograd’s Values from shared_ptr to arenas. Press to read it, with its wrong pieces marked.',
    spellings: ['the guide’s', "the guide's", 'the guide'],
  },
  {
    term: 'arena',
    definition:
      'A big block of memory reserved once, from which values are handed out one after another and freed all together.',
    spellings: ['arenas', 'arena'],
  },
  {
    term: 'model arena',
    definition: 'The arena that holds the weights and biases: it lives as long as the model.',
    spellings: ['model arena'],
  },
  {
    term: 'scratch arena',
    definition:
      'The arena for everything one training step computes (inputs, intermediates, the loss): emptied after every step.',
    spellings: ['scratch arena'],
  },
  {
    term: 'bump pointer',
    definition:
      'The arena’s “used so far” mark: allocating moves it up by the size asked for, freeing moves it back.',
    spellings: ['bump pointer', 'scratch.used'],
  },
  {
    term: 'checkpoint',
    definition:
      'A remembered position of the bump pointer (scratch.mark()); ending it (checkpoint.end()) moves the pointer back there, freeing everything pushed since.',
    spellings: ['checkpoint.end()', 'scratch.mark()', 'checkpoints', 'checkpoint', 'mark()'],
  },
  {
    term: 'reset',
    definition:
      'Ending the step’s checkpoint: one store to the bump pointer frees every record of the step at once.',
    spellings: ['reset'],
  },
  {
    term: 'record',
    definition:
      'One Value as 32 bytes in an arena: value, gradient, two parent pointers, how many are used, and the op code.',
    spellings: ['records', 'record'],
  },
  {
    term: 'tape',
    definition:
      'The list of records in the order they were pushed; since parents are pushed before children, it is already in topological order.',
    spellings: ['tape'],
  },
  {
    term: 'path',
    definition:
      'A way from the output down the graph to a node, one edge at a time. A node that uses an input twice (b = a + a) has two edges to it, so twice the paths through it.',
    spellings: ['paths', 'path'],
  },
  {
    term: 'topological order',
    definition: 'An order in which every node comes after all the nodes it was computed from.',
    spellings: ['topological order'],
  },
  {
    term: 'high-water mark',
    definition: 'The most bytes an arena has ever had in use: it stays up after a reset.',
    spellings: ['high-water mark', 'high water', 'high-water'],
  },
  {
    term: 'padding',
    definition:
      'Bytes skipped so that the next record starts at an address that is a multiple of 8 (alignment).',
    spellings: ['padding'],
  },
  {
    term: 'gradient',
    definition:
      'How much the output (the loss) changes per unit change of this value: d(output)/d(value).',
    spellings: ['gradients', 'gradient'],
  },
  {
    term: 'chain rule',
    definition:
      'A node’s gradient times its local derivative is what it passes to each parent; a parent sums what all its children pass.',
    spellings: ['chain rule'],
  },
  {
    term: 'SGD',
    definition:
      'Stochastic gradient descent: move every weight a little against its gradient, w ← w − learning rate · gradient.',
    spellings: ['SGD'],
  },
  {
    term: 'epoch',
    definition:
      'How many times an arena has been reset; a debug-mode handle carries the epoch of its birth, so a pointer kept across a reset is caught.',
    spellings: ['epoch', 'handle'],
  },
  {
    term: 'unit in the last place',
    definition:
      'The gap between a float64 number and the next one up: two results a few units apart agree to about 15 significant digits.',
    spellings: ['units in the last place', 'unit in the last place'],
  },
];

/** The entry for `term`, or undefined. */
export function glossaryEntry(term: string): GlossaryEntry | undefined {
  return GLOSSARY.find((entry) => entry.term === term);
}
