/**
 * CodeMirror's part of the code pane: a read-only view whose executing line carries
 * `data-current="true"` (a line decoration) with the moment's numbers written after it (a
 * widget), set by one effect.
 */
import { StateEffect, StateField, type Extension } from '@codemirror/state';
import { Decoration, EditorView, WidgetType, type DecorationSet } from '@codemirror/view';

/** The executing line (1-based) and its note, or null for none. */
export interface CurrentLine {
  readonly line: number;
  readonly note: string;
}

/** Sets the executing line. */
export const setCurrentLine = StateEffect.define<CurrentLine | null>();

class NoteWidget extends WidgetType {
  constructor(readonly note: string) {
    super();
  }
  override eq(other: NoteWidget): boolean {
    return other.note === this.note;
  }
  toDOM(): HTMLElement {
    const span = document.createElement('span');
    span.className = 'cm-exec-note';
    span.setAttribute('data-testid', 'code-note');
    span.textContent = `  ◀ ${this.note}`;
    return span;
  }
}

const currentLineField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(decorations, tr) {
    let next = decorations.map(tr.changes);
    for (const effect of tr.effects) {
      if (!effect.is(setCurrentLine)) continue;
      const current = effect.value;
      if (!current || current.line < 1 || current.line > tr.state.doc.lines) {
        next = Decoration.none;
        continue;
      }
      const line = tr.state.doc.line(current.line);
      const attributes = { 'data-current': 'true', class: 'cm-exec-line' };
      const marks = [Decoration.line({ attributes }).range(line.from)];
      if (current.note) {
        const widget = new NoteWidget(current.note);
        marks.push(Decoration.widget({ widget, side: 1 }).range(line.to));
      }
      next = Decoration.set(marks, true);
    }
    return next;
  },
  provide: (field) => EditorView.decorations.from(field),
});

/** The extension that draws the executing line. */
export function currentLine(): Extension {
  return currentLineField;
}

/** Marks `current` in `view` and scrolls it into the middle of the pane. */
export function showCurrentLine(view: EditorView, current: CurrentLine | null): void {
  const valid = current !== null && current.line >= 1 && current.line <= view.state.doc.lines;
  const effects: StateEffect<unknown>[] = [setCurrentLine.of(valid ? current : null)];
  if (valid) {
    const from = view.state.doc.line(current.line).from;
    effects.push(EditorView.scrollIntoView(from, { y: 'center' }));
  }
  view.dispatch({ effects });
}
