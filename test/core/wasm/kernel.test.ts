import { describe, expect, it } from 'vitest';
import {
  MB,
  Memory,
  OP_INFO,
  Op,
  add,
  backward,
  cos,
  createValue,
  div,
  exp,
  gradientAt,
  instantiateKernel,
  log,
  mul,
  neg,
  parentAt,
  pow,
  relu,
  setGradientAt,
  sigmoid,
  sin,
  sub,
  tanh,
  valueAt,
  type MemoryArena,
  type Value,
} from '../../../src/core';
import { createRandom, type Random } from '../../../src/core/random';
import { KERNEL_BYTES } from '../../../src/core/wasm/kernelBytes.generated';

/** One op applied to operands picked from `nodes` (kept finite: log and pow of positives). */
type Build = (s: MemoryArena, pick: () => Value, random: Random) => Value;
const BUILD: Record<number, Build> = {
  [Op.Add]: (s, pick) => add(s, pick(), pick()),
  [Op.Mul]: (s, pick) => mul(s, pick(), pick()),
  [Op.Relu]: (s, pick) => relu(s, pick()),
  [Op.Sub]: (s, pick) => sub(s, pick(), pick()),
  [Op.Neg]: (s, pick) => neg(s, pick()),
  [Op.Div]: (s, pick) => div(s, pick(), add(s, exp(s, pick()), createValue(s, 0.5))),
  [Op.Pow]: (s, pick, r) =>
    pow(s, exp(s, tanh(s, pick())), [2, 3, 0.5, -1.5][Math.floor(r.next() * 4)]),
  [Op.Tanh]: (s, pick) => tanh(s, pick()),
  [Op.Exp]: (s, pick) => exp(s, tanh(s, pick())),
  [Op.Log]: (s, pick) => log(s, add(s, exp(s, pick()), createValue(s, 0.1))),
  [Op.Sigmoid]: (s, pick) => sigmoid(s, pick()),
  [Op.Sin]: (s, pick) => sin(s, pick()),
  [Op.Cos]: (s, pick) => cos(s, pick()),
};
const CODES = Object.keys(BUILD).map(Number);

/** Builds the same random program in `memory`'s scratch arena; returns its output. */
function buildProgram(
  memory: Memory,
  seed: number,
  size: number,
): { out: Value; scratch: MemoryArena } {
  const scratch = memory.addArena('scratch', MB(1));
  const random = createRandom(seed);
  const nodes: Value[] = [];
  for (let i = 0; i < 4; i++) nodes.push(createValue(scratch, random.uniform(-2, 2)));
  // Recent nodes are picked more often, so the graph is deep and shares sub-expressions.
  const pick = (): Value =>
    nodes[nodes.length - 1 - Math.min(nodes.length - 1, Math.floor(random.next() * 6))];
  for (let i = 0; i < size; i++)
    nodes.push(BUILD[CODES[Math.floor(random.next() * CODES.length)]](scratch, pick, random));
  return { out: nodes[nodes.length - 1], scratch };
}

