import { runLikePlayground, type PlaygroundLayout } from '../../core/exercises';
import { readSweepDrill, type SweepDrill } from '../../core/drills';
import { extractRange } from '../../viz/graph/extract';
import { nodeTitle } from '../../viz/graph/geometry';
import type { GraphSpec } from '../../viz/graph/spec';

/** The order drill of one graph: the checker's tape, and each node named as the graph names it. */
export interface OrderDrillData {
  readonly drill: SweepDrill;
  /** Each node's title on the graph (`out`, `× #3`, `const #2`), by stretch position. */
  readonly titles: readonly string[];
  /** The titles of each node's inputs on the graph (weights of the model arena included). */
  readonly uses: readonly (readonly string[])[];
}

/** Names the drill's nodes and their inputs from the graph `spec` drawn of the same records. */
export function nameDrill(drill: SweepDrill, spec: GraphSpec): OrderDrillData {
  const byAddress = new Map(spec.nodes.map((n) => [n.address, n]));
  const titleOf = (address: number, tapeIndex: number): string => {
    const node = byAddress.get(address);
    return node ? nodeTitle(node) : `#${tapeIndex}`;
  };
  return {
    drill,
    titles: drill.nodes.map((n) => titleOf(n.address, n.tapeIndex)),
    uses: drill.nodes.map((n) =>
      (byAddress.get(n.address)?.inputs ?? []).map((input) => nodeTitle(spec.nodes[input.node])),
    ),
  };
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
  return nameDrill(drill, spec);
}
