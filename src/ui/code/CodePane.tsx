import { cpp } from '@codemirror/lang-cpp';
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { useEffect, useRef } from 'react';
import { GUIDE_CODE } from '../../session/code/guideCode';
import { useAppStore } from '../../store/appStore';
import { codeLook } from './codeLook';
import { currentLine, showCurrentLine } from './currentLine';
import { programLanguage } from './programLanguage';
import './codePane.css';

/**
 * The code beside the run (`data-testid="code-pane"`): the guide's C++ as this project runs
 * it, or the playground's program that built the graph on screen (not the editor's text, which
 * may not build: then a note says so), read-only in CodeMirror, with the line being executed
 * marked (`data-current="true"`) and its numbers beside it, following the step.
 */
export function CodePane() {
  const scenario = useAppStore((s) => s.scenario);
  const program = useAppStore((s) => s.program);
  const built = useAppStore((s) => s.builtProgram);
  const problem = useAppStore((s) => s.expressionError);
  const codeLine = useAppStore((s) => s.codeLine);
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const cxx = scenario !== 'playground';
  const source = cxx ? GUIDE_CODE : (built ?? program);
  const stale = !cxx && problem !== null && built !== null && built !== program;
  useEffect(() => {
    if (!host.current) return;
    const editor = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: source,
        extensions: [
          codeLook(),
          EditorView.lineWrapping,
          EditorState.readOnly.of(true),
          EditorView.editable.of(false),
          // A Tab stop, so the keyboard can scroll it (read-only content has none of its own).
          EditorView.contentAttributes.of({ 'aria-label': 'the code being run', tabindex: '0' }),
          currentLine(),
          cxx ? cpp() : programLanguage,
        ],
      }),
    });
    view.current = editor;
    showCurrentLine(editor, useAppStore.getState().codeLine);
    return () => {
      view.current = null;
      editor.destroy();
    };
  }, [source, cxx]);
  useEffect(() => {
    if (view.current) showCurrentLine(view.current, codeLine);
  }, [codeLine]);
  return (
    <section className="code-pane" data-testid="code-pane" aria-label="the code being run">
      <h2>{cxx ? 'The code, as run here (C++)' : 'Your program, as run'}</h2>
      {stale && (
        <p className="code-note" data-testid="code-pane-note" role="note">
          The editor’s program has an error (line {problem.line}); this is the last one that ran,
          the one the graph shows.
        </p>
      )}
      <div className="code-host" ref={host} />
    </section>
  );
}
