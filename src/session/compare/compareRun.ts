/**
 * The page's side of the before-vs-after measurement: owns the worker (made on first use),
 * starts and stops runs, and keeps the latest summary for the panels, which subscribe to it
 * (a few updates a second: React never renders per step).
 */
import type {
  CompareSummary,
  CompareWorkload,
  FromCompareWorker,
  ToCompareWorker,
} from './compareProtocol';

/** The worker as the run uses it (a real Worker in the page, a fake in tests). */
export interface CompareWorkerPort {
  postMessage(message: ToCompareWorker): void;
  onmessage: ((event: MessageEvent<FromCompareWorker>) => void) | null;
  terminate(): void;
}

/** Samples each engine times in one run (a sample batches steps until it lasts 100 ticks). */
export const COMPARE_SAMPLES = 200;

/** The default workload: micrograd's demo batch (100 moons), where the difference is large. */
export const DEFAULT_WORKLOAD: CompareWorkload = { kind: 'demo', points: 100 };

const createCompareWorker = (): CompareWorkerPort =>
  new Worker(new URL('../worker/compareWorker.ts', import.meta.url), {
    type: 'module',
  }) as unknown as CompareWorkerPort;

/** One comparison at a time, and its latest summary. */
export class CompareRun {
  summary: CompareSummary | null = null;
  workload: CompareWorkload = DEFAULT_WORKLOAD;
  private worker: CompareWorkerPort | null = null;
  private run = 0;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly createWorker: () => CompareWorkerPort = createCompareWorker) {}

  /** Starts (or restarts) a run of `workload`. */
  start(workload: CompareWorkload = this.workload): void {
    this.workload = workload;
    this.worker ??= this.connect();
    this.run++;
    this.summary = null;
    this.worker.postMessage({ type: 'start', run: this.run, workload, samples: COMPARE_SAMPLES });
    this.notify();
  }

  /** Stops the run where it is (its numbers stay on screen). */
  stop(): void {
    this.worker?.postMessage({ type: 'stop', run: this.run });
  }

  /** The panel came on screen: start a run (the worker was ended when it left). */
  enter(): void {
    if (this.worker === null) this.start();
  }

  /** The panel left the screen: the worker is ended (a later `start` makes a new one). */
  leave(): void {
    this.worker?.terminate();
    this.worker = null;
    if (this.summary?.running) this.summary = { ...this.summary, running: false };
  }

  /** For `useSyncExternalStore`. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSummary = (): CompareSummary | null => this.summary;

  private connect(): CompareWorkerPort {
    const worker = this.createWorker();
    worker.onmessage = (event) => {
      const { summary } = event.data;
      if (summary.run !== this.run) return;
      this.summary = summary;
      this.notify();
    };
    return worker;
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
