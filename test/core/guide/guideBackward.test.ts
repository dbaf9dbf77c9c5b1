import { describe, expect, it } from 'vitest';
import {
  addressOf,
  backward,
  compareBackwards,
  createGuideLoop,
  evaluateProgram,
  guideBackward,
  guideLoopStep,
  Memory,
  MB,
  pathCount,
  zeroGrad,
  createTrainer,
  trainStep,
  readParameters,
  checkParameterGradient,
  MICROGRAD_DEMO,
} from '../../../src/core';

function run(source: string, budget?: number) {
  const memory = new Memory();
  const scratch = memory.addArena('scratch', MB(1));
  const result = evaluateProgram(scratch, source);
  const output = addressOf(result.bindings.get(result.output)!);
  const grad = (name: string) => memory.f64[(addressOf(result.bindings.get(name)!) >> 3) + 1];
  return { memory, scratch, output, grad, run: guideBackward(memory, output, budget) };
}

/** `a = 1; x1 = a + a; x2 = x1 + x1; …` with `levels` doublings. */
const doublings = (levels: number) =>
  ['x0 = 1', ...Array.from({ length: levels }, (_, i) => `x${i + 1} = x${i} + x${i}`)].join('; ');

/**
 * The guide's C++ transcribed literally (real recursion, `gradient_func` a closure over plain
 * objects) on the doubling chain: an oracle independent of the records and the explicit stack.
 */
function literalGuide(levels: number): number {
  interface Node {
    gradient: number;
    prev: Node[];
    gradientFunc: ((self: Node) => void) | null;
  }
  const addRule = (self: Node) => {
    self.prev[0].gradient += self.gradient;
    self.prev[1].gradient += self.gradient;
  };
  const leaf: Node = { gradient: 0, prev: [], gradientFunc: null };
  let top = leaf;
  for (let i = 0; i < levels; i++) top = { gradient: 0, prev: [top, top], gradientFunc: addRule };
  const zero = (v: Node): void => {
    v.gradient = 0;
    for (const p of v.prev) zero(p);
  };
  const internal = (v: Node): void => {
    if (v.gradientFunc) v.gradientFunc(v);
    for (const p of v.prev) internal(p);
  };
  zero(top);
  top.gradient = 1;
  internal(top);
  return leaf.gradient;
}

describe("the guide's recursive backward", () => {
  it('gives 8 where the answer is 4 on a = 1; b = a + a; c = b + b, in 7 visits', () => {
    const { grad, run: r } = run('a = 1; b = a + a; c = b + b');
    expect(grad('a')).toBe(8);
    expect(grad('b')).toBe(2);
    expect(r.visits).toBe(7); // c, b, a, a, b, a, a
    expect(r.zeroVisits).toBe(7);
    expect(r.wouldVisit).toBe(7);
    expect(r.complete).toBe(true);
  });

  it('is right on a tree (no shared node) and agrees with the tape sweep there', () => {
    const source = 'x = 2; y = -3; z = 0.5; w = x*y + tanh(z); v = w * 3';
    const guide = run(source);
    const tape = run(source); // fresh records for the sweep
    zeroGrad(tape.scratch);
    backward(tape.scratch, tape.output);
    for (const name of ['x', 'y', 'z']) expect(guide.grad(name)).toBeCloseTo(tape.grad(name), 12);
  });

  it('doubles its visits with every level, and stops at its budget', () => {
    for (let levels = 1; levels <= 10; levels++) {
      const { run: r, grad } = run(doublings(levels));
      expect(r.visits).toBe(2 ** (levels + 1) - 1);
      expect(grad('x0')).toBe(literalGuide(levels)); // right answer: 2^levels
    }
    expect(literalGuide(3)).toBe(48); // 8 is 2^3 by the tape
    const { run: capped } = run(doublings(60), 10_000);
    expect(capped.complete).toBe(false);
    expect(capped.zeroVisits).toBe(10_000);
    expect(capped.visits).toBe(0);
    expect(capped.wouldVisit).toBe(2 ** 61 - 1);
  });

  it('counts paths with multiplicity', () => {
    const { memory, output } = run('a = 2; b = a * a; c = b + a; d = c * b');
    // d → c → (b → a, a), a ; d → b → a, a: 1 + (1 + 3 + 1) + 3
    expect(pathCount(memory, output)).toBe(9);
  });
});

describe('the referee: finite differences beside the tape and the guide', () => {
  it('tape and finite differences agree on 4; the guide says 8', () => {
    const c = compareBackwards('a = 1; b = a + a; c = b + b');
    expect(c.tape).toBe(4);
    expect(c.guideGrad).toBe(8);
    expect(Math.abs(c.finiteDifference - 4)).toBeLessThan(1e-6);
    expect(c.tapeVisits).toBe(3);
  });

  it('checks any leaf of a nonlinear program against the tape to ~1e-6', () => {
    const source = 'x = 0.7; y = -1.3; s = x*y; t = tanh(s) + s*x; out = t**2 / (1 + exp(y))';
    for (let leaf = 0; leaf < 2; leaf++) {
      const c = compareBackwards(source, leaf);
      expect(c.leaves[c.leaf].name).toBe(['x', 'y'][leaf]);
      expect(Math.abs(c.finiteDifference - c.tape)).toBeLessThan(1e-6);
    }
  });

  it('explains a program without a leaf', () => {
    expect(() => compareBackwards('b = 2 * 3')).toThrow(/no leaf/);
  });
});

describe("the guide's training loop", () => {
  it('leaves the loss where it was without the update, and trains with it', () => {
    const loop = createGuideLoop();
    const first = guideLoopStep(loop, false);
    for (let k = 0; k < 20; k++) expect(guideLoopStep(loop, false)).toBe(first);
    let last = first;
    for (let k = 0; k < 20; k++) last = guideLoopStep(loop, true);
    expect(last).toBeLessThan(first * 0.5);
    expect(loop.scratch.used).toBe(0); // every pass ended its checkpoint
  });
});

describe('check this gradient (a weight of a trainer)', () => {
  it("agrees with finite differences on every weight of micrograd's demo, trainer untouched", () => {
    const trainer = createTrainer(MICROGRAD_DEMO);
    trainStep(trainer);
    const before = readParameters(trainer.memory, trainer.mlp);
    const scratchUsed = trainer.scratch.used;
    for (let i = 0; i < trainer.mlp.parameters.length; i += 37) {
      const check = checkParameterGradient(trainer, trainer.mlp.parameters[i])!;
      expect(check.index).toBe(i);
      const scale = Math.max(1e-3, Math.abs(check.tape));
      expect(Math.abs(check.finiteDifference - check.tape) / scale).toBeLessThan(1e-4);
    }
    expect(readParameters(trainer.memory, trainer.mlp)).toEqual(before);
    expect(trainer.scratch.used).toBe(scratchUsed);
    expect(checkParameterGradient(trainer, 12345)).toBeNull();
  });
});
