import { describe, expect, it } from 'vitest';
import { createTrainer, MICROGRAD_DEMO, trainStep, type TrainSettings } from '../../../src/core';
import { readParameters } from '../../../src/core/parameters';
import type { FromWorker } from '../../../src/session/worker/protocol';
import { WorkerCore } from '../../../src/session/worker/workerCore';

const SMALL: TrainSettings = { ...MICROGRAD_DEMO, points: 20, sizes: [2, 4, 1] };

/** A clock that advances 1 ms per reading. */
function ticking(start = 0): () => number {
  let t = start;
  return () => t++;
}

function load(core: WorkerCore, settings: TrainSettings, run = 1) {
  const trainer = createTrainer(settings);
  core.handle(
    {
      type: 'load',
      run,
      settings,
      step: 0,
      weights: readParameters(trainer.memory, trainer.mlp),
      grid: null,
    },
    0,
  );
}

/** Runs slices until the core stops; returns every message. */
function drain(core: WorkerCore): FromWorker[] {
  const out: FromWorker[] = [];
  const clock = ticking();
  while (core.running) out.push(...core.slice(clock, 20));
  return out;
}

describe('WorkerCore', () => {
  it('trains to a target step with the core’s numbers and batches every step', () => {
    const core = new WorkerCore();
    load(core, SMALL);
    core.handle({ type: 'start', run: 1, until: 130 }, 0);
    const messages = drain(core);
    const last = messages[messages.length - 1];
    expect(last.type).toBe('paused');
    expect(last.type === 'paused' && last.reason).toBe('target');
    expect(last.step).toBe(130);
    const losses = messages.flatMap((m) => [...m.losses]);
    const reference = createTrainer(SMALL);
    const expected = Array.from({ length: 130 }, () => trainStep(reference).loss);
    expect(losses).toEqual(expected);
    expect([...last.weights]).toEqual([...readParameters(reference.memory, reference.mlp)]);
    const p = reference.mlp.parameters.length;
    expect(last.snapshots.length).toBe(last.losses.length * p);
    expect([...last.snapshots.subarray(-p)]).toEqual([...last.weights]);
    expect(messages.some((m) => m.type === 'progress')).toBe(true);
  });

  it('pauses on request and ignores messages of another run', () => {
    const core = new WorkerCore();
    load(core, SMALL, 3);
    core.handle({ type: 'start', run: 3, until: null }, 0);
    core.slice(ticking(), 5);
    expect(core.handle({ type: 'pause', run: 2 }, 10)).toEqual([]);
    const [paused] = core.handle({ type: 'pause', run: 3 }, 10);
    expect(paused.type === 'paused' && paused.reason).toBe('pause');
    expect(paused.run).toBe(3);
    expect(core.running).toBe(false);
  });

  it('stops on divergence with the core’s message and the last good weights', () => {
    const settings: TrainSettings = { ...MICROGRAD_DEMO, loss: 'mse', l2: 0, learningRate: 100 };
    const core = new WorkerCore();
    load(core, settings);
    core.handle({ type: 'start', run: 1, until: null }, 0);
    const messages = drain(core);
    const last = messages[messages.length - 1];
    const reference = createTrainer(settings);
    let error = '';
    try {
      for (;;) trainStep(reference);
    } catch (e) {
      error = (e as Error).message;
    }
    expect(last.type === 'paused' && last.reason).toBe('error');
    expect(last.type === 'paused' && last.error).toBe(error);
    expect(last.step).toBe(reference.step);
    expect([...last.weights]).toEqual([...readParameters(reference.memory, reference.mlp)]);
  });
});
