import { gradientAt, hex, OP_INFO, valueAt } from '../core';
import { useAppStore } from '../store/appStore';
import { formatNumber } from '../viz/graph/numberFormat';
import { useSession } from './SessionContext';

/**
 * The graph as a table (`data-testid="graph-table"`): one row per drawn record — name, op,
 * value, gradient, arena, address — the text alternative to the drawing, for a screen reader
 * or anyone who wants the numbers in a column. Re-rendered with the memory while open.
 */
export function GraphTable() {
  const session = useSession();
  useAppStore((s) => s.memoryVersion);
  const spec = session.scenario?.spec;
  const memory = session.screen?.memory;
  if (!spec || !memory) return null;
  return (
    <div className="graph-table" data-testid="graph-table">
      <table>
        <caption>
          Records drawn in the graph, in tape order (parents before children). Model records are
          weights; scratch records are freed at the end of each step.
        </caption>
        <thead>
          <tr>
            <th scope="col">name</th>
            <th scope="col">op</th>
            <th scope="col">value</th>
            <th scope="col">gradient</th>
            <th scope="col">arena</th>
            <th scope="col">address</th>
          </tr>
        </thead>
        <tbody>
          {spec.nodes.map((node) => (
            <tr key={node.id}>
              <th scope="row">{node.label || (node.tapeIndex >= 0 ? `#${node.tapeIndex}` : '')}</th>
              <td>{node.kind === 'neuron' ? 'neuron' : (OP_INFO[node.op]?.name ?? '?')}</td>
              <td>{formatNumber(valueAt(memory, node.address))}</td>
              <td>{formatNumber(gradientAt(memory, node.address))}</td>
              <td>{node.arena}</td>
              <td>{hex(node.address)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
