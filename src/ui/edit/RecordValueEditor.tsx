import { useState, type ReactNode } from 'react';
import { hex } from '../../core';
import { useAppStore } from '../../store/appStore';
import { useSession } from '../SessionContext';
import { parameterValue } from './editWeights';
import { WeightInput } from './WeightInput';

/**
 * The memory record panel's `value` field, editable when the record is one of the model's
 * weights (`data-testid="edit-value"`, or double-click the value). Only between steps.
 */
export function RecordValueEditor({ address, display }: { address: number; display: ReactNode }) {
  const session = useSession();
  const [initial, setInitial] = useState<number | null>(null);
  if (!session.weights.isWeight(address)) return <>{display}</>;
  const open = (): void => {
    const state = useAppStore.getState();
    const editable = session.weights.editable();
    if (!editable.ok)
      return state.setView({ error: `Cannot edit the weight: ${editable.reason}.` });
    setInitial(parameterValue(editable.trainer, address));
  };
  if (initial === null)
    return (
      <span className="record-value" onDoubleClick={open}>
        {display}
        <button
          type="button"
          className="edit-value"
          data-testid="edit-value"
          title="Set this weight (between steps)"
          aria-label="edit value"
          onClick={open}
        />
      </span>
    );
  const apply = (value: number): string | null => {
    const refused = session.weights.setWeight(address, value);
    if (refused === null) setInitial(null);
    return refused;
  };
  return (
    <WeightInput
      label={`value @ ${hex(address)}`}
      initial={initial}
      onApply={apply}
      onCancel={() => setInitial(null)}
      compact
    />
  );
}
