/** What a pointer over the memory view points at. */
import { CellKind, recordStartAt, segmentAt } from '../../core/inspect';
import type { RegionScene } from './scene';

/**
 * The address a hover or click on byte `address` stands for: the start of the record holding
 * it, the start of the pointer array holding it, or null over padding and free space.
 */
export function targetAt(region: RegionScene, address: number): number | null {
  const record = recordStartAt(region.map, address);
  if (record !== undefined) return record;
  const segment = segmentAt(region.map, address);
  if (segment !== undefined && segment.kind === CellKind.Pointers) return segment.start;
  return null;
}
