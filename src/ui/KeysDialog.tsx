import type { Ref } from 'react';
import { APP_KEYS } from './useKeyboard';
import './keysDialog.css';

/**
 * Who owns a key, in plain sentences: each one is a promise `test/browser/keys.test.ts` holds
 * (the rules themselves are `keyOwnership.ts`, the tour's in `TourPanel.tsx`).
 */
export const KEY_RULES: readonly string[] = [
  'The step keys work wherever the focus is.',
  'A text field, a menu, a slider and the code (the program editor, the code pane) keep every key while they have focus.',
  'A focused button keeps Enter and Space, which press it; the other step keys still step.',
  'Clicking a graph node decodes its record; the keys keep stepping.',
  'To walk the graph or the memory with the arrow keys, press Enter on it; Esc gives the keys back.',
  'In presenter mode the step keys always step.',
  'Opening the tour puts the focus in it: Space or → goes on, ← goes back, Esc closes it and returns the focus; 1, 2, 3 answer its question, and its answer field keeps every key (Enter answers).',
  'Esc closes every dialog and popover, and the focus goes back to where it was.',
  'In Before vs after, the walk of the guide’s recursion takes → and ← while one of its buttons has the focus; Enter presses Step.',
  'In your turn (Y) a question takes the focus: its field keeps every key and Enter answers; once the answer shows, → and Enter go on.',
];

/**
 * The keyboard shortcut list (`?`), a native modal `<dialog>`: it traps focus, Escape closes it,
 * and focus returns to where it was.
 */
export function KeysDialog({ ref }: { ref: Ref<HTMLDialogElement> }) {
  return (
    <dialog
      ref={ref}
      className="keys-dialog"
      data-testid="keys-dialog"
      aria-labelledby="keys-title"
    >
      <h2 id="keys-title">Keyboard</h2>
      <ul className="key-rules" data-testid="key-rules">
        {KEY_RULES.map((rule) => (
          <li key={rule}>{rule}</li>
        ))}
      </ul>
      <table>
        <tbody>
          {APP_KEYS.map(({ keys, what }) => (
            <tr key={`${keys.join()}${what}`}>
              <th scope="row">
                {keys.map((k) => (
                  <kbd key={k}>{k}</kbd>
                ))}
              </th>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form method="dialog">
        <button type="submit" autoFocus>
          Close (Esc)
        </button>
      </form>
    </dialog>
  );
}
