/**
 * What the heap engine allocates, counted by the engine itself at each allocation site: one
 * HeapValue per node, its gradient closures (the field's default `() => {}` and the op's own),
 * its parents array, and what a backward and a step make on top (the topological order, its
 * stack, the visited set's entries, the per-layer and per-batch arrays). Not counted: the
 * short-lived callbacks passed to `map`, and V8's own boxing of doubles, so the totals are a
 * floor on what the collector must free.
 */

/** Running totals since the program started. */
export interface HeapAllocations {
  /** HeapValue objects. */
  values: number;
  /** Closures (gradient functions). */
  closures: number;
  /** Arrays (parents lists, working lists). */
  arrays: number;
  /** Entries added to Sets (backward's visited set), and the Sets themselves. */
  setEntries: number;
}

/** The engine's counters (module state, as the engine's node counter). */
export const heapCounts: HeapAllocations = { values: 0, closures: 0, arrays: 0, setEntries: 0 };

/** A copy of the counters now. */
export function heapAllocationsNow(): HeapAllocations {
  return { ...heapCounts };
}

/** `after − before`, field by field. */
export function allocationsBetween(before: HeapAllocations, after: HeapAllocations) {
  return {
    values: after.values - before.values,
    closures: after.closures - before.closures,
    arrays: after.arrays - before.arrays,
    setEntries: after.setEntries - before.setEntries,
  };
}

/** Objects in all: values + closures + arrays + set entries. */
export function totalObjects(a: HeapAllocations): number {
  return a.values + a.closures + a.arrays + a.setEntries;
}
