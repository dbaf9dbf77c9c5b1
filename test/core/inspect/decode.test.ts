import { describe, expect, it } from 'vitest';
import {
  KB,
  Memory,
  OP_INFO,
  Op,
  VALUE_LAYOUT,
  add,
  addressOf,
  backward,
  createNeuron,
  createRandom,
  cos,
  createValue,
  div,
  exp,
  getGrad,
  getValue,
  hex,
  log,
  mul,
  neg,
  pow,
  relu,
  sigmoid,
  sin,
  sub,
  tanh,
  type MemoryArena,
  type Value,
} from '../../../src/core';
import { decodePointerArray, decodeRecord, inspectAddress } from '../../../src/core/inspect';

function arenas(debug = false) {
  const memory = new Memory({ debug });
  const model = memory.addArena('model', KB(4));
  const scratch = memory.addArena('scratch', KB(8));
  return { memory, model, scratch };
}

/** One node of every op, built through the core's own functions. */
function oneOfEach(arena: MemoryArena): { op: number; node: Value; parents: Value[] }[] {
  const a = createValue(arena, 0.5);
  const b = createValue(arena, -2);
  const built: { op: number; node: Value; parents: Value[] }[] = [
    { op: Op.Leaf, node: a, parents: [] },
    { op: Op.Add, node: add(arena, a, b), parents: [a, b] },
    { op: Op.Mul, node: mul(arena, a, b), parents: [a, b] },
    { op: Op.Relu, node: relu(arena, a), parents: [a] },
    { op: Op.Sub, node: sub(arena, a, b), parents: [a, b] },
    { op: Op.Neg, node: neg(arena, a), parents: [a] },
    { op: Op.Div, node: div(arena, a, b), parents: [a, b] },
    { op: Op.Tanh, node: tanh(arena, a), parents: [a] },
    { op: Op.Exp, node: exp(arena, a), parents: [a] },
    { op: Op.Log, node: log(arena, a), parents: [a] },
    { op: Op.Sigmoid, node: sigmoid(arena, a), parents: [a] },
    { op: Op.Sin, node: sin(arena, a), parents: [a] },
    { op: Op.Cos, node: cos(arena, a), parents: [a] },
  ];
  const p = pow(arena, a, 3);
  const exponent = arena.memory.u32[(addressOf(p) + 20) >> 2];
  built.push({ op: Op.Pow, node: p, parents: [a, exponent] });
  return built;
}

