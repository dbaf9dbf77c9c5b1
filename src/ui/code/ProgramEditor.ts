/**
 * The playground's program editor: a CodeMirror view whose text the store owns. Typing hands
 * the new text to `onEdit` (the store's `setProgram`); a text the store got from anywhere
 * else replaces the document without coming back as an edit; the store's parse error is
 * drawn as a diagnostic at its line and column.
 */
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { lintGutter, lintKeymap } from '@codemirror/lint';
import { Compartment, EditorState, type Extension } from '@codemirror/state';
import { EditorView, keymap, tooltips } from '@codemirror/view';
import type { ExpressionProblem } from '../../store/viewSlice';
import { codeLook } from './codeLook';
import { showProblem } from './programDiagnostics';
import { programLanguage } from './programLanguage';

/**
 * The error's tooltip, legible: CodeMirror draws its source line (here "line 2, column 9") at
 * 70 % size and 70 % opacity, below 12 px and 4.5:1.
 */
const diagnosticTheme = EditorView.theme({
  '.cm-tooltip.cm-tooltip-lint': { fontSize: '13px', maxWidth: '360px' },
  '.cm-diagnosticSource': { fontSize: '12px', opacity: 1, color: '#595959' },
});

/** What the editor is told when it is made. */
export interface ProgramEditorOptions {
  /** The program's text at the start. */
  readonly doc: string;
  /** Called with the whole text after each edit the user makes (never for {@link ProgramEditor.setText}). */
  readonly onEdit: (text: string) => void;
  /** Attributes of the editable element: its test id and accessible name (`aria-labelledby`). */
  readonly contentAttributes: Readonly<Record<string, string>>;
  /** The id of the element that explains an error, for `aria-describedby` while there is one. */
  readonly errorId: string;
}

/** A CodeMirror editor over the program, kept in step with the store. */
export class ProgramEditor {
  private readonly view: EditorView;
  private readonly extensions: Extension[];
  private readonly invalid = new Compartment();
  /** The text the store and the editor last agreed on. */
  private text: string;
  private problem: ExpressionProblem | null = null;

  constructor(
    parent: HTMLElement,
    private readonly options: ProgramEditorOptions,
  ) {
    this.text = options.doc;
    this.extensions = [
      codeLook(),
      programLanguage,
      EditorView.lineWrapping,
      history(),
      lintGutter(),
      diagnosticTheme,
      // Tooltips in the page's body: the editor's column is narrow and clips what overflows it.
      tooltips({ parent: document.body }),
      // No Tab binding (no indentWithTab): Tab moves focus on, as in any text field.
      keymap.of([...defaultKeymap, ...historyKeymap, ...lintKeymap]),
      EditorView.contentAttributes.of({
        spellcheck: 'false',
        autocorrect: 'off',
        autocapitalize: 'off',
        ...options.contentAttributes,
      }),
      this.invalid.of(this.invalidAttributes(null)),
      EditorView.updateListener.of((update) => {
        if (!update.docChanged) return;
        this.text = update.state.doc.toString();
        this.options.onEdit(this.text);
      }),
    ];
    this.view = new EditorView({ parent, state: this.stateOf(options.doc) });
  }

  /**
   * Shows `text` if it is not what the editor holds already: a new document (its own undo
   * history), with the store's error drawn on it again. No edit is reported back.
   */
  setText(text: string): void {
    if (text === this.text) return;
    this.text = text;
    this.view.setState(this.stateOf(text));
    this.showProblem(this.problem);
  }

  /** Draws `problem` as a diagnostic at its line and column (null clears it). */
  showProblem(problem: ExpressionProblem | null): void {
    this.problem = problem;
    const state = this.view.state;
    this.view.dispatch(showProblem(state, problem), {
      effects: this.invalid.reconfigure(this.invalidAttributes(problem)),
    });
  }

  /** Puts the caret in the editor. */
  focus(): void {
    this.view.focus();
  }

  /** Removes the editor from the page. */
  destroy(): void {
    this.view.destroy();
  }

  private stateOf(doc: string): EditorState {
    return EditorState.create({ doc, extensions: this.extensions });
  }

  private invalidAttributes(problem: ExpressionProblem | null): Extension {
    const attributes: Record<string, string> = problem
      ? { 'aria-invalid': 'true', 'aria-describedby': this.options.errorId }
      : { 'aria-invalid': 'false' };
    return EditorView.contentAttributes.of(attributes);
  }
}
