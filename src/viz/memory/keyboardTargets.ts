/**
 * Moving through the memory view by keyboard: from one target (a record, or a pointer array)
 * to the previous or next one in address order, or to the one a row above or below. Pure: it
 * reads the scene's region maps only.
 */
import { targetAt } from './pointer';
import type { MemoryScene, RegionScene } from './scene';

/** A move of the keyboard cursor. */
export type MemoryMove = 'previous' | 'next' | 'rowUp' | 'rowDown';

/** Smallest step between targets: pointer arrays are 4-byte aligned. */
const STEP = 4;

/**
 * The target after `from` for `move` (`rowBytes` is the view's row width), or `from` when there
 * is none that way. With no current target, the first target of the first region that has one.
 */
export function moveTarget(
  scene: MemoryScene,
  from: number | null,
  move: MemoryMove,
  rowBytes: number,
): number | null {
  const region = from === null ? undefined : regionOf(scene, from);
  if (from === null || region === undefined) return firstTarget(scene);
  const { base, top } = region.map;
  if (move === 'next' || move === 'previous') {
    const step = move === 'next' ? STEP : -STEP;
    for (let a = from + step; a >= base && a < top; a += step) {
      const target = targetAt(region, a);
      if (target !== null && target !== from) return target;
    }
    return from;
  }
  const a = from + (move === 'rowDown' ? rowBytes : -rowBytes);
  if (a < base || a >= top) return from;
  return targetAt(region, a) ?? nearestTarget(region, a) ?? from;
}

function regionOf(scene: MemoryScene, address: number): RegionScene | undefined {
  return scene.regions.find((r) => address >= r.map.base && address < r.map.end);
}

function firstTarget(scene: MemoryScene): number | null {
  for (const region of scene.regions) {
    const target = nearestTarget(region, region.map.base);
    if (target !== null) return target;
  }
  return null;
}

/** The first target at or after `address` in the region's used bytes, else the last before it. */
function nearestTarget(region: RegionScene, address: number): number | null {
  const { base, top } = region.map;
  for (let a = address; a < top; a += STEP) {
    const target = targetAt(region, a);
    if (target !== null) return target;
  }
  for (let a = address - STEP; a >= base; a -= STEP) {
    const target = targetAt(region, a);
    if (target !== null) return target;
  }
  return null;
}
