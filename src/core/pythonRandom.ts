/**
 * CPython's `random` module, number for number: the Mersenne Twister (MT19937) seeded as
 * `random.seed(n)` seeds it, `random()` with 53 random bits, `uniform(a, b)` and `gauss()`.
 * micrograd draws its initial weights from it (`random.uniform(-1, 1)` per weight, in
 * `model.parameters()` order), so an MLP built with {@link createPythonRandom}`(1337)` starts
 * from the weights of micrograd's demo notebook (`random.seed(1337)`).
 *
 * Sources: Matsumoto & Nishimura's `mt19937ar.c` (`init_genrand`, `init_by_array`,
 * `genrand_int32`); CPython's `Modules/_randommodule.c` (`random_seed`: an int seed is split
 * into 32-bit words, least significant first, and given to `init_by_array`; `random_random`:
 * `(a·2^26 + b) / 2^53` with `a = genrand >>> 5`, `b = genrand >>> 6`) and `Lib/random.py`
 * (`uniform`: `a + (b − a)·random()`; `gauss`: the Box–Muller pair, the second kept for the
 * next call).
 */
import type { Random } from './random';

const N = 624;
const M = 397;
const UPPER_MASK = 0x80000000;
const LOWER_MASK = 0x7fffffff;
const MATRIX_A = 0x9908b0df;

/**
 * Python's `random.Random(seed)`: `random()` as `next`, `uniform`, `gauss` as `gaussian`, and the
 * generator's raw 32-bit outputs.
 */
export interface PythonRandom extends Random {
  /** The next 32-bit output of the generator (`genrand_uint32`). */
  nextUint32(): number;
}

/** `init_genrand(s)`: the state from one 32-bit word. */
function initGenrand(mt: Uint32Array, s: number): void {
  mt[0] = s >>> 0;
  for (let i = 1; i < N; i++) {
    const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
    mt[i] = (Math.imul(1812433253, prev) + i) >>> 0;
  }
}

/** `init_by_array(key)`: the state from a key of 32-bit words. */
function initByArray(mt: Uint32Array, key: readonly number[]): void {
  initGenrand(mt, 19650218);
  let i = 1;
  let j = 0;
  for (let k = Math.max(N, key.length); k > 0; k--) {
    const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
    mt[i] = ((mt[i] ^ Math.imul(prev, 1664525)) + key[j] + j) >>> 0;
    i++;
    j++;
    if (i >= N) {
      mt[0] = mt[N - 1];
      i = 1;
    }
    if (j >= key.length) j = 0;
  }
  for (let k = N - 1; k > 0; k--) {
    const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
    mt[i] = ((mt[i] ^ Math.imul(prev, 1566083941)) - i) >>> 0;
    i++;
    if (i >= N) {
      mt[0] = mt[N - 1];
      i = 1;
    }
  }
  mt[0] = 0x80000000; // MSB is 1: a non-zero initial state
}

/** The key `random.seed(n)` gives `init_by_array`: |n| in 32-bit words, low word first. */
export function pythonSeedKey(seed: number): number[] {
  if (!Number.isSafeInteger(seed)) {
    throw new RangeError(`a Python random seed must be a safe integer, got ${seed}`);
  }
  let n = Math.abs(seed);
  const key = [n % 2 ** 32];
  for (n = Math.floor(n / 2 ** 32); n > 0; n = Math.floor(n / 2 ** 32)) key.push(n % 2 ** 32);
  return key;
}

/** A generator in the state of Python's `random.seed(seed)` (an integer seed). */
export function createPythonRandom(seed: number): PythonRandom {
  return pythonRandomFromKey(pythonSeedKey(seed));
}

/**
 * A generator after `init_by_array(key)` (32-bit words): `mt19937ar.c`'s reference run uses the
 * key [0x123, 0x234, 0x345, 0x456]; Python's `random.seed(n)` uses {@link pythonSeedKey}`(n)`.
 */
export function pythonRandomFromKey(key: readonly number[]): PythonRandom {
  if (key.length === 0 || key.some((w) => !Number.isInteger(w) || w < 0 || w >= 2 ** 32)) {
    throw new RangeError('a Mersenne Twister key is one or more 32-bit words');
  }
  const mt = new Uint32Array(N);
  initByArray(mt, key);
  let index = N;
  const twist = (): void => {
    for (let k = 0; k < N; k++) {
      const y = (mt[k] & UPPER_MASK) | (mt[(k + 1) % N] & LOWER_MASK);
      mt[k] = mt[(k + M) % N] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    index = 0;
  };
  const nextUint32 = (): number => {
    if (index >= N) twist();
    let y = mt[index++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  };
  const next = (): number => {
    const a = nextUint32() >>> 5;
    const b = nextUint32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  };
  let gaussNext: number | null = null;
  return {
    nextUint32,
    next,
    uniform: (lo, hi) => lo + (hi - lo) * next(),
    gaussian: () => {
      const kept = gaussNext;
      gaussNext = null;
      if (kept !== null) return kept;
      const x2pi = next() * (2 * Math.PI);
      const g2rad = Math.sqrt(-2 * Math.log(1 - next()));
      gaussNext = Math.sin(x2pi) * g2rad;
      return Math.cos(x2pi) * g2rad;
    },
  };
}
