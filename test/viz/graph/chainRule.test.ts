import { describe, expect, it } from 'vitest';
import { parseProgram } from '../../../src/core';
import { ProgramStepper } from '../../../src/session/programStepper';
import { Playhead } from '../../../src/session/playhead';
import { chainRuleLines, localDerivative } from '../../../src/viz/graph/chainRule';
import { parentsOf } from '../../../src/viz/graph/extract';
import { formatNumber } from '../../../src/viz/graph/numberFormat';

function evaluated(source: string): ProgramStepper {
  const stepper = new ProgramStepper(parseProgram(source));
  new Playhead(stepper).stepWhole(); // forward and backward
  return stepper;
}

describe('chain rule panel', () => {
  it('local derivatives agree with the stepper: grad(p) = Σ over users of local · grad(user)', () => {
    const stepper = evaluated(
      'a = 1.5; b = -0.7\nc = a*b + a/b - b\nd = tanh(c) + exp(b) + log(a) + sigmoid(c) + relu(a) + (-a) + c**3 + sin(c)*cos(b)',
    );
    const { memory, scratch } = stepper;
    const sum = new Map<number, number>();
    for (let k = stepper.tapeStart; k < stepper.lossEnd; k++) {
      const node = scratch.tape[k];
      const g = memory.f64[(node >> 3) + 1];
      parentsOf(memory, node).forEach((parent, slot) => {
        sum.set(parent, (sum.get(parent) ?? 0) + localDerivative(memory, node, slot) * g);
      });
    }
    expect(sum.size).toBeGreaterThan(10);
    for (const [parent, total] of sum) {
      if (parent === stepper.output) continue;
      expect(total).toBeCloseTo(memory.f64[(parent >> 3) + 1], 10);
    }
  });

  it('writes a product rule with its numbers', () => {
    const stepper = evaluated('w1 = 3\nx1 = -2\nout = w1*x1\ny = out*out');
    const { memory } = stepper;
    const names = new Map([...stepper.names].map(([address, name]) => [address, name]));
    const out = [...names].find(([, name]) => name === 'out')![0];
    const lines = chainRuleLines(memory, out, (a) => names.get(a) ?? '?');
    const g = memory.f64[(out >> 3) + 1]; // 2 · out = −12
    expect(lines[0]).toContain(`out.grad = ${formatNumber(g)}`);
    expect(lines).toContain(
      `w1.grad += x1 · out.grad = ${formatNumber(-2)} · (${formatNumber(g)}) = ${formatNumber(-2 * g)}`,
    );
    expect(lines).toContain(
      `x1.grad += w1 · out.grad = 3 · (${formatNumber(g)}) = ${formatNumber(3 * g)}`,
    );
  });

  it('writes what a subtraction takes from its right operand, and the change as a signed number', () => {
    // out = score − y with out.grad = 2.626: y's gradient changes by −2.626.
    const stepper = evaluated('score = 3.313\ny = 1\nd = score - y\nout = 1.313 * d');
    const { memory } = stepper;
    const d = [...stepper.names].find(([, name]) => name === 'd')![0];
    const lines = chainRuleLines(memory, d, (a) => stepper.names.get(a) ?? '?');
    const g = memory.f64[(d >> 3) + 1];
    expect(g).toBeGreaterThan(0);
    expect(lines).toContain(`score.grad += out.grad = ${formatNumber(g)}`);
    expect(lines).toContain(
      `y.grad -= out.grad = ${formatNumber(g)}, so y.grad += ${formatNumber(-g)}`,
    );
    expect(formatNumber(-g).startsWith('−')).toBe(true);
    // The line never states the subtracted amount as the result: no "= 2.626 = 2.626".
    expect(lines.join('\n')).not.toContain(`= ${formatNumber(g)} = ${formatNumber(g)}`);
  });

  it('puts a negative operand in parentheses: 1 / (−2)² · 0.5, not 1 / −2² · 0.5', () => {
    const stepper = evaluated('a = 1\nb = -2\nout = a / b');
    const { memory, output } = stepper;
    const lines = chainRuleLines(memory, output, (x) => stepper.names.get(x) ?? '?');
    expect(lines).toContain('a.grad += out.grad / b = 1 / (−2) = −0.5');
    expect(lines).toContain(
      'b.grad -= a / b² · out.grad = 1 / (−2)² · 1 = 0.25, so b.grad += −0.25',
    );
  });
});
