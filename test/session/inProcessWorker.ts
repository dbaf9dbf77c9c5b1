/**
 * A fake of the training Web Worker for node tests: the real worker core, run in-process. What
 * the page posts is handled at once; `pump` runs the worker's time slices (on a fake clock that
 * advances 5 ms per reading) and delivers what they post, until the run stops or `max`
 * slices have run.
 */
import type { WorkerPort } from '../../src/session/training/fastPlay';
import type { FromWorker, ToWorker } from '../../src/session/worker/protocol';
import { WorkerCore } from '../../src/session/worker/workerCore';

export interface InProcessWorker extends WorkerPort {
  readonly core: WorkerCore;
  /** Messages posted to the worker, in order. */
  readonly received: ToWorker[];
  /** Runs slices until the worker stops running (or `max` slices); returns the slices run. */
  pump(max?: number): number;
}

export function inProcessWorker(msPerSlice = 50): InProcessWorker {
  const core = new WorkerCore();
  let now = 0;
  const received: ToWorker[] = [];
  const worker: InProcessWorker = {
    core,
    received,
    onmessage: null,
    postMessage(message) {
      received.push(message);
      deliver(core.handle(message, now));
    },
    terminate() {},
    pump(max = 1000) {
      let slices = 0;
      while (core.running && slices < max) {
        // Each reading of the clock is 5 ms later: about msPerSlice / 5 steps per slice.
        deliver(core.slice(() => (now += 5), msPerSlice));
        slices++;
      }
      return slices;
    },
  };
  function deliver(messages: FromWorker[]): void {
    for (const data of messages) worker.onmessage?.({ data } as MessageEvent<FromWorker>);
  }
  return worker;
}
