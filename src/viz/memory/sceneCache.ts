/**
 * Keeps the last scene and rebuilds only what moved: a region is classified again only when its
 * arena's bump pointer, tape, resets or capacity change (or the forward animation reveals more),
 * not when only the backward cursor moves.
 */
import type { MemoryArena } from '../../core';
import { classifyRegion, type RegionMap } from '../../core/inspect';
import { buildScene, sceneKey, type MemoryScene, type SceneSource } from './scene';

export class SceneCache {
  private scene: MemoryScene | null = null;
  private maps = new Map<MemoryArena, { key: string; map: RegionMap }>();

  /** The scene for `source`, rebuilt only if its key changed. */
  get(source: SceneSource): MemoryScene {
    const key = sceneKey(source);
    if (this.scene !== null && this.scene.key === key && this.scene.memory === source.memory) {
      return this.scene;
    }
    this.scene = buildScene(source, (arena, tapeLength) =>
      this.classify(source, arena, tapeLength),
    );
    return this.scene;
  }

  /** Forgets everything (a new engine). */
  clear(): void {
    this.scene = null;
    this.maps.clear();
  }

  private classify(source: SceneSource, arena: MemoryArena, tapeLength: number): RegionMap {
    const key = `${arena.base}:${arena.capacity}:${arena.used}:${arena.tapeLength}:${arena.resets}:${arena.highWater}:${tapeLength}:${source.memory.size}`;
    const cached = this.maps.get(arena);
    if (cached !== undefined && cached.key === key) return cached.map;
    const map = classifyRegion(source.memory, arena, { tapeLength });
    this.maps.set(arena, { key, map });
    return map;
  }
}
