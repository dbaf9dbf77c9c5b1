/**
 * The page's side of the C++ comparison: owns the C++ worker (made on first use, ended when the
 * panel leaves), starts and stops the five-engine timing run, drives the heap lab, and keeps
 * the latest summaries for the panels, which subscribe to them (React renders a few times a
 * second at most, never per step).
 */
import type {
  CppLabSummary,
  CppTimingSummary,
  CppWorkloadKind,
  FromCppWorker,
  ToCppWorker,
} from './cppProtocol';

/** The worker as the run uses it (a real Worker in the page, a fake in tests). */
export interface CppWorkerPort {
  postMessage(message: ToCppWorker): void;
  onmessage: ((event: MessageEvent<FromCppWorker>) => void) | null;
  terminate(): void;
}

/** Rounds of the timing run (each engine runs a batch of a few ms per round). */
export const CPP_TIMING_ROUNDS = 15;

const createCppWorker = (): CppWorkerPort =>
  new Worker(new URL('../worker/cppWorker.ts', import.meta.url), {
    type: 'module',
  }) as unknown as CppWorkerPort;

/** The C++ timing run and heap lab on screen. */
export class CppCompareRun {
  timing: CppTimingSummary | null = null;
  lab: CppLabSummary | null = null;
  /** The last failure (a module that could not load, a step that threw), or null. */
  error: string | null = null;
  kind: CppWorkloadKind = 'demo';
  labKind: CppWorkloadKind = 'neuron';
  captureSelf = true;
  private worker: CppWorkerPort | null = null;
  private timingRun = 0;
  private labRun = 0;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly createWorker: () => CppWorkerPort = createCppWorker) {}

  /** Starts (or restarts) the timing run on `kind`. */
  startTiming(kind: CppWorkloadKind = this.kind): void {
    this.kind = kind;
    this.timingRun++;
    this.timing = null;
    this.error = null;
    this.port().postMessage({ type: 'time', run: this.timingRun, kind, rounds: CPP_TIMING_ROUNDS });
    this.notify();
  }

  stopTiming(): void {
    this.worker?.postMessage({ type: 'stopTime', run: this.timingRun });
  }

  /** A fresh lab: `kind`'s model, lambdas capturing their node or not. */
  resetLab(kind: CppWorkloadKind = this.labKind, captureSelf = this.captureSelf): void {
    this.labKind = kind;
    this.captureSelf = captureSelf;
    this.labRun++;
    this.lab = null;
    this.error = null;
    this.port().postMessage({ type: 'lab', run: this.labRun, kind, captureSelf });
    this.notify();
  }

  /** `steps` more lab steps (the lab stops itself at the heap budget). */
  stepLab(steps = 1): void {
    if (this.lab === null) return;
    this.port().postMessage({ type: 'labStep', run: this.labRun, steps });
  }

  /** The panel came on screen: a lab to look at (the timing run waits for its button). */
  enter(): void {
    if (this.lab === null) this.resetLab();
  }

  /** The panel left: the worker is ended; its numbers stay until the next start. */
  leave(): void {
    this.worker?.terminate();
    this.worker = null;
    if (this.timing?.running) this.timing = { ...this.timing, running: false };
    this.lab = null;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getTiming = (): CppTimingSummary | null => this.timing;
  getLab = (): CppLabSummary | null => this.lab;
  getError = (): string | null => this.error;

  private port(): CppWorkerPort {
    if (this.worker === null) {
      const worker = this.createWorker();
      worker.onmessage = (event) => this.receive(event.data);
      this.worker = worker;
    }
    return this.worker;
  }

  private receive(message: FromCppWorker): void {
    if (message.type === 'timing') {
      if (message.summary.run !== this.timingRun) return;
      this.timing = message.summary;
    } else if (message.type === 'lab') {
      if (message.summary.run !== this.labRun) return;
      this.lab = message.summary;
    } else {
      this.error = message.message;
    }
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
