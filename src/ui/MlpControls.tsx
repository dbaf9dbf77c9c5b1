import { useAppStore } from '../store/appStore';

/** MLP scenario: which datapoint is drawn, and which layers are collapsed. */
export function MlpControls() {
  const datapoint = useAppStore((s) => s.datapoint);
  const setDatapoint = useAppStore((s) => s.setDatapoint);
  const collapsed = useAppStore((s) => s.collapsedLayers);
  const toggleLayer = useAppStore((s) => s.toggleLayer);
  const layers = useAppStore((s) => s.training.hidden.length + 1);
  const last = useAppStore((s) => s.training.points - 1);
  return (
    <div className="mlp-controls">
      <label>
        datapoint{' '}
        <input
          data-testid="datapoint"
          type="number"
          min={0}
          max={last}
          value={datapoint}
          onChange={(e) => {
            const p = Math.round(Number(e.target.value));
            if (Number.isFinite(p)) setDatapoint(Math.max(0, Math.min(last, p)));
          }}
        />
      </label>
      {Array.from({ length: layers }, (_, l) => (
        <button
          key={l}
          data-testid={`layer-${l + 1}`}
          className={collapsed.includes(l) ? '' : 'active'}
          onClick={() => toggleLayer(l)}
          title={
            collapsed.includes(l)
              ? 'Expand this layer into its records'
              : 'Collapse this layer: one box per neuron'
          }
        >
          L{l + 1} {collapsed.includes(l) ? '▸' : '▾'}
        </button>
      ))}
    </div>
  );
}
