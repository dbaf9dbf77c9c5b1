/**
 * What a heap chunk of the C++ "before" program holds: the codes of `ChunkKind` in
 * cpp/counting.h, which its kind table records for every allocation, and their names on screen.
 */
export const ChunkKind = {
  Engine: 1,
  Value: 2,
  Vector: 3,
  Function: 4,
  Table: 5,
} as const;

/** A kind code (0: a chunk the table does not name, such as a free one). */
export type ChunkKindCode = (typeof ChunkKind)[keyof typeof ChunkKind] | 0;

/** The name of each kind, as the heap view and its legend say it. */
export const CHUNK_KIND_NAMES: Readonly<Record<number, string>> = {
  [ChunkKind.Engine]: 'engine (model, data, lists)',
  [ChunkKind.Value]: 'Value + control block',
  [ChunkKind.Vector]: 'vector buffer (prev)',
  [ChunkKind.Function]: 'std::function storage',
  [ChunkKind.Table]: 'kind table (instrumentation)',
};

/** Chunk kinds the heap view draws, in legend order. */
export const DRAWN_KINDS = [
  ChunkKind.Value,
  ChunkKind.Vector,
  ChunkKind.Function,
  ChunkKind.Engine,
  ChunkKind.Table,
] as const;
