import { describe, expect, it } from 'vitest';
import {
  createPythonRandom,
  pythonRandomFromKey,
  pythonSeedKey,
  ulpOf,
  unitsInLastPlace,
} from '../../src/core';

describe("Python's random (MT19937)", () => {
  it("gives mt19937ar.c's reference outputs for init_by_array([0x123, 0x234, 0x345, 0x456])", () => {
    // The first five lines of Matsumoto & Nishimura's mt19937ar.out.
    const mt = pythonRandomFromKey([0x123, 0x234, 0x345, 0x456]);
    const first = Array.from({ length: 5 }, () => mt.nextUint32());
    expect(first).toEqual([1067595299, 955945823, 477289528, 4107218783, 4228976476]);
  });

  it('seeds as random.seed(n): |n| in 32-bit words, low word first', () => {
    expect(pythonSeedKey(1337)).toEqual([1337]);
    expect(pythonSeedKey(0)).toEqual([0]);
    expect(pythonSeedKey(-7)).toEqual([7]);
    expect(pythonSeedKey(2 ** 40 + 5)).toEqual([5, 256]);
    expect(() => pythonSeedKey(0.5)).toThrow(RangeError);
    expect(() => pythonRandomFromKey([])).toThrow(RangeError);
  });

  it('equals CPython 3 number for number: getrandbits(32), random(), uniform, gauss', () => {
    // CPython 3.11: r = random.Random(s);
    // [r.getrandbits(32), r.random(), r.uniform(-1, 1), r.gauss(), r.gauss(), r.gauss()]
    const python: [number, number[]][] = [
      [
        1337,
        [
          2653228291, 0.9255354071651813, 0.41975996443403285, -1.463873081456798,
          -0.6998767739092159, 0.1418444490502956,
        ],
      ],
      [
        0,
        [
          3626764237, 0.3852453064766108, 0.780487841674262, 2.5110373812253317, 0.6528772028059545,
          -2.2290686680762852,
        ],
      ],
      [
        2 ** 40 + 5,
        [
          2166296868, 0.516921470080349, 0.32759655901471585, 1.6606423401620585,
          0.2890538200424416, 1.2630796751116178,
        ],
      ],
    ];
    for (const [seed, expected] of python) {
      const r = createPythonRandom(seed);
      const got = [r.nextUint32(), r.next(), r.uniform(-1, 1)];
      got.push(r.gaussian(), r.gaussian(), r.gaussian());
      expect(got).toEqual(expected);
    }
    expect(createPythonRandom(1337).next()).toBe(0.6177528569514706);
  });
});

describe('units in the last place', () => {
  it('is the gap to the next float64', () => {
    expect(ulpOf(1)).toBe(2 ** -52);
    expect(ulpOf(0.8958441028683222)).toBe(2 ** -53);
    expect(ulpOf(-3)).toBe(2 ** -51);
    expect(ulpOf(0)).toBe(Number.MIN_VALUE);
    expect(ulpOf(Number.MAX_VALUE)).toBe(2 ** 971);
    expect(ulpOf(Infinity)).toBeNaN();
  });

  it('counts how many floats apart two numbers are', () => {
    const x = 0.8958441028683222;
    expect(unitsInLastPlace(x, x)).toBe(0);
    expect(unitsInLastPlace(x + 2 ** -53, x)).toBe(1);
    expect(unitsInLastPlace(x - 3 * 2 ** -53, x)).toBe(-3);
    expect(unitsInLastPlace(0.1 + 0.2, 0.3)).toBe(1);
  });
});
