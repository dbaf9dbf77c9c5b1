import { useState } from 'react';
import { checkParameterGradient, hex, type ParameterCheck } from '../../core';
import { useAppStore } from '../../store/appStore';
import { useSession } from '../SessionContext';
import './compare.css';

/**
 * "Check this gradient": for the selected weight of a trainer scenario, d(loss)/d(weight) by the
 * tape sweep beside central finite differences, computed on a private copy at the same weights.
 */
export function CheckGradient() {
  const session = useSession();
  const selected = useAppStore((s) => s.selectedAddress);
  const [result, setResult] = useState<{ address: number; check: ParameterCheck } | null>(null);
  const trainer = session.scenario?.trainer;
  if (!trainer || selected === null || !session.weights.isWeight(selected)) return null;
  const shown = result && result.address === selected ? result.check : null;
  return (
    <div className="memory-check">
      <button
        type="button"
        data-testid="check-gradient"
        onClick={() => {
          const check = checkParameterGradient(trainer, selected);
          if (check) setResult({ address: selected, check });
        }}
      >
        check gradient
      </button>
      {shown && (
        <span data-testid="check-gradient-result" title={describe(selected, trainer.step, shown)}>
          {' '}
          tape {shown.tape.toPrecision(8)} · finite differences{' '}
          {shown.finiteDifference.toPrecision(8)} (at the weights now)
        </span>
      )}
    </div>
  );
}

function describe(address: number, step: number, c: ParameterCheck): string {
  return (
    `d loss / d ${hex(address)} at the weights after step ${step} (the next step's gradient; ` +
    `the record shows the last backward's): tape ${c.tape}, finite differences ` +
    `${c.finiteDifference} with h = ${c.h}, |Δ| = ${Math.abs(c.tape - c.finiteDifference)}`
  );
}
