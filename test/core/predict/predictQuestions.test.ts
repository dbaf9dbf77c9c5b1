/**
 * Predict mode's pure parts: grading (tolerance, fractions, the Unicode minus, hex addresses),
 * the backward hint's terms from the core's op rules, and where a record lands after a pointer
 * array of odd length (the padding), checked against the arena's own push.
 */
import { describe, expect, it } from 'vitest';
import {
  KB,
  Memory,
  addressOf,
  backward,
  backwardQuestion,
  consumersOf,
  createValue,
  forwardQuestion,
  gradePrediction,
  landingOf,
  mul,
  resetQuestion,
  ruleFor,
  Op,
} from '../../../src/core';

function shared() {
  const memory = new Memory();
  const scratch = memory.addArena('scratch', KB(4));
  const x = createValue(scratch, 3);
  const y = mul(scratch, x, x); // x feeds y twice
  const z = mul(scratch, y, x); // and z once: z = x³, dz/dx = 3x² = 27
  backward(scratch, z);
  const names = new Map([
    [addressOf(x), 'x'],
    [addressOf(y), 'y'],
    [addressOf(z), 'z'],
  ]);
  const place = {
    memory,
    tape: scratch.tape,
    tapeStart: 0,
    end: scratch.tapeLength,
    nameOf: (a: number) => names.get(a) ?? '?',
  };
  return { scratch, place };
}

describe('grading a prediction', () => {
  const q = backwardQuestion(shared().place, 0, 'k');
  it('accepts 1e-3 relative, fractions and the Unicode minus; refuses what it cannot read', () => {
    expect(q.truth).toBe(27);
    expect(gradePrediction(q, '27.02')).toMatchObject({ ok: true, right: true });
    expect(gradePrediction(q, '27.1')).toMatchObject({ ok: true, right: false });
    expect(gradePrediction(q, '54/2')).toMatchObject({ right: true });
    expect(gradePrediction(q, '\u221227')).toMatchObject({ right: false });
    expect(gradePrediction(q, 'x')).toMatchObject({ ok: false });
  });

  it('reads addresses in hex or decimal, exact to the byte', () => {
    const landing = { top: 0x1004, address: 0x1008 };
    const a = forwardQuestion(landing, 'v', 'k');
    expect(gradePrediction(a, '0x1008')).toMatchObject({ right: true });
    expect(gradePrediction(a, String(0x1008))).toMatchObject({ right: true });
    expect(gradePrediction(a, '0x1004')).toMatchObject({ right: false });
    expect(a.why).toContain('4 bytes of padding');
  });
});

describe('the backward hint', () => {
  it('names every use of the record and the rule each applies, then the numbers', () => {
    const { place } = shared();
    expect(consumersOf(place, 0).map((c) => c.slot)).toEqual([1, 0, 1]); // z (b), y (a), y (b)
    expect(ruleFor(Op.Mul, 0)).toBe('a.grad += b · out.grad');
    expect(ruleFor(Op.Mul, 1)).toBe('b.grad += a · out.grad');
    const q = backwardQuestion(place, 0, 'k');
    expect(q.prompt).toBe('What is the gradient of x?');
    expect(q.hints[0]).toContain('z = a · b (a is y, b is x): b.grad += a · out.grad');
    expect(q.hints[0]).toContain('y = a · b (a is x, b is x): a.grad += b · out.grad');
    expect(q.hints[0]).toContain('sum of the 3 terms');
    expect(q.hints[1]).toContain(
      'from z: b.grad += a · out.grad with a = 9, b = 3, out = 27, out.grad = 1',
    );
    expect(q.hints[1]).toContain('out.grad = 3'); // y's gradient: x
    expect(q.why).toBe('x.grad = 9 (z’s share) + 9 (y’s share) + 9 (y’s share) = 27');
  });

  it('says the output starts the sweep at 1', () => {
    const { place } = shared();
    const q = backwardQuestion(place, 2, 'k');
    expect(q.truth).toBe(1);
    expect(q.hints[0]).toMatch(/z is the output/);
  });
});

describe('where a record lands', () => {
  it('after a pointer array of odd length, past the padding, as the arena pushes it', () => {
    const memory = new Memory();
    const arena = memory.addArena('model', KB(1));
    createValue(arena, 1);
    arena.pushArray(3); // 12 bytes: the next Value needs 4 bytes of padding
    const landing = landingOf(arena, arena.tapeLength, 0);
    const q = forwardQuestion(landing, 'w', 'k');
    const pushed = arena.pushValue();
    expect(q.truth).toBe(pushed);
    expect(landing.address - landing.top).toBe(4);
    expect(q.why).toContain('4 bytes of padding');
    expect(q.hints[1]).toContain(`${landing.top} in decimal`);
  });

  it('asks how many bytes stay after checkpoint.end(), and the arena agrees', () => {
    const memory = new Memory();
    const scratch = memory.addArena('scratch', KB(1));
    createValue(scratch, 1);
    const checkpoint = scratch.mark();
    createValue(scratch, 2);
    createValue(scratch, 3);
    const q = resetQuestion(scratch, 'k')!;
    expect(q.hints[1]).toContain('pushed 2 records');
    checkpoint.end();
    expect(q.truth).toBe(scratch.used);
    expect(resetQuestion(scratch, 'k')).toBeNull();
  });
});
