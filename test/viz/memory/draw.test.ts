import { describe, expect, it } from 'vitest';
import {
  GUIDE_EXAMPLE,
  MICROGRAD_DEMO,
  beginStep,
  createTrainer,
  runForward,
  type Trainer,
} from '../../../src/core';
import { drawRegionCells } from '../../../src/viz/memory/drawCells';
import { drawHeader, drawMarkers, highlightRange } from '../../../src/viz/memory/drawMarkers';
import { bytePosition, layoutMemory, zoomLevels } from '../../../src/viz/memory/memoryLayout';
import { buildScene, type MemoryScene } from '../../../src/viz/memory/scene';

/** A 2D context that records the calls the drawing code makes. */
function recordingContext() {
  const calls: { name: string; args: unknown[] }[] = [];
  const ctx = new Proxy(
    {},
    {
      get:
        (_target, name: string) =>
        (...args: unknown[]) => {
          calls.push({ name, args });
        },
      set: () => true,
    },
  ) as unknown as CanvasRenderingContext2D;
  const count = (name: string) => calls.filter((c) => c.name === name).length;
  return { ctx, calls, count };
}

function sceneAfterForward(trainer: Trainer): MemoryScene {
  const step = beginStep(trainer);
  runForward(step);
  const { memory, model, scratch } = trainer;
  return buildScene({ memory, model, scratch, step, revealed: scratch.tapeLength });
}

function drawAll(scene: MemoryScene, width: number, height: number, zoom: number) {
  const extents = scene.regions.map((r) => r.extent);
  const levels = zoomLevels(extents, width, height);
  const level = levels[Math.min(zoom, levels.length - 1)];
  const layout = layoutMemory(extents, width, height, level, []);
  const recorder = recordingContext();
  scene.regions.forEach((region, i) => {
    drawRegionCells(recorder.ctx, layout, i, region, scene.memory);
    drawHeader(recorder.ctx, layout, layout.blocks[i], region);
    drawMarkers(recorder.ctx, layout, i, region);
  });
  return { ...recorder, layout };
}

describe('drawing the MLP step (65,481 records)', () => {
  const trainer = createTrainer(MICROGRAD_DEMO);
  const scene = sceneAfterForward(trainer);

  it('fills runs, not cells: a few hundred rectangles for the whole memory', () => {
    expect(trainer.scratch.tapeLength).toBe(65_481);
    const { count } = drawAll(scene, 480, 300, 0);
    expect(count('fillRect')).toBeLessThan(1000);
    expect(count('fillText')).toBeLessThan(100);
  });

  it('draws the bytes as hex at the deepest zoom, read from memory', () => {
    const { calls, layout } = drawAll(scene, 480, 300, 99);
    expect(layout.level.cellBytes).toBe(1);
    const texts = calls.filter((c) => c.name === 'fillText').map((c) => c.args[0]);
    const first = trainer.model.base;
    expect(texts).toContain(trainer.memory.u8[first].toString(16).padStart(2, '0'));
    expect(texts.length).toBeGreaterThan(layout.level.rowBytes);
  });
});

describe('highlights', () => {
  it('outlines a whole record for any byte of it, and a whole pointer array', () => {
    const trainer = createTrainer(GUIDE_EXAMPLE);
    const scene = sceneAfterForward(trainer);
    const model = scene.regions[0];
    const record = trainer.model.tape[1];
    expect(highlightRange(model, record + 20)).toEqual({ start: record, end: record + 32 });
    expect(highlightRange(model, trainer.model.base + 4)).toEqual({
      start: trainer.model.base,
      end: trainer.model.base + 12,
    });
    const { layout } = drawAll(scene, 480, 300, 3);
    const p = bytePosition(layout, 0, record);
    expect(p.x).toBeGreaterThanOrEqual(layout.cellsX);
  });
});
