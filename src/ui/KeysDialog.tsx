import type { Ref } from 'react';
import { APP_KEYS } from './useKeyboard';

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
      <p>
        The step keys act when the page, the graph or the memory view has focus; a focused button,
        menu or field keeps its own keys (Enter and Space press a button).
      </p>
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
