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
  /** Greyed out and not editable, with `title` saying why. */
  disabled?: boolean;
  title?: string;
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
  disabled,
  title,
}: NumberFieldProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null); // shown by the setup's message
  const commit = () => {
    if (draft === null) return;
    setProblem(onCommit(draft.trim() === '' ? NaN : Number(draft)));
    setDraft(null);
  };
  return (
    <label className="wb-field" title={problem ?? title}>
      {label}
      <input
        type="number"
        data-testid={testid}
        aria-invalid={problem !== null}
        value={draft ?? String(value)}
        min={min}
        max={max}
        step={step}
        disabled={disabled}
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
