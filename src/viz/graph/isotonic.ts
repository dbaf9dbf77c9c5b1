/**
 * Places items in a fixed order on a line as close as possible to where they want to be, never
 * closer than `gap` to each other: least squares under order constraints, solved exactly with
 * the pool-adjacent-violators algorithm in O(n).
 */
export function placeInOrder(desired: ArrayLike<number>, gap: number): Float64Array {
  const n = desired.length;
  // With q[i] = p[i] − i·gap, the constraint p[i+1] − p[i] ≥ gap becomes q non-decreasing.
  const blockValue = new Float64Array(n);
  const blockWeight = new Int32Array(n);
  let blocks = 0;
  for (let i = 0; i < n; i++) {
    blockValue[blocks] = desired[i] - i * gap;
    blockWeight[blocks] = 1;
    blocks++;
    while (blocks > 1 && blockValue[blocks - 2] > blockValue[blocks - 1]) {
      const w = blockWeight[blocks - 2] + blockWeight[blocks - 1];
      blockValue[blocks - 2] =
        (blockValue[blocks - 2] * blockWeight[blocks - 2] +
          blockValue[blocks - 1] * blockWeight[blocks - 1]) /
        w;
      blockWeight[blocks - 2] = w;
      blocks--;
    }
  }
  const out = new Float64Array(n);
  let i = 0;
  for (let b = 0; b < blocks; b++) {
    for (let k = 0; k < blockWeight[b]; k++, i++) out[i] = blockValue[b] + i * gap;
  }
  return out;
}
