/**
 * The before-vs-after Web Worker: runs {@link CompareCore} one pair of samples at a time (each
 * a batch of steps lasting at least 100 ticks of this worker's clock), yielding between pairs through a MessageChannel so that `stop` and a new `start` get through,
 * and posts a summary about every 250 ms and when the run ends.
 */
import { CompareCore } from '../compare/compareCore';
import type { FromCompareWorker, ToCompareWorker } from '../compare/compareProtocol';
import type { LocalityTimes } from '../../core/baseline';

const SUMMARY_MS = 250;
const clock = () => performance.now();
const channel = new MessageChannel();
let core: CompareCore | null = null;
let locality: LocalityTimes | null = null;
let lastPost = 0;

const post = (): void => {
  if (!core) return;
  lastPost = clock();
  self.postMessage({ type: 'summary', summary: core.summary() } satisfies FromCompareWorker);
};

channel.port1.onmessage = () => {
  if (!core?.running) return;
  const more = core.pair();
  if (!more || clock() - lastPost >= SUMMARY_MS) post();
  if (more) channel.port2.postMessage(null);
  else if (!locality) {
    locality = core.measureLocality(); // once per worker, after the first run
    post();
  }
};

self.onmessage = (event: MessageEvent<ToCompareWorker>) => {
  const message = event.data;
  if (message.type === 'stop') {
    if (core && core.run === message.run) {
      core.stop();
      post();
    }
    return;
  }
  core = new CompareCore(message.run, message.workload, message.samples, clock, locality);
  post();
  channel.port2.postMessage(null);
};
