import { runLikePlayground, type PlaygroundLayout } from '../../core/exercises';
import { readSweepDrill, type SweepDrill } from '../../core/drills';
import { extractRange } from '../../viz/graph/extract';
import { nodeTitle } from '../../viz/graph/geometry';

/** The order drill of one program: the checker's tape, and each node named as the graph names it. */
export interface OrderDrillData {
  readonly drill: SweepDrill;
  /** Each node's title on the graph (`out`, `× #3`, `const #2`), by stretch position. */
  readonly titles: readonly string[];
}

/**
 * Runs `program` as the playground runs it (its own memory: the graph on screen is not
 * touched) and reads the drill from its tape. Throws the engine's errors (a program that does
 * not parse or does not fit).
 */
export function orderDrillOf(program: string, layout: PlaygroundLayout): OrderDrillData {
  const run = runLikePlayground(program, layout);
  const drill = readSweepDrill(run.scratch, 0, run.records.length);
  const spec = extractRange(run.scratch, 0, run.records.length, {
    key: `drill:${program}`,
    labels: run.labels,
  });
  const byAddress = new Map(spec.nodes.map((n) => [n.address, nodeTitle(n)]));
  return { drill, titles: drill.nodes.map((n) => byAddress.get(n.address) ?? `#${n.tapeIndex}`) };
}
