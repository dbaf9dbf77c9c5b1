import { useEffect, useState, type RefObject } from 'react';
import { hex } from '../../core';
import { useAppStore } from '../../store/appStore';
import { useSession } from '../SessionContext';
import { parameterValue } from './editWeights';
import { WeightInput } from './WeightInput';

interface Editing {
  address: number;
  label: string;
  initial: number;
  /** Where the node is on screen (client coordinates). */
  left: number;
  top: number;
}

/**
 * Double-click a model weight in the graph (`data-arena="model"`) to type a new value. Only
 * between steps; otherwise the error area says why.
 */
export function GraphWeightEditor({ svgRef }: { svgRef: RefObject<SVGSVGElement | null> }) {
  const session = useSession();
  const [editing, setEditing] = useState<Editing | null>(null);
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const onDoubleClick = (event: MouseEvent): void => {
      const node = (event.target as Element).closest('[data-testid="graph-node"]');
      if (!node || node.getAttribute('data-arena') !== 'model') return;
      if (node.getAttribute('data-kind') !== 'value') return;
      event.preventDefault();
      const address = Number(node.getAttribute('data-address'));
      const state = useAppStore.getState();
      const editable = session.weights.editable();
      if (!editable.ok)
        return state.setView({ error: `Cannot edit the weight: ${editable.reason}.` });
      if (!session.weights.isWeight(address)) return;
      const box = node.getBoundingClientRect();
      const name = node.querySelector('text.t1')?.textContent ?? '';
      setEditing({
        address,
        label: `${name} @ ${hex(address)}`,
        initial: parameterValue(editable.trainer, address),
        left: box.left,
        top: box.bottom + 4,
      });
    };
    svg.addEventListener('dblclick', onDoubleClick);
    return () => svg.removeEventListener('dblclick', onDoubleClick);
  }, [session, svgRef]);
  if (!editing) return null;
  const apply = (value: number): string | null => {
    const refused = session.weights.setWeight(editing.address, value);
    if (refused === null) setEditing(null);
    return refused;
  };
  return (
    <div className="weight-editor" style={{ left: editing.left, top: editing.top }}>
      <WeightInput
        key={editing.address}
        label={editing.label}
        initial={editing.initial}
        onApply={apply}
        onCancel={() => setEditing(null)}
      />
    </div>
  );
}
