/**
 * The training Web Worker: runs {@link WorkerCore} in time slices, yielding between them
 * through a MessageChannel (no timer clamping) so that `pause` and `load` get through.
 */
import { WorkerCore } from './workerCore';
import { transferables, type FromWorker, type ToWorker } from './protocol';

const SLICE_MS = 12;
const core = new WorkerCore();
const channel = new MessageChannel();
let scheduled = false;

const post = (messages: FromWorker[]): void => {
  for (const message of messages) self.postMessage(message, { transfer: transferables(message) });
};

const schedule = (): void => {
  if (core.running && !scheduled) {
    scheduled = true;
    channel.port2.postMessage(null);
  }
};

channel.port1.onmessage = () => {
  scheduled = false;
  post(core.slice(() => performance.now(), SLICE_MS));
  schedule();
};

self.onmessage = (event: MessageEvent<ToWorker>) => {
  post(core.handle(event.data, performance.now()));
  schedule();
};
