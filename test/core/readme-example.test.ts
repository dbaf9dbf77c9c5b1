// The README's API example, run as written: the guide's loop with the update put back.
import { expect, it } from 'vitest';
import {
  MB,
  Memory,
  backward,
  createNeuron,
  createRandom,
  createValue,
  getGrad,
  getValue,
  mul,
  neuronForward,
  neuronWeight,
  setValue,
  sub,
  zeroGrad,
} from '../../src/core';

it('the README example trains the guide’s neuron toward its target with constant memory', () => {
  const memory = new Memory();
  const model = memory.addArena('model', MB(1));
  const scratch = memory.addArena('scratch', MB(4));
  const neuron = createNeuron(model, 3, createRandom(7));
  const losses: number[] = [];
  for (let epoch = 0; epoch < 100; epoch++) {
    const checkpoint = scratch.mark();
    const inputs = [1, 2, 3].map((x) => createValue(scratch, x));
    const out = neuronForward(scratch, neuron, inputs);
    const err = sub(scratch, out, createValue(scratch, 1));
    const loss = mul(scratch, err, err);
    losses.push(getValue(scratch, loss));
    zeroGrad(model);
    backward(scratch, loss);
    for (let i = 0; i < 3; i++) {
      const w = neuronWeight(model, neuron, i);
      setValue(model, w, getValue(model, w) - 0.01 * getGrad(model, w));
    }
    checkpoint.end();
    expect(scratch.used).toBe(0);
  }
  expect(losses[0]).toBeGreaterThan(0.1);
  expect(losses[99]).toBeLessThan(1e-6);
});
