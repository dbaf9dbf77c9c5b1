import { useState } from 'react';

/** Props of {@link NumberField}. */
interface NumberFieldProps {
  label: string;
  value: number;
  /** Applies a typed number (NaN when it is none); returns why it was refused, or null. */
  onCommit: (value: number) => string | null;
  min?: number;
  max?: number;
  step?: number | 'any';
  testid?: string;
  width?: number;
}

/**
 * A number input that applies on Enter or blur (not per keystroke: each change rebuilds the
 * model); a refused value is outlined (the setup says why).
 */
export function NumberField({
  label,
  value,
  onCommit,
  min,
  max,
  step,
  testid,
  width,
}: NumberFieldProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null); // shown by the setup's message
  const commit = () => {
    if (draft === null) return;
    setProblem(onCommit(draft.trim() === '' ? NaN : Number(draft)));
    setDraft(null);
  };
  return (
    <label className="wb-field" title={problem ?? undefined}>
      {label}
      <input
        type="number"
        data-testid={testid}
        aria-invalid={problem !== null}
        value={draft ?? String(value)}
        min={min}
        max={max}
        step={step}
        style={width ? { width } : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
    </label>
  );
}
