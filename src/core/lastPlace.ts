/**
 * Units in the last place: how far apart two float64 numbers are, counted in the spacing of
 * float64 numbers near them. Two sums of the same terms added in different orders usually land
 * a few units apart (floating-point addition is not associative).
 */

const bits = new Float64Array(1);
const words = new BigUint64Array(bits.buffer);

/** One unit in the last place of `x`: the gap from |x| to the next float64 above it. */
export function ulpOf(x: number): number {
  const a = Math.abs(x);
  if (!Number.isFinite(a)) return NaN;
  if (a === Number.MAX_VALUE) return 2 ** 971; // the next one up would be Infinity
  bits[0] = a;
  words[0] += 1n;
  return bits[0] - a;
}

/**
 * `value − reference` in units in the last place of `reference` (signed; 0 when they are the
 * same number). Not rounded: floats of the same binade are a whole number apart.
 */
export function unitsInLastPlace(value: number, reference: number): number {
  if (value === reference) return 0;
  return (value - reference) / ulpOf(reference);
}
