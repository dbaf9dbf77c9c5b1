import { describe, expect, it } from 'vitest';
import { HeapValue, topologicalOrder } from '../../../src/core/baseline';
import {
  Memory,
  add,
  backward,
  createValue,
  div,
  exp,
  getGrad,
  getValue,
  log,
  mul,
  neg,
  pow,
  relu,
  sigmoid,
  sub,
  tanh,
  type MemoryArena,
  type Value,
} from '../../../src/core';

function scratchArena(): MemoryArena {
  return new Memory().addArena('scratch', 1 << 20);
}

describe('HeapValue', () => {
  it("matches the arena engine on micrograd's sanity check", () => {
    // x = -4; z = 2*x + 2 + x; q = relu(z) + z*x; h = relu(z*z); y = h + q + q*x
    const hx = new HeapValue(-4);
    const hz = hx.mul(2).add(2).add(hx);
    const hq = hz.relu().add(hz.mul(hx));
    const hh = hz.mul(hz).relu();
    const hy = hh.add(hq).add(hq.mul(hx));
    hy.backward();

    const s = scratchArena();
    const c = (n: number): Value => createValue(s, n);
    const x = c(-4);
    const z = add(s, add(s, mul(s, x, c(2)), c(2)), x);
    const q = add(s, relu(s, z), mul(s, z, x));
    const h = relu(s, mul(s, z, z));
    const y = add(s, add(s, h, q), mul(s, q, x));
    backward(s, y);

    expect(hy.data).toBe(getValue(s, y));
    expect(hx.grad).toBe(getGrad(s, x));
    expect(hz.grad).toBe(getGrad(s, z));
    expect(hq.grad).toBe(getGrad(s, q));
    expect(hy.data).toBe(-20);
    expect(hx.grad).toBe(46);
  });

  const everywhere = [0.3, 1.7, -0.8, -2.5];
  const positive = [0.3, 1.7, 0.8, 2.5];
  const unary: [
    string,
    (v: HeapValue) => HeapValue,
    (s: MemoryArena, v: Value) => Value,
    number[],
  ][] = [
    ['neg', (v) => v.neg(), neg, everywhere],
    ['relu', (v) => v.relu(), relu, everywhere],
    ['tanh', (v) => v.tanh(), tanh, everywhere],
    ['exp', (v) => v.exp(), exp, everywhere],
    ['log', (v) => v.log(), log, positive],
    ['sigmoid', (v) => v.sigmoid(), sigmoid, everywhere],
    ['pow 3', (v) => v.pow(3), (s, v) => pow(s, v, 3), everywhere],
    ['pow -0.5', (v) => v.pow(-0.5), (s, v) => pow(s, v, -0.5), positive],
  ];
  it.each(unary)('%s gives the same value and gradient as the arena op', (_, heapOp, op, xs) => {
    for (const x of xs) {
      const hx = new HeapValue(x);
      const hout = heapOp(hx).mul(hx); // x used twice: gradient from two paths
      hout.backward();
      const s = scratchArena();
      const ax = createValue(s, x);
      const out = mul(s, op(s, ax), ax);
      backward(s, out);
      expect(hout.data).toBe(getValue(s, out));
      expect(hx.grad).toBe(getGrad(s, ax));
    }
  });

  const binary: [string, (a: HeapValue, b: HeapValue) => HeapValue, typeof add][] = [
    ['add', (a, b) => a.add(b), add],
    ['sub', (a, b) => a.sub(b), sub],
    ['mul', (a, b) => a.mul(b), mul],
    ['div', (a, b) => a.div(b), div],
  ];
  it.each(binary)('%s gives the same value and gradients as the arena op', (_, heapOp, op) => {
    for (const [x, y] of [
      [0.5, 2],
      [-3, 0.25],
      [4, -1.5],
    ]) {
      const ha = new HeapValue(x);
      const hb = new HeapValue(y);
      const hout = heapOp(ha, hb).tanh();
      hout.backward();
      const s = scratchArena();
      const a = createValue(s, x);
      const b = createValue(s, y);
      const out = tanh(s, op(s, a, b));
      backward(s, out);
      expect(hout.data).toBe(getValue(s, out));
      expect(ha.grad).toBe(getGrad(s, a));
      expect(hb.grad).toBe(getGrad(s, b));
    }
  });

  it('counts a shared node once (a + a, then b + b gives dc/da = 4)', () => {
    const a = new HeapValue(1);
    const b = a.add(a);
    const c = b.add(b);
    c.backward();
    expect(a.grad).toBe(4);
    const order = topologicalOrder(c);
    expect(order).toEqual([a, b, c]);
  });

  it('puts parents before children, each node once', () => {
    const a = new HeapValue(2);
    const b = new HeapValue(3);
    const ab = a.mul(b);
    const out = ab.add(a).mul(ab.relu()).sub(b);
    const order = topologicalOrder(out);
    expect(new Set(order).size).toBe(order.length);
    for (const v of order) {
      for (const parent of v._prev) expect(order.indexOf(parent)).toBeLessThan(order.indexOf(v));
    }
    expect(order[order.length - 1]).toBe(out);
  });

  it('runs backward on a 200,000-node chain without overflowing the stack', () => {
    const x = new HeapValue(1);
    let y = x;
    for (let i = 0; i < 200_000; i++) y = y.add(0);
    y.backward();
    expect(x.grad).toBe(1);
  });
});
