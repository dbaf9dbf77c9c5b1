/**
 * The backward sweep's copy of every op's gradient rule: the TypeScript stand-in for the guide's
 * `gradient_func` pointers. `sweepRecords` sweeps a stretch of consecutive records top-down; for
 * each record it adds the record's contribution to its parents' gradients (the chain rule, one
 * node). Each case is the `gradientToParent` of the op's entry in `binaryOps.ts` / `unaryOps.ts`,
 * written out inline for speed (see docs/architecture.md, "Performance"); a test holds them equal.
 */

/**
 * Applies the gradient rules of the records at `tape[from]`, `tape[from - 1]`, … `tape[downTo]`,
 * in that order (a tape: record addresses in allocation order, with other bytes, such as pointer
 * arrays, possibly between them). Records whose gradient is 0 are skipped.
 * A stretch whose records lie back to back (the common case) is one {@link sweepRecords}.
 */
export function applyGradientRules(
  f64: Float64Array,
  u32: Uint32Array,
  tape: Uint32Array,
  from: number,
  downTo: number,
): void {
  if (from < downTo) return;
  // Addresses grow along the tape and records are 32 bytes, so the ends being
  // (from - downTo) records apart means nothing lies between them.
  if (tape[from] - tape[downTo] === (from - downTo) * 32) {
    sweepRecords(f64, u32, tape[from], tape[downTo]);
    return;
  }
  for (let k = from; k >= downTo; k--) sweepRecords(f64, u32, tape[k], tape[k]);
}

/**
 * Applies the gradient rules of the records at addresses `from`, `from − 32`, … `downTo`: a
 * stretch of an arena that holds only Value records, back to back (its allocation order is then
 * a topological order). Records whose gradient is 0 are skipped (they contribute nothing).
 * `f64` and `u32` are views of the same memory. The loop and the rules sit in one function so
 * the engine pays no call per node (a rule in a function of its own measured 1.6× slower), and
 * it steps over addresses rather than reading a tape (1.4× faster: `npm run bench`).
 */
export function sweepRecords(
  f64: Float64Array,
  u32: Uint32Array,
  from: number,
  downTo: number,
): void {
  for (let address = from; address >= downTo; address -= 32) {
    const g = f64[(address >> 3) + 1];
    if (g === 0) continue;
    const w = address >> 2; // u32 index of the record
    const op = (u32[w + 6] >> 8) & 0xff;
    const a = u32[w + 4] >> 3; // f64 index of prev[0]
    const b = u32[w + 5] >> 3; // f64 index of prev[1]
    // Op codes as literals: a bundled module-level constant is a variable to V8, read and
    // checked on every use; a literal compiles to an immediate. Codes: `Op` (opCodes.ts); a test
    // pins every case to its op's `gradientToParent`.
    switch (op) {
      case 1: // Op.Add (ADD)
        f64[a + 1] += g;
        f64[b + 1] += g;
        continue;
      case 2: // Op.Mul (MUL)
        f64[a + 1] += f64[b] * g;
        f64[b + 1] += f64[a] * g;
        continue;
      case 3: // Op.Relu (RELU)
        if (f64[w >> 1] > 0) f64[a + 1] += g;
        continue;
      case 4: // Op.Sub (SUB)
        f64[a + 1] += g;
        f64[b + 1] -= g;
        continue;
      case 5: // Op.Neg (NEG)
        f64[a + 1] -= g;
        continue;
      case 6: {
        // Op.Div (DIV)
        const y = f64[b];
        f64[a + 1] += g / y;
        f64[b + 1] -= (f64[a] / (y * y)) * g;
        continue;
      }
      case 7: {
        // Op.Pow (POW)
        const n = f64[b];
        f64[a + 1] += n * Math.pow(f64[a], n - 1) * g;
        continue;
      }
      case 8: {
        // Op.Tanh (TANH)
        const t = f64[w >> 1];
        f64[a + 1] += (1 - t * t) * g;
        continue;
      }
      case 9: // Op.Exp (EXP)
        f64[a + 1] += f64[w >> 1] * g;
        continue;
      case 10: // Op.Log (LOG)
        f64[a + 1] += g / f64[a];
        continue;
      case 11: {
        // Op.Sigmoid (SIGMOID)
        const s = f64[w >> 1];
        f64[a + 1] += s * (1 - s) * g;
        continue;
      }
      case 12: // Op.Sin (SIN)
        f64[a + 1] += Math.cos(f64[a]) * g;
        continue;
      case 13: // Op.Cos (COS)
        f64[a + 1] -= Math.sin(f64[a]) * g;
        continue;
      default:
        continue; // Leaf: nothing flows further.
    }
  }
}
