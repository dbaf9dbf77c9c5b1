/**
 * The "before" engine's Value: one garbage-collected object per node, its gradient function a
 * closure, as in micrograd and its JavaScript ports (the guide's `shared_ptr<Value>` with a
 * `std::function` gradient). Kept to be compared with the arena engine: the same ops and
 * gradient rules (`gradientRules.ts`), so both build the same graph and the same numbers.
 */
import { heapCounts } from './heapCounts';

/** A number operand is wrapped in a new leaf, as micrograd does. */
export type HeapOperand = HeapValue | number;

let created = 0;

/** HeapValues made since the program started (a training step counts its nodes with it). */
export function heapValuesCreated(): number {
  return created;
}

/** One node of the graph: its value, its gradient, its parents and how to push gradient to them. */
export class HeapValue {
  data: number;
  grad = 0;
  /** Parents (micrograd's `_prev`). */
  readonly _prev: HeapValue[];
  /** The op that made it ('' for a leaf). */
  readonly _op: string;
  /** Adds this node's contribution to its parents' gradients (the chain rule, one node). */
  _backward: () => void = () => {};

  constructor(data: number, children: HeapValue[] = [], op = '') {
    this.data = data;
    this._prev = children;
    this._op = op;
    created++;
    heapCounts.values++;
    heapCounts.closures++; // the default `_backward`
    heapCounts.arrays++; // `_prev`
  }

  /** `this + other` */
  add(other: HeapOperand): HeapValue {
    const o = wrap(other);
    const out = new HeapValue(this.data + o.data, [this, o], '+');
    heapCounts.closures++;
    out._backward = () => {
      this.grad += out.grad;
      o.grad += out.grad;
    };
    return out;
  }

  /** `this · other` */
  mul(other: HeapOperand): HeapValue {
    const o = wrap(other);
    const out = new HeapValue(this.data * o.data, [this, o], '*');
    heapCounts.closures++;
    out._backward = () => {
      this.grad += o.data * out.grad;
      o.grad += this.data * out.grad;
    };
    return out;
  }

  /** `this − other` */
  sub(other: HeapOperand): HeapValue {
    const o = wrap(other);
    const out = new HeapValue(this.data - o.data, [this, o], '-');
    heapCounts.closures++;
    out._backward = () => {
      this.grad += out.grad;
      o.grad -= out.grad;
    };
    return out;
  }

  /** `this / other` */
  div(other: HeapOperand): HeapValue {
    const o = wrap(other);
    const out = new HeapValue(this.data / o.data, [this, o], '/');
    heapCounts.closures++;
    out._backward = () => {
      this.grad += out.grad / o.data;
      o.grad -= (this.data / (o.data * o.data)) * out.grad;
    };
    return out;
  }

  /**
   * `this ** n` for a constant `n`. As in the arena engine, the exponent is a leaf recorded as
   * the second parent (so both engines build the same nodes); it receives no gradient.
   */
  pow(n: number): HeapValue {
    const exponent = new HeapValue(n);
    const out = new HeapValue(Math.pow(this.data, n), [this, exponent], `**${n}`);
    heapCounts.closures++;
    out._backward = () => {
      this.grad += n * Math.pow(this.data, n - 1) * out.grad;
    };
    return out;
  }

  /** `−this` */
  neg(): HeapValue {
    const out = new HeapValue(-this.data, [this], 'neg');
    heapCounts.closures++;
    out._backward = () => {
      this.grad -= out.grad;
    };
    return out;
  }

  /** `max(this, 0)` */
  relu(): HeapValue {
    const out = new HeapValue(this.data > 0 ? this.data : 0, [this], 'ReLU');
    heapCounts.closures++;
    out._backward = () => {
      if (out.data > 0) this.grad += out.grad;
    };
    return out;
  }

  /** `tanh(this)` */
  tanh(): HeapValue {
    const out = new HeapValue(Math.tanh(this.data), [this], 'tanh');
    heapCounts.closures++;
    out._backward = () => {
      this.grad += (1 - out.data * out.data) * out.grad;
    };
    return out;
  }

  /** `e^this` */
  exp(): HeapValue {
    const out = new HeapValue(Math.exp(this.data), [this], 'exp');
    heapCounts.closures++;
    out._backward = () => {
      this.grad += out.data * out.grad;
    };
    return out;
  }

  /** `ln(this)` */
  log(): HeapValue {
    const out = new HeapValue(Math.log(this.data), [this], 'log');
    heapCounts.closures++;
    out._backward = () => {
      this.grad += out.grad / this.data;
    };
    return out;
  }

  /** `1 / (1 + e^−this)` */
  sigmoid(): HeapValue {
    const out = new HeapValue(1 / (1 + Math.exp(-this.data)), [this], 'sigmoid');
    heapCounts.closures++;
    out._backward = () => {
      this.grad += out.data * (1 - out.data) * out.grad;
    };
    return out;
  }

  /**
   * micrograd's `backward`: orders the graph topologically with a depth-first search and a
   * visited set, sets this gradient to 1 and runs every node's closure in reverse order.
   * Gradients accumulate: zero the parameters' first.
   */
  backward(): void {
    const topo = topologicalOrder(this);
    this.grad = 1;
    for (let i = topo.length - 1; i >= 0; i--) topo[i]._backward();
  }
}

function wrap(x: HeapOperand): HeapValue {
  return x instanceof HeapValue ? x : new HeapValue(x);
}

/**
 * micrograd's recursive `build_topo` (parents before children, each node once), written with
 * an explicit stack so that a long chain cannot overflow the call stack. Same order.
 */
export function topologicalOrder(root: HeapValue): HeapValue[] {
  const topo: HeapValue[] = [];
  const visited = new Set<HeapValue>([root]);
  const stack: HeapValue[] = [root];
  const nextChild: number[] = [0];
  heapCounts.arrays += 3;
  heapCounts.setEntries += 2; // the set and its first entry
  while (stack.length > 0) {
    const top = stack.length - 1;
    const v = stack[top];
    const i = nextChild[top];
    if (i < v._prev.length) {
      nextChild[top] = i + 1;
      const child = v._prev[i];
      if (!visited.has(child)) {
        visited.add(child);
        heapCounts.setEntries++;
        stack.push(child);
        nextChild.push(0);
      }
    } else {
      stack.pop();
      nextChild.pop();
      topo.push(v);
    }
  }
  return topo;
}
