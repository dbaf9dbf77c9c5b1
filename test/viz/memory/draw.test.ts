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
import { TextPen } from '../../../src/viz/memory/textPen';

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

function drawAll(scene: MemoryScene, width: number, height: number, zoom: number, scale = 1) {
  const extents = scene.regions.map((r) => r.extent);
  const levels = zoomLevels(extents, width, height, scale);
  const level = levels[Math.min(zoom, levels.length - 1)];
  const layout = layoutMemory(extents, width, height, level, []);
  const recorder = recordingContext();
  const pen = new TextPen(recorder.ctx);
  scene.regions.forEach((region, i) => {
    drawRegionCells(pen, layout, i, region, scene.memory);
    drawHeader(pen, layout, layout.blocks[i], region);
    drawMarkers(recorder.ctx, layout, i, region);
  });
  return { ...recorder, layout, pen, levels };
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

describe('label sizes (presenter mode draws every label at least 16 px)', () => {
  const trainer = createTrainer(GUIDE_EXAMPLE);
  const scene = sceneAfterForward(trainer);
  /** The smallest font drawn, and how many labels, at each zoom of a 520 × 400 canvas. */
  const sizes = (scale: number) => {
    const count = drawAll(scene, 520, 400, 0, scale).levels.length;
    return Array.from({ length: count }, (_, zoom) => {
      const { pen, layout } = drawAll(scene, 520, 400, zoom, scale);
      return { smallest: pen.smallest, labels: pen.count, cellBytes: layout.level.cellBytes };
    });
  };

  it('normally: 12 px addresses, cell text from the field zoom on (the look kept)', () => {
    const all = sizes(1);
    expect(Math.min(...all.map((s) => s.smallest))).toBe(12);
    expect(all.at(-1)!.cellBytes).toBe(1);
  });

  it('at 16/12 scale: nothing under 16 px at any zoom, and cell text still drawn when close', () => {
    const all = sizes(16 / 12);
    for (const s of all) expect(s.smallest).toBeGreaterThanOrEqual(16);
    const deepest = all.at(-1)!;
    const regionLabels = 2 + 2; // two headers, at least one address per region
    expect(deepest.labels).toBeGreaterThan(regionLabels + 16); // and the bytes' hex
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
