import { describe, expect, it } from 'vitest';
import {
  DivergenceError,
  KB,
  MICROGRAD_DEMO,
  Memory,
  checkLoss,
  countCorrect,
  createValue,
  fillReport,
  initialReport,
  stageUpdate,
  writeStaged,
} from '../../../src/core';
import { createHeapTrainer, heapTrainStep } from '../../../src/core/baseline';

describe('one step’s bookkeeping', () => {
  it('counts a point right when its score has its label’s sign (0 counts as negative)', () => {
    expect(countCorrect([0.5, -2, 0, 3], [1, -1, -1, -1], 4)).toBe(3);
    expect(countCorrect([0.5, -2, 0, 3], [1, -1, -1, -1], 2)).toBe(2);
  });

  it('lets a finite loss within the limit pass, and stops NaN, ±Infinity and a blow-up', () => {
    expect(() => checkLoss(1e6, 1e6, 0)).not.toThrow();
    for (const loss of [NaN, Infinity, -Infinity, 2e6]) {
      expect(() => checkLoss(loss, 1e6, 4)).toThrow(DivergenceError);
    }
    expect(() => checkLoss(2e6, 1e6, 4)).toThrow(/step 4: the loss reached 2\.00e\+6/);
  });

  it('names the first node past the limit when given a tape, none without', () => {
    const scratch = new Memory().addArena('scratch', KB(1));
    createValue(scratch, 1);
    createValue(scratch, 5e6);
    const withTape = () => checkLoss(5e6, 1e6, 0, scratch, 0);
    expect(withTape).toThrow(/node #1 \(leaf at 0x[0-9a-f]+\) is the first value past it/);
    const withoutTape = (() => {
      try {
        checkLoss(NaN, 1e6, 0);
      } catch (error) {
        return error as DivergenceError;
      }
    })();
    expect(withoutTape?.address).toBe(0);
    expect(withoutTape?.tapeIndex).toBe(-1);
  });

  it('stages SGD without writing, and writes nothing if one value is not finite', () => {
    const memory = new Memory();
    const model = memory.addArena('model', KB(1));
    const w = [createValue(model, 1), createValue(model, 2)].map((h) => h >>> 0);
    memory.f64[(w[0] >> 3) + 1] = 0.5;
    memory.f64[(w[1] >> 3) + 1] = -1;
    const parameters = Uint32Array.from(w);
    const staged = new Float64Array(2);
    stageUpdate(memory.f64, parameters, 0.1, staged, model, 0);
    expect(Array.from(staged)).toEqual([1 - 0.1 * 0.5, 2 + 0.1]);
    expect(memory.f64[w[0] >> 3]).toBe(1);
    writeStaged(memory.f64, parameters, staged);
    expect(memory.f64[w[1] >> 3]).toBe(2 + 0.1);
    memory.f64[(w[1] >> 3) + 1] = Infinity;
    expect(() => stageUpdate(memory.f64, parameters, 0.1, staged, model, 3)).toThrow(
      /step 3: the model weight at 0x[0-9a-f]+ would become -Infinity/,
    );
  });

  it('fills the report', () => {
    const report = initialReport(MICROGRAD_DEMO, 0);
    fillReport(report, 7, 0.25, 3, 4, 100, 3200, 640, 0.5);
    expect(report).toEqual({
      step: 7,
      loss: 0.25,
      accuracy: 0.75,
      nodes: 100,
      scratchBytes: 3200,
      modelBytes: 640,
      learningRate: 0.5,
    });
  });

  it('gives the heap engine the same divergence message, without a node to name', () => {
    const heap = createHeapTrainer({ ...MICROGRAD_DEMO, learningRate: 100 });
    let error: unknown;
    for (let k = 0; k < 10 && error === undefined; k++) {
      try {
        heapTrainStep(heap);
      } catch (e) {
        error = e;
      }
    }
    expect(error).toBeInstanceOf(DivergenceError);
    expect((error as Error).message).toMatch(
      /^training diverged at step \d+: the loss reached .*, past the limit of 1e\+6: training is blowing up\. The weights were not updated\.$/,
    );
  });
});