describe('decodeRecord', () => {
  it('decodes every op, with its name, gradient rule and parents', () => {
    const { memory, scratch } = arenas();
    const built = oneOfEach(scratch);
    expect(new Set(built.map((b) => b.op)).size).toBe(OP_INFO.length);
    for (const { op, node, parents } of built) {
      const record = decodeRecord(memory, addressOf(node));
      expect(record.valid).toBe(true);
      expect(record.arenaName).toBe('scratch');
      expect(record.op).toBe(op);
      expect(record.opInfo?.name).toBe(OP_INFO[op].name);
      expect(record.opInfo?.gradientRule).toBe(OP_INFO[op].gradientRule);
      expect(record.prevCount).toBe(parents.length);
      expect(record.prev).toEqual(parents.map(addressOf));
      expect(record.value).toBe(getValue(scratch, node));
      expect(record.tapeIndex).toBe(scratch.tape.indexOf(addressOf(node)));
    }
  });

  it('decodes every field at its documented offset, raw bytes included', () => {
    const { memory, scratch } = arenas();
    const a = createValue(scratch, 1.5);
    const b = createValue(scratch, 4);
    const out = mul(scratch, a, b);
    backward(scratch, out);
    const record = decodeRecord(memory, addressOf(out));
    expect(record.fields.map((f) => [f.name, f.offset, f.size])).toEqual(
      VALUE_LAYOUT.map((f) => [f.name, f.offset, f.size]),
    );
    const field = (name: string) => record.fields.find((f) => f.name === name)!;
    expect(field('value').value).toBe(6);
    expect(field('value').display).toBe('6');
    expect(field('gradient').value).toBe(getGrad(scratch, out));
    expect(field('prev[0]').value).toBe(addressOf(a));
    expect(field('prev[0]').display).toBe(hex(addressOf(a)));
    expect(field('prev[1]').value).toBe(addressOf(b));
    expect(field('prev_count').value).toBe(2);
    expect(field('op').display).toBe('mul');
    expect(field('tag').value).toBe(0);
    // 6.0 as a little-endian double is 00 00 00 00 00 00 18 40.
    expect(field('value').rawHex).toBe('00 00 00 00 00 00 18 40');
    expect(field('prev_count').rawHex).toBe('02');
    expect(field('op').rawHex).toBe('02');
    expect(record.bytes).toEqual(memory.u8.slice(addressOf(out), addressOf(out) + 32));
    expect(record.hex.split(' ')).toHaveLength(32);
    expect(record.hex.slice(0, 23)).toBe(field('value').rawHex);
  });

  it('copies the bytes: later writes do not change a decoded record', () => {
    const { memory, scratch } = arenas();
    const a = createValue(scratch, 2);
    const record = decodeRecord(memory, addressOf(a));
    memory.f64[addressOf(a) >> 3] = 99;
    expect(new DataView(record.bytes.buffer).getFloat64(0, true)).toBe(2);
  });

  it('flags addresses that are no live record', () => {
    const { memory, model, scratch } = arenas();
    const a = createValue(scratch, 1);
    expect(decodeRecord(memory, addressOf(a) + 8).valid).toBe(false); // mid-record
    expect(decodeRecord(memory, scratch.top).valid).toBe(false); // above the bump pointer
    const neuron = createNeuron(model, 3, createRandom(1));
    expect(decodeRecord(memory, neuron.weights).valid).toBe(false); // a pointer array
    expect(decodeRecord(memory, 0).arenaName).toBeNull();
  });

  it('shows the poison pattern over records freed by a reset in debug mode', () => {
    const { memory, scratch } = arenas(true);
    const checkpoint = scratch.mark();
    const a = createValue(scratch, 3);
    const b = createValue(scratch, 4);
    const out = add(scratch, a, b);
    const live = decodeRecord(memory, addressOf(out));
    expect(live.valid).toBe(true);
    expect(live.isPoisoned).toBe(false);
    expect(live.fields.find((f) => f.name === 'tag')!.value).toBe(scratch.epoch);
    checkpoint.end();
    const freed = decodeRecord(memory, addressOf(out));
    expect(freed.isPoisoned).toBe(true);
    expect(freed.valid).toBe(false);
    expect(freed.hex).toBe(Array(32).fill('dd').join(' '));
    expect(freed.opInfo).toBeUndefined();
    expect(freed.fields.find((f) => f.name === 'op')!.display).toBe('? (221)');
  });
});

describe('decodePointerArray', () => {
  it("reads a neuron's weight pointers", () => {
    const { memory, model } = arenas();
    const neuron = createNeuron(model, 3, createRandom(7));
    const array = decodePointerArray(memory, neuron.weights, neuron.inputCount);
    expect(array.count).toBe(3);
    expect(array.arenaName).toBe('model');
    expect(array.entries.map((e) => e.slot)).toEqual([0, 4, 8].map((d) => neuron.weights + d));
    for (const entry of array.entries) {
      expect(entry.target).toBe(memory.u32[entry.slot >> 2]);
      expect(entry.targetArena).toBe('model');
      expect(entry.targetIsRecord).toBe(true);
      expect(decodeRecord(memory, entry.target).op).toBe(Op.Leaf);
    }
    expect(array.hex.split(' ')).toHaveLength(12);
  });

  it('marks null pointers as pointing nowhere', () => {
    const { memory, model } = arenas();
    const address = model.pushArray(2);
    const array = decodePointerArray(memory, address, 2);
    expect(array.entries.map((e) => [e.target, e.targetArena, e.targetIsRecord])).toEqual([
      [0, null, false],
      [0, null, false],
    ]);
  });
});

describe('inspectAddress', () => {
  it('decodes a record start as a record, any byte of an array as the whole array', () => {
    const { memory, model, scratch } = arenas();
    const neuron = createNeuron(model, 3, createRandom(2));
    const w = memory.u32[neuron.weights >> 2];
    const record = inspectAddress(memory, w);
    expect(record.kind === 'record' && record.record.valid).toBe(true);
    const array = inspectAddress(memory, neuron.weights + 6);
    expect(array.kind === 'array' && array.array.address).toBe(neuron.weights);
    expect(array.kind === 'array' && array.array.count).toBe(3);
    const loose = inspectAddress(memory, scratch.top + 64);
    expect(loose.kind === 'record' && loose.record.valid).toBe(false);
    expect(inspectAddress(memory, 4)).toEqual({ kind: 'none', address: 4, arenaName: null });
  });
});
