/**
 * The worker client: fast play (and training forward to a requested step) in a Web Worker that
 * runs the core's `trainStep`. Each run is numbered; what a superseded run still sends is
 * dropped here, so the rest of the session only sees batches of the run it asked for.
 */
import { readParameters, type GridSpec, type Trainer } from '../../core';
import type { FromWorker, ToWorker } from '../worker/protocol';

/** What fast play needs of a Worker (tests pass a fake that runs the worker core in-process). */
export interface WorkerPort {
  postMessage(message: ToWorker): void;
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null;
  terminate(): void;
}

/** One worker and the run it is on. */
export class FastPlay {
  /** `running`: batches arrive; `stopping`: paused, the last batch still to come. */
  state: 'idle' | 'running' | 'stopping' = 'idle';
  /** Whether the run is fast play (else training forward to a target step). */
  playing = false;
  /** The step the run started from. */
  startStep = 0;
  private worker: WorkerPort | null = null;
  private run = 0;

  constructor(
    private readonly createWorker: () => WorkerPort,
    /** Called with each batch of the current run. */
    private readonly onBatch: (message: FromWorker) => void,
  ) {}

  /** Starts a run from the trainer's state: until paused (`until` null) or until step `until`. */
  start(trainer: Trainer, grid: GridSpec | null, until: number | null): void {
    this.worker ??= this.connect();
    this.run++;
    this.startStep = trainer.step;
    this.worker.postMessage({
      type: 'load',
      run: this.run,
      settings: trainer.settings,
      step: trainer.step,
      weights: readParameters(trainer.memory, trainer.mlp),
      grid,
    });
    this.worker.postMessage({ type: 'start', run: this.run, until });
    this.state = 'running';
    this.playing = until === null;
  }

  /** Asks the worker to pause; its last batch (type `paused`) still comes. */
  pause(): void {
    this.worker?.postMessage({ type: 'pause', run: this.run });
    this.state = 'stopping';
  }

  /** Forgets the run: what it still sends is ignored. Returns whether one was going. */
  drop(): boolean {
    if (this.state === 'idle') return false;
    this.worker?.postMessage({ type: 'pause', run: this.run });
    this.run++;
    this.state = 'idle';
    return true;
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
  }

  private connect(): WorkerPort {
    const worker = this.createWorker();
    worker.onmessage = (event) => {
      const message = event.data;
      if (message.run !== this.run || this.state === 'idle') return;
      if (message.type === 'paused') this.state = 'idle';
      this.onBatch(message);
    };
    return worker;
  }
}
