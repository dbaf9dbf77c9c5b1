import { describe, expect, it } from 'vitest';
import {
  GUIDE_EXAMPLE,
  applyUpdate,
  backwardNext,
  beginStep,
  createTrainer,
  endStep,
  runForward,
  type Trainer,
} from '../../../src/core';
import { CellKind } from '../../../src/core/inspect';
import { buildScene, sceneKey, type SceneSource } from '../../../src/viz/memory/scene';
import { SceneCache } from '../../../src/viz/memory/sceneCache';
import { DrawTimes } from '../../../src/viz/memory/drawTimes';
import { targetAt } from '../../../src/viz/memory/pointer';

function source(trainer: Trainer, step: SceneSource['step'], revealed?: number): SceneSource {
  const { memory, model, scratch } = trainer;
  return { memory, model, scratch, step, revealed: revealed ?? scratch.tapeLength };
}

describe('the memory scene through a phased step', () => {
  it('hides records the forward animation has not revealed, with the bump pointer there', () => {
    const trainer = createTrainer(GUIDE_EXAMPLE);
    const step = beginStep(trainer);
    runForward(step);
    const revealed = step.tapeStart + 4;
    const scene = buildScene(source(trainer, step, revealed));
    const scratch = scene.regions.find((r) => r.role === 'scratch')!;
    expect(scratch.map.top).toBe(trainer.scratch.tape[revealed]);
    expect(scratch.map.segments[0]).toEqual({
      start: trainer.scratch.base,
      end: trainer.scratch.tape[revealed],
      kind: CellKind.Record,
    });
    expect(scratch.cursor).toBe(-1);
    expect(scene.regions.map((r) => r.role)).toEqual(['model', 'scratch']);
  });

  it('walks the backward cursor down the tape, records above it visited', () => {
    const trainer = createTrainer(GUIDE_EXAMPLE);
    const step = beginStep(trainer);
    runForward(step);
    const tape = trainer.scratch.tape;
    let scratch = buildScene(source(trainer, step)).regions[1];
    expect(scratch.cursor).toBe(-1); // nothing visited yet
    expect(scratch.visitedFrom).toBe(Infinity);
    expect(backwardNext(step)).toBe(tape[step.lossEnd - 1]); // the sweep starts at the loss
    backwardNext(step);
    scratch = buildScene(source(trainer, step)).regions[1];
    expect(scratch.cursor).toBe(tape[step.lossEnd - 2]); // the node whose rule just ran
    expect(scratch.visitedFrom).toBe(tape[step.lossEnd - 2]);
    while (backwardNext(step) !== -1);
    scratch = buildScene(source(trainer, step)).regions[1];
    expect(scratch.cursor).toBe(tape[step.tapeStart]); // done: it ended at the first record
    expect(scratch.visitedFrom).toBe(tape[step.tapeStart]);
  });

  it('after the reset: scratch free again, high-water kept', () => {
    const trainer = createTrainer(GUIDE_EXAMPLE);
    const step = beginStep(trainer);
    runForward(step);
    while (backwardNext(step) !== -1);
    applyUpdate(step);
    const used = trainer.scratch.used;
    endStep(step);
    const scratch = buildScene(source(trainer, null)).regions[1];
    expect(scratch.map.top).toBe(trainer.scratch.base);
    expect(scratch.summary.highWater).toBe(used);
    expect(scratch.map.segments).toHaveLength(1);
  });

  it('rebuilds only when the engine moved; hover targets are record or array starts', () => {
    const trainer = createTrainer(GUIDE_EXAMPLE);
    const cache = new SceneCache();
    const a = cache.get(source(trainer, null));
    expect(cache.get(source(trainer, null))).toBe(a);
    const step = beginStep(trainer);
    runForward(step);
    const b = cache.get(source(trainer, step));
    expect(b).not.toBe(a);
    expect(b.regions[0].map).toBe(a.regions[0].map); // the model did not move: not reclassified
    expect(sceneKey(source(trainer, step))).toBe(b.key);
    const model = b.regions[0];
    const firstRecord = trainer.model.tape[0];
    expect(targetAt(model, firstRecord + 13)).toBe(firstRecord);
    expect(targetAt(model, trainer.model.base + 5)).toBe(trainer.model.base); // the weight array
    expect(targetAt(model, trainer.model.top + 64)).toBeNull();
  });
});

describe('draw times', () => {
  it('reports median and 95th percentile of the kept samples', () => {
    const times = new DrawTimes(100);
    for (let i = 1; i <= 200; i++) times.add(i);
    const s = times.summary();
    expect(s.draws).toBe(200);
    expect(s.median).toBe(151);
    expect(s.p95).toBe(196);
    expect(s.max).toBe(200);
    expect(JSON.parse(times.summaryJson())).toEqual({
      draws: 200,
      median: 151,
      p95: 196,
      max: 200,
    });
  });
});
