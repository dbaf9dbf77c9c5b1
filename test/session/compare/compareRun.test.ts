import { describe, expect, it } from 'vitest';
import { CompareCore } from '../../../src/session/compare/compareCore';
import type {
  FromCompareWorker,
  ToCompareWorker,
} from '../../../src/session/compare/compareProtocol';
import { CompareRun, type CompareWorkerPort } from '../../../src/session/compare/compareRun';

/** A worker that runs the real core in process, a pair per `tick()`. */
class InProcessCompareWorker implements CompareWorkerPort {
  onmessage: ((event: MessageEvent<FromCompareWorker>) => void) | null = null;
  core: CompareCore | null = null;
  terminated = false;
  postMessage(message: ToCompareWorker): void {
    if (message.type === 'start')
      this.core = new CompareCore(message.run, message.workload, message.samples, () =>
        performance.now(),
      );
    else this.core?.stop();
    this.send();
  }
  tick(): void {
    this.core?.pair();
    this.send();
  }
  terminate(): void {
    this.terminated = true;
  }
  private send(): void {
    if (!this.core) return;
    const data: FromCompareWorker = { type: 'summary', summary: this.core.summary() };
    this.onmessage?.({ data } as MessageEvent<FromCompareWorker>);
  }
}

describe('CompareRun', () => {
  it('starts on entering, keeps the latest summary, ignores a superseded run, ends on leaving', () => {
    const workers: InProcessCompareWorker[] = [];
    const run = new CompareRun(() => {
      const worker = new InProcessCompareWorker();
      workers.push(worker);
      return worker;
    });
    let notified = 0;
    run.subscribe(() => notified++);
    run.enter();
    expect(workers).toHaveLength(1);
    workers[0].tick();
    expect(run.getSummary()?.samples).toBe(0); // the first pair warms up and calibrates
    workers[0].tick();
    expect(run.getSummary()?.samples).toBe(1);
    const stale = workers[0].core!;
    run.start({ kind: 'neuron', points: 1 });
    stale.pair();
    workers[0].onmessage?.({
      data: { type: 'summary', summary: stale.summary() },
    } as MessageEvent<FromCompareWorker>);
    expect(run.getSummary()?.workload.kind).toBe('neuron');
    expect(notified).toBeGreaterThan(2);
    run.leave();
    expect(workers[0].terminated).toBe(true);
    run.enter();
    expect(workers).toHaveLength(2);
  });
});
