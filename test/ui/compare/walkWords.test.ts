import { describe, expect, it } from 'vitest';
import { walkRecursion } from '../../../src/core';
import { pathWords, stepWords, sumWords } from '../../../src/ui/compare/walkWords';

describe('the words of the recursion walk', () => {
  const walk = walkRecursion('a = 1; b = a + a; c = b + b');

  it('says each step as the C++ does it, with the walk’s numbers', () => {
    const said = walk.steps.map((s, k) => stepWords(walk, s, k > 0 ? walk.steps[k - 1] : null));
    expect(said[0]).toMatch(/^`backward\(c\)`: .*`c->gradient = 1.0`/);
    expect(said[1]).toMatch(/^`backward_internal\(c\)` by path 1 of 1 \(c itself\): c’s/);
    expect(said[4]).toMatch(
      /by path 1 of 2 \(c → b by prev\[0\]\): b’s `gradient_func` runs with b.grad = 2/,
    );
    expect(said[7]).toMatch(/a is a leaf/);
    expect(said[10]).toBe(
      'Path 3 of 4 reaches a (c → b by prev[1] → a by prev[0]): `self->prev[0]->gradient += …` pushes b’s gradient, 2, into a.grad: 4 → 6.',
    );
  });

  it('names a path edge by edge', () => {
    expect(pathWords(walk, [])).toBe('c itself');
    expect(pathWords(walk, walk.steps[13].path)).toBe('c → b by prev[1] → a by prev[1]');
  });

  it('closes with the sum over paths: 4 paths, 4 × 2 = 8, 3 visits against 7', () => {
    const sum = sumWords(walk, 0);
    expect(sum).toMatch(/^dc\/da is a sum over the 4 paths from c to a: 4\./);
    expect(sum).toContain('4 × 2 = 8');
    expect(sum).toContain('3 visits, one per node, where the recursion makes 7, one per path');
  });

  it('on a product, says the amount is the rule’s, not the gradient passed on', () => {
    const mul = walkRecursion('a = 3; b = a * a');
    const push = mul.steps.findIndex((s) => s.kind === 'push');
    expect(stepWords(mul, mul.steps[push], mul.steps[push - 1])).toContain(
      'pushes 3 (mul’s rule for prev[0]) into a.grad: 0 → 3.',
    );
    expect(mul.steps[mul.steps.length - 1].grads[0]).toBe(6); // a leaf shared: still right
  });
});
