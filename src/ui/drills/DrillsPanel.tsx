import { useRef, useState } from 'react';
import { OrderDrill, type DrillSource } from './OrderDrill';
import { PlaceDrill } from './PlaceDrill';
import './drills.css';

type Drill = 'order' | 'place';

/**
 * "Be the engine": a button (`data-testid="drills"`) beside the playground's Exercises, and in
 * the guide's graph bar, that opens the two graded drills in a native modal `<dialog>` (`drill-dialog`; Esc closes it and
 * the focus goes back). The dialog's opaque backdrop hides the graph, so nothing on screen
 * gives the sweep's order away while a drill runs.
 */
export function DrillsPanel({ source }: { source: DrillSource }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [drill, setDrill] = useState<Drill | null>(null);
  const open = (): void => {
    setDrill(null);
    dialog.current?.showModal();
    dialog.current?.querySelector<HTMLElement>('[data-testid="drill-choose-order"]')?.focus();
  };
  const choose = (which: Drill): void => {
    setDrill(which);
    // After React has drawn the drill: the focus goes to its first control.
    requestAnimationFrame(() =>
      dialog.current?.querySelector<HTMLElement>('.drill [tabindex="0"], .drill button')?.focus(),
    );
  };
  return (
    <>
      <button
        type="button"
        data-testid="drills"
        aria-haspopup="dialog"
        title="Be the engine: two graded drills"
        onClick={open}
      >
        Be the engine…
      </button>
      <dialog
        ref={dialog}
        className="drill-dialog"
        data-testid="drill-dialog"
        aria-labelledby="drill-dialog-title"
        onClose={() => setDrill(null)}
      >
        <header>
          <h2 id="drill-dialog-title">Be the engine</h2>
          <form method="dialog">
            <button type="submit" data-testid="drill-close">
              Close <kbd>Esc</kbd>
            </button>
          </form>
        </header>
        <nav className="drill-choices" aria-label="Drills">
          <button
            type="button"
            data-testid="drill-choose-order"
            aria-pressed={drill === 'order'}
            onClick={() => choose('order')}
          >
            <strong>Order the sweep</strong>
            <span>
              {source === 'guide' ? 'the guide’s step' : 'your program'}: its nodes, in the order
              backward finishes them
            </span>
          </button>
          <button
            type="button"
            data-testid="drill-choose-place"
            aria-pressed={drill === 'place'}
            onClick={() => choose('place')}
          >
            <strong>Place the record</strong>
            <span>where each push of the guide&rsquo;s Neuron(3) lands in memory</span>
          </button>
        </nav>
        {drill === 'order' && <OrderDrill source={source} />}
        {drill === 'place' && <PlaceDrill />}
      </dialog>
    </>
  );
}
