import { useState } from 'react';
import { parseWeightInput } from './editWeights';
import './edit.css';

/** Props of {@link WeightInput}. */
export interface WeightInputProps {
  /** What the value is, for the label: `L1 n3 w2 @ 0x10a0`. */
  label: string;
  /** The current value. */
  initial: number;
  /** Applies a new value; returns why it could not, or null when done. */
  onApply: (value: number) => string | null;
  onCancel: () => void;
  /** Narrow places (a table cell): the label and hint only for screen readers and as a tooltip. */
  compact?: boolean;
}

/**
 * A small inline editor for one number (`data-testid="weight-input"`): Enter applies, Escape
 * cancels, anything but a finite number is refused with a message (`weight-edit-message`).
 */
export function WeightInput({ label, initial, onApply, onCancel, compact }: WeightInputProps) {
  const [text, setText] = useState(String(initial));
  const [message, setMessage] = useState<string | null>(null);
  const apply = (): void => {
    const parsed = parseWeightInput(text);
    setMessage(parsed.ok ? onApply(parsed.value) : parsed.reason);
  };
  return (
    <span className={compact ? 'weight-input compact' : 'weight-input'}>
      <label title={`${label}: Enter sets, Esc cancels`}>
        <span className={compact ? 'sr-only' : 'weight-input-label'}>{label}</span>
        <input
          autoFocus
          data-testid="weight-input"
          value={text}
          spellCheck={false}
          aria-invalid={message !== null}
          onFocus={(e) => e.target.select()}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            e.stopPropagation(); // the page's shortcuts (Space, Enter, R) stay out of the input
            if (e.key === 'Enter') apply();
            else if (e.key === 'Escape') onCancel();
          }}
          onBlur={onCancel}
        />
      </label>
      {!compact && <span className="weight-input-hint">Enter sets · Esc cancels</span>}
      {message && (
        <span className="weight-input-message" role="alert" data-testid="weight-edit-message">
          {message}
        </span>
      )}
    </span>
  );
}
