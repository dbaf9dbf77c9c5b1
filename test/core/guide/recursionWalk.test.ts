import { describe, expect, it } from 'vitest';
import {
  compareBackwards,
  gradProgram,
  Memory,
  MB,
  walkRecursion,
  type RecursionWalk,
} from '../../../src/core';

/** `x0 = 1; x1 = x0 + x0; …` with `levels` doublings. */
const doublings = (levels: number) =>
  ['x0 = 1', ...Array.from({ length: levels }, (_, i) => `x${i + 1} = x${i} + x${i}`)].join('; ');

const byName = (walk: RecursionWalk, name: string) => walk.nodes.findIndex((n) => n.name === name);
const last = <T>(xs: readonly T[]): T => xs[xs.length - 1];
const visitsOf = (walk: RecursionWalk, node: number) =>
  walk.steps.filter((s) => s.kind === 'visit' && s.node === node);
const pushesInto = (walk: RecursionWalk, node: number) =>
  walk.steps.filter((s) => s.kind === 'push' && s.node === node);

/** What every walk must satisfy, whatever the program. */
function checkInvariants(walk: RecursionWalk) {
  expect(walk.complete).toBe(true);
  walk.nodes.forEach((node, k) => {
    // the recursion enters a node once per path, and a path's last edge pushes once
    expect(visitsOf(walk, k).length).toBe(node.paths);
    if (k !== walk.output) expect(pushesInto(walk, k).length).toBe(node.paths);
    // each of its paths walked once: path indices 1…paths, and the edge lists all differ
    const visits = visitsOf(walk, k);
    expect(visits.map((s) => s.pathIndex)).toEqual(visits.map((_, i) => i + 1));
    expect(new Set(visits.map((s) => JSON.stringify(s.path))).size).toBe(node.paths);
    // a path's edges lead from the output to the node
    for (const s of visits) {
      let at = walk.output;
      for (const e of s.path) {
        expect(e.from).toBe(at);
        at = walk.nodes[e.from].parents[e.slot];
      }
      expect(at).toBe(k);
    }
  });
  for (const s of walk.steps) {
    expect(s.pathCount).toBe(walk.nodes[s.node].paths);
    expect(s.pathIndex).toBeGreaterThanOrEqual(1);
    expect(s.pathIndex).toBeLessThanOrEqual(s.pathCount);
    if (s.kind === 'push') expect(s.reached[s.node]).toBe(s.pathIndex);
  }
  // a push adds its amount to the running gradient, and nothing else changes
  walk.steps.forEach((s, i) => {
    if (i === 0 || s.kind !== 'push') return;
    const before = walk.steps[i - 1].grads;
    s.grads.forEach((g, k) => expect(g).toBe(k === s.node ? before[k] + s.amount! : before[k]));
  });
  // the tape: every record once, each rule once
  expect(walk.tape.map((t) => t.node)).toEqual(walk.nodes.map((_, k) => walk.output - k));
}

describe("the guide's recursion, walked", () => {
  it('on a = 1; b = a + a; c = b + b: 4 paths reach a, each pushing b’s gradient 2: 8 against the tape’s 4', () => {
    const program = 'a = 1; b = a + a; c = b + b';
    const walk = walkRecursion(program);
    checkInvariants(walk);
    const [a, b, c] = ['a', 'b', 'c'].map((n) => byName(walk, n));
    expect(walk.nodes.map((n) => n.paths)).toEqual([4, 2, 1]);
    expect([a, b, c]).toEqual([0, 1, 2]);
    expect(walk.visits).toBe(7);
    expect(walk.steps.length).toBe(1 + 7 + 6);
    const intoA = pushesInto(walk, a);
    expect(intoA.map((s) => [s.pathIndex, s.from, s.amount, s.grads[a]])).toEqual([
      [1, b, 2, 2],
      [2, b, 2, 4],
      [3, b, 2, 6],
      [4, b, 2, 8],
    ]);
    // the same numbers as the guide's backward and the engine's backward on these records
    const run = compareBackwards(program, 0);
    expect(last(walk.steps).grads[a]).toBe(run.guideGrad);
    expect(walk.visits).toBe(run.guide.visits);
    expect(last(walk.tape).grads[a]).toBe(run.tape);
    expect(last(walk.tape).grads).toEqual([4, 2, 1]);
    // the order the C++ runs: seed, visit c, its two pushes, then down prev[0] first
    expect(walk.steps.map((s) => `${s.kind} ${walk.nodes[s.node].name}${s.pathIndex}`)).toEqual([
      'seed c1',
      'visit c1',
      'push b1',
      'push b2',
      'visit b1',
      'push a1',
      'push a2',
      'visit a1',
      'visit a2',
      'visit b2',
      'push a3',
      'push a4',
      'visit a3',
      'visit a4',
    ]);
  });

  it('on a chain: one path per node, and the recursion agrees with the tape', () => {
    const walk = walkRecursion('a = 0.5; b = sin(a); c = exp(b); d = tanh(c)');
    checkInvariants(walk);
    expect(walk.nodes.map((n) => n.paths)).toEqual([1, 1, 1, 1]);
    expect(walk.visits).toBe(4);
    const tape = last(walk.tape).grads;
    last(walk.steps).grads.forEach((g, k) => expect(g).toBeCloseTo(tape[k], 12));
  });

  it('on a diamond: two paths reach a leaf, and a leaf has no rule to re-run, so it is still right', () => {
    const program = 'a = 2; b = a * 3; c = a + 1; d = b * c';
    const walk = walkRecursion(program);
    checkInvariants(walk);
    const a = byName(walk, 'a');
    expect(walk.nodes[a].paths).toBe(2);
    expect(last(walk.steps).grads[a]).toBe(last(walk.tape).grads[a]);
    const memory = new Memory();
    const grads = gradProgram(memory.addArena('s', MB(1)), program).grads;
    expect(last(walk.tape).grads[a]).toBe(grads.a); // 3·(a+1) + 3a = 15
    expect(grads.a).toBe(15);
  });

  it('on a deeper doubling chain: 2ⁿ paths reach x0, and the visits double with each level', () => {
    for (const levels of [1, 2, 3, 5, 8]) {
      const walk = walkRecursion(doublings(levels));
      checkInvariants(walk);
      const x0 = byName(walk, 'x0');
      expect(walk.nodes[x0].paths).toBe(2 ** levels);
      walk.nodes.forEach((n, k) => expect(n.paths).toBe(2 ** (levels - k)));
      expect(walk.visits).toBe(2 ** (levels + 1) - 1);
      const run = compareBackwards(doublings(levels), 0);
      expect(last(walk.steps).grads[x0]).toBe(run.guideGrad);
      expect(last(walk.tape).grads[x0]).toBe(2 ** levels);
      expect(walk.tape.length).toBe(levels + 1);
    }
  });

  it('stops at its budget and says so', () => {
    const walk = walkRecursion(doublings(12), 500);
    expect(walk.complete).toBe(false);
    // it stops after the visit (and its pushes) that reaches the budget
    expect(walk.steps.length).toBeGreaterThanOrEqual(500);
    expect(walk.steps.length).toBeLessThanOrEqual(502);
    expect(walk.visits).toBeLessThan(2 ** 13 - 1);
  });

  it('throws the expression language’s error for a bad program', () => {
    expect(() => walkRecursion('a = ; b')).toThrow();
  });
});
