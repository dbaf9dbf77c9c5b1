/**
 * What the memory view draws, derived from the live engine: each region's runs of records,
 * arrays, padding and free space, and where the bump pointer, the checkpoints, the high-water
 * mark and the backward cursor stand. Rebuilt only when the engine's state moves (its `key`
 * changes); the bytes themselves are read from memory in place while drawing.
 */
import type { Memory, MemoryArena, StepWindow } from '../../core';
import {
  classifyRegion,
  describeRegion,
  type RegionMap,
  type RegionSummary,
} from '../../core/inspect';
import type { RegionExtent } from './memoryLayout';

/** The part of the live engine the memory view reads. */
export interface SceneSource {
  readonly memory: Memory;
  readonly model: MemoryArena;
  readonly scratch: MemoryArena;
  readonly step: StepWindow | null;
  readonly revealed: number;
  /**
   * Scratch bytes in use once the step on screen has pushed everything (known ahead from a
   * probe, or from the last step): the view picks its zoom for that, so the grid keeps its row
   * width through a step. 0 when unknown.
   */
  readonly plannedScratchBytes?: number;
}

/** One region, ready to draw. */
export interface RegionScene {
  readonly extent: RegionExtent;
  /** Which arena: colours model and scratch records apart. */
  readonly role: 'model' | 'scratch';
  readonly map: RegionMap;
  readonly summary: RegionSummary;
  /**
   * Records at or above this address have been visited by the backward sweep in progress
   * (Infinity when no sweep is under way).
   */
  readonly visitedFrom: number;
  /** Address of the record the sweep visited last (its rule just ran), or -1 before it starts. */
  readonly cursor: number;
  /** Bytes the region will use at the peak of the step on screen (for the zoom), if known. */
  readonly planned: number;
}

/** Both regions. */
export interface MemoryScene {
  readonly memory: Memory;
  readonly debug: boolean;
  readonly regions: readonly RegionScene[];
  /** Changes whenever anything drawn from the scene would change. */
  readonly key: string;
}

/** A string that changes whenever the scene built from `source` would. Cheap. */
export function sceneKey(source: SceneSource): string {
  const { model, scratch, step } = source;
  const arenaKey = (a: MemoryArena) =>
    `${a.base}:${a.capacity}:${a.used}:${a.tapeLength}:${a.resets}:${a.highWater}:${a.checkpoints.length}`;
  const stepKey = step ? `${step.phase}:${step.backwardCursor}` : '-';
  return `${arenaKey(model)}|${arenaKey(scratch)}|${source.revealed}|${stepKey}|${source.memory.size}`;
}

/** Classifies `arena`, treating only its first `tapeLength` records as pushed. */
export type Classify = (arena: MemoryArena, tapeLength: number) => RegionMap;

/** Builds the scene: classifies both regions (O(records) plus a scan of freed bytes in debug). */
export function buildScene(
  source: SceneSource,
  classify: Classify = (arena, tapeLength) => classifyRegion(source.memory, arena, { tapeLength }),
): MemoryScene {
  const { memory, model, scratch } = source;
  const regions = [
    regionScene(source, model, 'model', classify),
    regionScene(source, scratch, 'scratch', classify),
  ];
  regions.sort((a, b) => a.extent.base - b.extent.base);
  return { memory, debug: memory.debug, regions, key: sceneKey(source) };
}

function regionScene(
  source: SceneSource,
  arena: MemoryArena,
  role: 'model' | 'scratch',
  classify: Classify,
): RegionScene {
  const { step, revealed } = source;
  const hides = role === 'scratch' && revealed < arena.tapeLength;
  const map = classify(arena, hides ? revealed : arena.tapeLength);
  let visitedFrom = Infinity;
  let cursor = -1;
  const sweeping =
    role === 'scratch' &&
    step !== null &&
    (step.phase === 'loss' || step.phase === 'backward') &&
    !hides &&
    step.lossEnd > step.tapeStart;
  if (sweeping) {
    // The sweep has visited tape indices (backwardCursor, lossEnd); the last one visited is
    // the current node (its rule just ran), as the graph and the chain-rule panel show it.
    const last = step.backwardCursor + 1;
    if (last < step.lossEnd) {
      visitedFrom = arena.tape[Math.max(last, step.tapeStart)];
      if (last >= step.tapeStart) cursor = arena.tape[last];
    }
  }
  return {
    extent: { name: arena.name, base: arena.base, capacity: arena.capacity },
    role,
    map,
    summary: describeRegion(arena),
    visitedFrom,
    cursor,
    planned: role === 'scratch' ? (source.plannedScratchBytes ?? 0) : 0,
  };
}
