import { describe, expect, it } from 'vitest';
import { checkSweepMove, readSweepDrill, tapeNext } from '../../../src/core/drills';
import { runLikePlayground } from '../../../src/core/exercises';

const LAYOUT = { modelBytes: 4096, scratchBytes: 65536 };

/** The drill of a program run as the playground runs it, with its records' names. */
function drillOf(source: string) {
  const run = runLikePlayground(source, LAYOUT);
  const drill = readSweepDrill(run.scratch, 0, run.records.length);
  const at = (name: string) => drill.nodes.findIndex((n) => run.labels.get(n.address) === name);
  return { run, drill, at };
}

describe('order the sweep', () => {
  it('reads parents, consumers and the engine’s gradients from the tape', () => {
    const { run, drill, at } = drillOf(
      'a = 2\nb = -3\nc = 10\nf = -2\ne = a*b\nd = e + c\nL = d*f',
    );
    expect(drill.nodes.map((n) => n.address)).toEqual(run.records);
    expect(drill.nodes[at('L')].parents).toEqual([at('d'), at('f')]);
    expect(drill.nodes[at('e')].consumers).toEqual([at('d')]);
    expect(drill.nodes[at('a')].consumers).toEqual([at('e')]);
    // The lecture's gradients, read from the engine's memory: dL/da..df = 6, -4, -2, 4.
    expect(['a', 'b', 'c', 'f'].map((n) => drill.nodes[at(n)].gradient)).toEqual([6, -4, -2, 4]);
    expect(drill.nodes[at('L')].gradient).toBe(1);
  });

  it('accepts the output first and refuses a node whose consumer is not done', () => {
    const { drill, at } = drillOf('a = 2\nb = 3\nc = a*b\nd = c + a\nout = d*d');
    const done = new Set<number>();
    const wrong = checkSweepMove(drill, done, at('c'));
    expect(wrong).toEqual({ right: false, waitingFor: [at('d')], alreadyDone: false });
    // `a` has two consumers, c and d: both must be done first.
    expect(checkSweepMove(drill, done, at('a'))).toMatchObject({
      right: false,
      waitingFor: [at('c'), at('d')],
    });
    expect(checkSweepMove(drill, done, at('out'))).toEqual({
      right: true,
      tapeOrder: true,
      tapeNext: at('out'),
    });
    done.add(at('out'));
    expect(checkSweepMove(drill, done, at('out'))).toMatchObject({
      right: false,
      alreadyDone: true,
    });
  });

  it('accepts a topological order that is not the tape’s, naming the tape’s next', () => {
    // x and y are independent: the tape pushes x's product first, so the sweep finishes y's first.
    const { drill, at } = drillOf('x = 1\ny = 2\np = x*3\nq = y*4\nout = p + q');
    const done = new Set([at('out')]);
    const q = drill.nodes[at('q')].index;
    expect(tapeNext(drill, done)).toBe(q);
    expect(checkSweepMove(drill, done, at('p'))).toEqual({
      right: true,
      tapeOrder: false,
      tapeNext: q,
    });
  });

  it('the tape’s reverse order is always right, move by move', () => {
    const { drill } = drillOf('a = 2\nb = a*a\nc = b + a\nd = tanh(c)\ne = d*b\nout = e - a');
    const done = new Set<number>();
    for (let i = drill.nodes.length - 1; i >= 0; i--) {
      expect(checkSweepMove(drill, done, i)).toMatchObject({ right: true, tapeOrder: true });
      done.add(i);
    }
    expect(tapeNext(drill, done)).toBe(-1);
  });
});
