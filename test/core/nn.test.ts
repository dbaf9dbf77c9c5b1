import { describe, expect, it } from 'vitest';
import {
  KB,
  MB,
  Memory,
  Op,
  createMLP,
  createNeuron,
  createRandom,
  createValue,
  getValue,
  mlpForward,
  neuronForward,
  neuronForwardChecked,
  neuronWeight,
  OFFSET_OP,
  VALUE_RECORD_SIZE,
  opAt,
} from '../../src/core';

describe('the guide’s Neuron(3) on inputs [1, 2, 3]', () => {
  it('pushes a pointer array then weights and bias into the model arena', () => {
    const memory = new Memory();
    const model = memory.addArena('model', MB(1));
    const neuron = createNeuron(model, 3, createRandom(1));
    expect(neuron.weights).toBe(model.base);
    // 12 bytes of pointers + 4 bytes padding, 3 weights, 1 bias
    expect(model.used).toBe(16 + 4 * VALUE_RECORD_SIZE);
    for (let i = 0; i < 3; i++) {
      expect(memory.u32[(neuron.weights >> 2) + i]).toBe(model.base + 16 + i * VALUE_RECORD_SIZE);
    }
  });

  it('computes relu(b + Σ wᵢxᵢ) with 2 nodes per input and one activation', () => {
    const memory = new Memory();
    const model = memory.addArena('model', KB(1));
    const scratch = memory.addArena('scratch', KB(4));
    const neuron = createNeuron(model, 3, createRandom(5));
    const inputs = [1, 2, 3].map((x) => createValue(scratch, x));
    const out = neuronForward(scratch, neuron, inputs);
    let expected = getValue(model, neuron.bias);
    for (let i = 0; i < 3; i++)
      expected += getValue(model, neuronWeight(model, neuron, i)) * (i + 1);
    expect(getValue(scratch, out)).toBeCloseTo(Math.max(0, expected), 14);
    expect(scratch.tapeLength).toBe(3 + 2 * 3 + 1);
    expect(memory.u8[out + OFFSET_OP]).toBe(Op.Relu);
  });
});

describe('the fast neuron forward', () => {
  it('writes exactly the bytes the op-by-op forward writes', () => {
    const run = (forward: typeof neuronForward) => {
      const memory = new Memory();
      const model = memory.addArena('model', KB(16));
      const scratch = memory.addArena('scratch', KB(64));
      const random = createRandom(9);
      const inputs = Array.from({ length: 5 }, () => createValue(scratch, random.uniform(-2, 2)));
      for (const act of ['relu', 'tanh', 'linear'] as const) {
        const neuron = createNeuron(model, 5, random, act);
        forward(scratch, neuron, inputs);
      }
      return { bytes: memory.u8.slice(), tape: scratch.tape.slice(0, scratch.tapeLength) };
    };
    const fast = run(neuronForward);
    const checked = run(neuronForwardChecked);
    expect(fast.tape).toEqual(checked.tape);
    expect(Buffer.from(fast.bytes).equals(Buffer.from(checked.bytes))).toBe(true);
  });
});

describe('the fast neuron forward’s literal op codes', () => {
  it('are Op.Mul and Op.Add per input, then Op.Relu or Op.Tanh', () => {
    for (const [activation, last] of [
      ['relu', [Op.Relu]],
      ['tanh', [Op.Tanh]],
      ['linear', []],
    ] as const) {
      const memory = new Memory();
      const model = memory.addArena('model', KB(1));
      const scratch = memory.addArena('scratch', KB(4));
      const neuron = createNeuron(model, 2, createRandom(3), activation);
      const inputs = [createValue(scratch, 1), createValue(scratch, -2)];
      neuronForward(scratch, neuron, inputs);
      const ops = Array.from(scratch.tape.slice(2, scratch.tapeLength), (a) => opAt(memory, a));
      expect(ops).toEqual([Op.Mul, Op.Add, Op.Mul, Op.Add, ...last]);
    }
  });
});

describe('MLP', () => {
  it('2-16-16-1 has 337 parameters, 12,000 model bytes and 642 nodes per point', () => {
    const memory = new Memory();
    const model = memory.addArena('model', MB(1));
    const scratch = memory.addArena('scratch', MB(1));
    const mlp = createMLP(model, [2, 16, 16, 1], createRandom(1));
    expect(mlp.parameters.length).toBe(16 * 3 + 16 * 17 + 17);
    expect(model.used).toBe(12000);
    const inputs = [createValue(scratch, 0.5), createValue(scratch, -1)];
    const before = scratch.tapeLength;
    mlpForward(scratch, mlp, inputs);
    expect(scratch.tapeLength - before).toBe(640);
  });

  it('is deterministic for a seed and different across seeds', () => {
    const weights = (seed: number) => {
      const memory = new Memory();
      const model = memory.addArena('model', MB(1));
      const mlp = createMLP(model, [2, 4, 1], createRandom(seed));
      return Array.from(mlp.parameters, (a) => memory.f64[a >> 3]);
    };
    expect(weights(3)).toEqual(weights(3));
    expect(weights(3)).not.toEqual(weights(4));
  });

  it('rejects bad sizes', () => {
    const model = new Memory().addArena('model', KB(1));
    expect(() => createMLP(model, [2], createRandom(1))).toThrow(RangeError);
    expect(() => createMLP(model, [2, 0, 1], createRandom(1))).toThrow(RangeError);
  });
});
