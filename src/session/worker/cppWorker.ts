/**
 * The C++ Web Worker: the five-engine timing run ({@link CppTimingCore}), one engine's batch at
 * a time, yielding between batches through a MessageChannel so that `stopTime` gets through,
 * with a summary about every 250 ms; and the heap lab ({@link CppHeapLab}), stepped on request.
 * The WebAssembly modules are compiled here, never on the page's main thread.
 */
import { CppHeapLab } from '../compare/cppHeapLab';
import type { FromCppWorker, ToCppWorker } from '../compare/cppProtocol';
import { CppTimingCore } from '../compare/cppTimingCore';
import { timerResolution } from '../compare/compareCore';

const SUMMARY_MS = 250;
const clock = () => performance.now();
const channel = new MessageChannel();
let timing: CppTimingCore | null = null;
let lab: CppHeapLab | null = null;
let lastPost = 0;

const send = (message: FromCppWorker): void => self.postMessage(message);
const postTiming = (): void => {
  if (!timing) return;
  lastPost = clock();
  send({ type: 'timing', summary: timing.summary() });
};

channel.port1.onmessage = () => {
  if (!timing?.running) return;
  const more = timing.batch();
  if (!more || clock() - lastPost >= SUMMARY_MS) postTiming();
  if (more) channel.port2.postMessage(null);
};

self.onmessage = (event: MessageEvent<ToCppWorker>) => {
  const message = event.data;
  try {
    if (message.type === 'time') {
      timing = new CppTimingCore(
        message.run,
        message.kind,
        message.rounds,
        clock,
        timerResolution(clock) * 1000,
      );
      postTiming();
      channel.port2.postMessage(null);
    } else if (message.type === 'stopTime') {
      if (timing && timing.run === message.run) {
        timing.stop();
        postTiming();
      }
    } else if (message.type === 'lab') {
      lab = new CppHeapLab(message.run, message.kind, message.captureSelf);
      send({ type: 'lab', summary: lab.summary() });
    } else if (lab && lab.run === message.run) {
      for (let k = 0; k < message.steps && lab.step(); k++);
      send({ type: 'lab', summary: lab.summary() });
    }
  } catch (error) {
    send({
      type: 'failed',
      run: message.run,
      message: error instanceof Error ? error.message : String(error),
    });
  }
};
