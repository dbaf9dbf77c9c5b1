/**
 * Messages between the page and the C++ worker (`worker/cppWorker.ts`): the five engines timed
 * in one interleaved run (the guide's C++ before and after, compiled to WebAssembly; this
 * engine in TypeScript and in its Wasm kernel; the JavaScript heap engine), and the heap lab
 * (the before program's real heap, walked step by step, beside the after program's arena).
 * Plain data only; every message carries its run id.
 */

/** What the engines train: micrograd's demo (2-16-16-1, 100 moons) or the guide's neuron. */
export type CppWorkloadKind = 'demo' | 'neuron';

/** The five engines, in the order a round runs them. */
export const CPP_ENGINES = ['cppBefore', 'cppAfter', 'ts', 'wasm', 'heap'] as const;
export type CppEngineId = (typeof CPP_ENGINES)[number];

/** Rounds before timing counts: V8 optimises, and the batches find their size. */
export const WARMUP_ROUNDS = 2;

/** One engine's numbers after a run (or so far). */
export interface CppEngineRow {
  readonly id: CppEngineId;
  /** µs per step: median, 10th and 90th percentile over the measured rounds. */
  readonly medianUs: number;
  readonly p10Us: number;
  readonly p90Us: number;
  /** Steps this engine ran per round (timed as a batch: browsers coarsen the clock). */
  readonly batch: number;
  readonly steps: number;
  /** C++ only (operator new / delete, counted by the module); null for the others. */
  readonly mallocsPerStep: number | null;
  readonly freesPerStep: number | null;
  /** C++: bytes of the heap chunks in use after the last step; arena engines: arena bytes. */
  readonly liveBytes: number | null;
  /** Change of `liveBytes` per step over the run. */
  readonly growthPerStep: number | null;
  /** JS heap engine: the JS objects its last step made (counted by the engine). */
  readonly objectsPerStep: number | null;
  /** Steps whose loss equals the TypeScript engine's at the same step, bit for bit, of `compared`. */
  readonly equalLosses: number;
  readonly compared: number;
  readonly lastLoss: number;
}

/** A median over rounds of the ratio of two engines timed side by side. */
export interface CppPairRatio {
  readonly slower: CppEngineId;
  readonly faster: CppEngineId;
  readonly ratio: number;
}

/** The timing run as the page shows it. */
export interface CppTimingSummary {
  readonly run: number;
  readonly kind: CppWorkloadKind;
  readonly rounds: number;
  readonly target: number;
  readonly running: boolean;
  readonly nodes: number;
  readonly rows: CppEngineRow[];
  readonly ratios: CppPairRatio[];
  readonly timerResolutionUs: number;
  readonly error: string | null;
}

/** Kind of each chunk kind's bytes in use, for the legend. */
export interface CppKindTotal {
  readonly kind: number;
  readonly chunks: number;
  readonly bytes: number;
}

/** The before program's heap at one moment, drawn to scale (see viz/cppHeap/heapRaster.ts). */
export interface CppHeapPicture {
  readonly label: string;
  /** "N chunks, M in use, K free, T bytes". */
  readonly summary: string;
  /** One code per cell: a chunk kind (1–5), 6 free, 0 past the heap; +8 where a chunk starts. */
  readonly cells: Uint8Array;
  readonly columns: number;
  readonly bytesPerCell: number;
  readonly inUse: CppKindTotal[];
  readonly freeChunks: number;
  readonly freeBytes: number;
  readonly topBytes: number;
  readonly memoryBytes: number;
}

/** The after program's scratch arena after a step. */
export interface CppArenaPicture {
  readonly valueBytes: number;
  readonly highWater: number;
  readonly used: number;
  readonly capacity: number;
  readonly mallocsPerStep: number;
}

/** The heap lab as the page shows it. */
export interface CppLabSummary {
  readonly run: number;
  readonly kind: CppWorkloadKind;
  readonly captureSelf: boolean;
  readonly steps: number;
  /** The heap while the last step's graph was alive, and after the step. */
  readonly during: CppHeapPicture | null;
  readonly after: CppHeapPicture;
  /** Live bytes the last step left behind (0 without the leak), mallocs and frees it made. */
  readonly growthLastStep: number;
  readonly mallocsLastStep: number;
  readonly freesLastStep: number;
  /** Value chunks in use now, and the 4 (or 337) of them that are weights. */
  readonly valueChunks: number;
  readonly weightValues: number;
  readonly arena: CppArenaPicture;
  /** Why the lab stopped (the heap budget), or null. */
  readonly stopped: string | null;
}

/** Page → worker. */
export type ToCppWorker =
  | { type: 'time'; run: number; kind: CppWorkloadKind; rounds: number }
  | { type: 'stopTime'; run: number }
  | { type: 'lab'; run: number; kind: CppWorkloadKind; captureSelf: boolean }
  | { type: 'labStep'; run: number; steps: number };

/** Worker → page. */
export type FromCppWorker =
  | { type: 'timing'; summary: CppTimingSummary }
  | { type: 'lab'; summary: CppLabSummary }
  | { type: 'failed'; run: number; message: string };
