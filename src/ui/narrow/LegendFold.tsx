import { useState } from 'react';
import { Legend } from '../Legend';

/**
 * The narrow layout's legend: one button that opens it over the top of the graph and closes it,
 * so that the graph keeps the phone's height.
 */
export function LegendFold() {
  const [open, setOpen] = useState(false);
  return (
    <div className="legend-fold">
      <button
        type="button"
        aria-expanded={open}
        data-testid="legend-toggle"
        onClick={() => setOpen((shown) => !shown)}
      >
        Legend {open ? '▴' : '▾'}
      </button>
      {open && <Legend />}
    </div>
  );
}
