/**
 * Why the hot loops take their typed-array views as parameters: the demo's fused forward (100
 * points through 2-16-16-1, 64,100 records) written by `forwardLayer` (views passed in) and by
 * the same loop reading module-level `const` views, interleaved, medians of 15 rounds.
 * `npm run bench:views`. Prints one line per shape (µs per forward) and their ratio.
 */
import { createTrainer, forwardLayer, MICROGRAD_DEMO, PLAN_FIELDS } from '../src/core/train';
import type { LayerForward } from '../src/core/train';

const trainer = createTrainer(MICROGRAD_DEMO);
const plan = trainer.plan!;
const { scratch } = trainer;
const F64 = trainer.memory.f64; // module-level views over the same memory
const U32 = trainer.memory.u32;

/** `forwardLayer` with the module-level views (the shape issue 13 proposed). */
const forwardLayerModuleViews: LayerForward = (_f, _u, at, w0, stride, bo, n, m, act, in0, ins) => {
  let d = at >> 3;
  const xStep = ins >> 3;
  for (let j = 0; j < m; j++) {
    const first = (w0 + j * stride) >> 2;
    let sum = w0 + j * stride + bo;
    let total = F64[sum >> 3];
    let x = in0 >> 3;
    for (let p = first; p < first + n; p++) {
      const w = U32[p];
      const product = F64[w >> 3] * F64[x];
      total += product;
      F64[d] = product;
      F64[d + 1] = 0;
      F64[d + 4] = total;
      F64[d + 5] = 0;
      const k = d << 1;
      U32[k + 4] = w;
      U32[k + 5] = x << 3;
      U32[k + 6] = 0x202;
      U32[k + 12] = sum;
      U32[k + 13] = d << 3;
      U32[k + 14] = 0x102;
      sum = (d << 3) + 32;
      d += 8;
      x += xStep;
    }
    if (act !== 0) {
      F64[d] = act === 1 ? (total > 0 ? total : 0) : Math.tanh(total);
      F64[d + 1] = 0;
      const k = d << 1;
      U32[k + 4] = sum;
      U32[k + 5] = 0;
      U32[k + 6] = act === 1 ? 0x301 : 0x801;
      d += 4;
    }
  }
  return d << 3;
};

/** Every point's forward from just above the inputs (200 leaves, written once). */
function forwardAll(layer: LayerForward): number {
  const { f64, u32 } = trainer.memory;
  let at = scratch.base + 200 * 32;
  for (let p = 0; p < 100; p++) {
    let input0 = scratch.base + 64 * p;
    let inputStride = 32;
    for (let l = 0; l < plan.length; l += PLAN_FIELDS) {
      const layerStart = at;
      at = layer(f64, u32, at, plan[l], plan[l + 1], plan[l + 2], plan[l + 3], plan[l + 4],
        plan[l + 5], input0, inputStride); // prettier-ignore
      inputStride = plan[l + 6] * 32;
      input0 = layerStart + inputStride - 32;
    }
  }
  return at;
}

for (let i = 0; i < 200; i++) F64[(scratch.base + 32 * i) >> 3] = trainer.dataset.x[i];
const shapes: [string, LayerForward][] = [
  ['views as parameters', forwardLayer],
  ['module-level const views', forwardLayerModuleViews],
];
const rounds: number[][] = shapes.map(() => []);
for (let r = 0; r < 15; r++) {
  shapes.forEach(([, layer], s) => {
    for (let k = 0; k < 50; k++) forwardAll(layer);
    const start = performance.now();
    for (let k = 0; k < 200; k++) forwardAll(layer);
    rounds[s].push(((performance.now() - start) * 1000) / 200);
  });
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
shapes.forEach(([name], s) => console.log(`${name.padEnd(26)} ${median(rounds[s]).toFixed(0)} µs`));
const ratios = rounds[1].map((x, r) => x / rounds[0][r]);
console.log(`module-level / parameters, median per pair: ${median(ratios).toFixed(2)}×`);
