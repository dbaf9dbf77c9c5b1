/**
 * Toy datasets with labels ±1: seeded ones, made here, and micrograd's moons, stored (the
 * points of micrograd's demo notebook, `data/microgradMoons.ts`). Points are stored flat:
 * `x[i * dims + d]`.
 */
import { MICROGRAD_MOONS_X, MICROGRAD_MOONS_Y } from './data/microgradMoons';
import { createRandom } from './random';

/** A labelled dataset. */
export interface Dataset {
  readonly name: DatasetName;
  /** Features per point. */
  readonly dims: number;
  /** Number of points. */
  readonly count: number;
  /** Features, point-major: `x[i * dims + d]`. */
  readonly x: Float64Array;
  /** Labels, −1 or +1. */
  readonly y: Float64Array;
}

/** The datasets the app offers. */
export const DATASET_NAMES = [
  'guide',
  'moons',
  'circles',
  'xor',
  'spiral',
  'micrograd-moons',
] as const;
export type DatasetName = (typeof DATASET_NAMES)[number];

/**
 * Datasets whose points are stored, not made: their size and noise are their own (the options'
 * count, noise and seed do not apply). `micrograd-moons` is micrograd's demo notebook's 100
 * moons, made by scikit-learn's `make_moons(n_samples=100, noise=0.1)` after
 * `np.random.seed(1337)`.
 */
export const STORED_DATASETS: Readonly<
  Partial<Record<DatasetName, { count: number; noise: number }>>
> = {
  'micrograd-moons': { count: 100, noise: 0.1 },
};

/** Options for {@link makeDataset}. */
export interface DatasetOptions {
  /** Number of points (ignored by `guide`, which has one). Default 100. */
  count?: number;
  /** Standard deviation of the Gaussian noise added to each coordinate. Default 0.1. */
  noise?: number;
  /** Seed of the generator. Default 1. */
  seed?: number;
}

/**
 * Builds a dataset. `moons` is made as sklearn's `make_moons` makes it (with this project's
 * generator); `micrograd-moons` is micrograd's demo's own points, whatever the options.
 */
export function makeDataset(name: DatasetName, options: DatasetOptions = {}): Dataset {
  if (name === 'micrograd-moons') {
    const x = Float64Array.from(MICROGRAD_MOONS_X);
    return {
      name,
      dims: 2,
      count: MICROGRAD_MOONS_Y.length,
      x,
      y: Float64Array.from(MICROGRAD_MOONS_Y),
    };
  }
  const count = name === 'guide' ? 1 : (options.count ?? 100);
  if (!Number.isInteger(count) || count < 1 || count > 100_000) {
    throw new RangeError(`dataset size must be an integer from 1 to 100000, got ${count}`);
  }
  const noise = options.noise ?? 0.1;
  if (!Number.isFinite(noise) || noise < 0) throw new RangeError(`noise must be ≥ 0, got ${noise}`);
  const random = createRandom(options.seed ?? 1);
  if (name === 'guide') {
    // The guide's single example: Neuron(3) on inputs [1, 2, 3]; target +1.
    return { name, dims: 3, count: 1, x: Float64Array.of(1, 2, 3), y: Float64Array.of(1) };
  }
  const x = new Float64Array(count * 2);
  const y = new Float64Array(count);
  const put = (i: number, px: number, py: number, label: number): void => {
    x[2 * i] = px + noise * random.gaussian();
    x[2 * i + 1] = py + noise * random.gaussian();
    y[i] = label;
  };
  const half = Math.floor(count / 2);
  for (let i = 0; i < count; i++) {
    const inner = i >= count - half; // second class: the last `half` points
    switch (name) {
      case 'moons': {
        // make_moons: outer half-circle, then inner half-circle shifted to (1, 0.5).
        const k = inner ? i - (count - half) : i;
        const n = inner ? half : count - half;
        const t = n > 1 ? (Math.PI * k) / (n - 1) : 0;
        if (inner) put(i, 1 - Math.cos(t), 0.5 - Math.sin(t), 1);
        else put(i, Math.cos(t), Math.sin(t), -1);
        break;
      }
      case 'circles': {
        const t = random.uniform(0, 2 * Math.PI);
        const r = inner ? 0.5 : 1;
        put(i, r * Math.cos(t), r * Math.sin(t), inner ? 1 : -1);
        break;
      }
      case 'xor': {
        const px = random.uniform(-1, 1);
        const py = random.uniform(-1, 1);
        put(i, px, py, px * py > 0 ? 1 : -1);
        break;
      }
      case 'spiral': {
        const k = inner ? i - (count - half) : i;
        const n = inner ? half : count - half;
        const r = (k / Math.max(n, 1)) * 1.0 + 0.05;
        const t = 1.75 * k * ((2 * Math.PI) / Math.max(n, 1)) + (inner ? Math.PI : 0);
        put(i, r * Math.sin(t), r * Math.cos(t), inner ? 1 : -1);
        break;
      }
    }
  }
  return { name, dims: 2, count, x, y };
}
