import { useState, type ReactNode } from 'react';
import { useAppStore } from '../../store/appStore';

/** A part of the panel that presenter mode puts behind a disclosure button. */
export interface Fold {
  readonly id: string;
  /** The button's text (presenter mode). */
  readonly label: string;
  readonly content: ReactNode;
}

/**
 * The panel's parts beyond the headline. Normally all shown, one after the other; in presenter
 * mode closed, with a row of disclosure buttons that open each in place. The parts stay mounted
 * either way (`hidden`), so what they hold survives switching modes.
 */
export function Folds({ folds }: { folds: readonly Fold[] }) {
  const presenter = useAppStore((s) => s.presenter);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((was) => {
      const next = new Set(was);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  return (
    <>
      {presenter && (
        <div className="cmp-folds" role="group" aria-label="more of before vs after">
          {folds.map((f) => (
            <button
              key={f.id}
              type="button"
              data-testid={`compare-fold-${f.id}`}
              aria-expanded={open.has(f.id)}
              aria-controls={`cmp-fold-${f.id}`}
              onClick={() => toggle(f.id)}
            >
              <span aria-hidden="true">{open.has(f.id) ? '▾' : '▸'}</span> {f.label}
            </button>
          ))}
        </div>
      )}
      {folds.map((f) => (
        <div key={f.id} id={`cmp-fold-${f.id}`} hidden={presenter && !open.has(f.id)}>
          {f.content}
        </div>
      ))}
    </>
  );
}