describe('the Wasm kernel backward', () => {
  it('adds, for every op, exactly what the readable TS rule says', () => {
    for (const info of OP_INFO.filter((entry) => entry.code !== Op.Leaf)) {
      for (const [x, y, g] of [
        [1.5, -2, 1],
        [-0.7, 0.4, -0.75],
        [0.3, 2.5, 3.2],
      ]) {
        const memory = new Memory({ wasm: true });
        const scratch = memory.addArena('scratch', MB(1));
        const a = createValue(scratch, x);
        const b = createValue(scratch, y);
        const out = ruleRecord(info.code, scratch, a, b) >>> 0;
        const parents = [parentAt(memory, out, 0), parentAt(memory, out, 1)];
        parents.forEach((p, slot) => p !== 0 && setGradientAt(memory, p, [0.25, -0.5][slot]));
        setGradientAt(memory, out, g);
        const values = [
          valueAt(memory, out),
          valueAt(memory, parents[0]),
          valueAt(memory, parents[1]),
        ];
        instantiateKernel(memory).backward(out, out);
        for (let slot = 0; slot < info.arity; slot++) {
          const rule = info.gradientToParent(slot, values[0], values[1], values[2], g);
          expect(gradientAt(memory, parents[slot])).toBe([0.25, -0.5][slot] + rule);
        }
      }
    }
  });

  it('gives the TS sweep’s gradients, bit for bit, on random programs of every op', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const plain = new Memory();
      const wasm = new Memory({ wasm: true });
      const ts = buildProgram(plain, seed, 20 + seed * 5);
      const kernelSide = buildProgram(wasm, seed, 20 + seed * 5);
      const size = plain.size;
      expect(Buffer.from(wasm.buffer, 0, size).equals(Buffer.from(plain.buffer, 0, size))).toBe(
        true,
      );
      backward(ts.scratch, ts.out);
      wasm.f64[((kernelSide.out >>> 0) >> 3) + 1] = 1;
      instantiateKernel(wasm).backward(kernelSide.out >>> 0, kernelSide.scratch.base);
      const same = Buffer.from(wasm.buffer, 0, size).equals(Buffer.from(plain.buffer, 0, size));
      if (!same) expect.fail(`program ${seed}: the gradients differ`);
    }
  });

  it('follows its memory when it grows (WebAssembly.Memory.grow)', () => {
    const memory = new Memory({ wasm: true });
    const first = memory.addArena('first', 64);
    const x = createValue(first, 3);
    const y = mul(first, x, x);
    memory.resizeArena(first, MB(2)); // grows the Wasm memory: new buffer, new views
    const kernel = instantiateKernel(memory);
    setGradientAt(memory, y >>> 0, 1);
    kernel.backward(y >>> 0, first.base);
    expect(gradientAt(memory, x >>> 0)).toBe(6);
    expect(memory.size).toBe(16 + MB(2));
    expect(memory.buffer.byteLength).toBeGreaterThanOrEqual(memory.size);
  });

  it('reserved up front, takes its arenas without growing (no buffer is detached)', () => {
    const memory = new Memory({ wasm: true, reserve: 16 + MB(1) + MB(4) });
    const buffer = memory.buffer;
    memory.addArena('model', MB(1));
    memory.addArena('scratch', MB(4));
    expect(memory.buffer).toBe(buffer);
    expect(buffer.byteLength).toBeGreaterThan(0);
    expect(memory.size).toBe(16 + MB(5));
  });

  it('is refused a plain memory', () => {
    expect(() => instantiateKernel(new Memory())).toThrow(/Wasm-backed memory/);
  });
});

function ruleRecord(code: number, scratch: MemoryArena, a: Value, b: Value): Value {
  switch (code) {
    case Op.Add:
      return add(scratch, a, b);
    case Op.Mul:
      return mul(scratch, a, b);
    case Op.Relu:
      return relu(scratch, a);
    case Op.Sub:
      return sub(scratch, a, b);
    case Op.Neg:
      return neg(scratch, a);
    case Op.Div:
      return div(scratch, a, b);
    case Op.Pow:
      return pow(scratch, a, valueAt(scratch.memory, b >>> 0));
    case Op.Tanh:
      return tanh(scratch, a);
    case Op.Exp:
      return exp(scratch, a);
    case Op.Log:
      return log(scratch, a);
    case Op.Sin:
      return sin(scratch, a);
    case Op.Cos:
      return cos(scratch, a);
    default:
      return sigmoid(scratch, a);
  }
}

describe('the kernel build', () => {
  it('is up to date: kernelBytes.generated.ts is kernel.wat, assembled by wabt', async () => {
    const { readFileSync } = await import('node:fs');
    const wabt = (await import('wabt')).default;
    const source = readFileSync(
      new URL('../../../src/core/wasm/kernel.wat', import.meta.url),
      'utf8',
    );
    const module = (await wabt()).parseWat('kernel.wat', source, { simd: true });
    const { buffer } = module.toBinary({ canonicalize_lebs: true });
    module.destroy();
    expect([...KERNEL_BYTES]).toEqual([...buffer]);
    expect(WebAssembly.validate(KERNEL_BYTES)).toBe(true);
  });
});
