import { cppLanguage } from '@codemirror/lang-cpp';
import { classHighlighter, highlightCode } from '@lezer/highlight';
import type { CSSProperties, ReactNode } from 'react';
import { CODE_COLOURS } from '../code/codeLook';

/** One line of code as coloured runs (`tok-…` classes). */
type CodeLine = { text: string; classes: string }[];

/** `code` parsed as C++ and cut into lines of classed runs. */
function highlightedLines(code: string): CodeLine[] {
  const lines: CodeLine[] = [[]];
  highlightCode(
    code,
    cppLanguage.parser.parse(code),
    classHighlighter,
    (text, classes) => lines[lines.length - 1].push({ text, classes }),
    () => lines.push([]),
  );
  return lines;
}

/** The code pane's token colours (codeLook.ts, each ≥ 4.5:1 on its backgrounds) as CSS variables. */
export const CODE_COLOUR_VARIABLES = Object.fromEntries(
  Object.entries(CODE_COLOURS).map(([name, colour]) => [`--code-${name}`, colour]),
) as CSSProperties;

/** A line of a code block marked by a callout: the callout's sign stands beside it. */
export interface LineMark {
  readonly line: (text: string) => boolean;
  /** The callout's sign (①, ②…): the mark is not colour alone. */
  readonly sign: string;
}

/**
 * A fenced block of the guide, read-only C++ in the code pane's colours, with the lines a
 * callout is about marked by its sign and a bar.
 */
export function GuideCode({ code, marks = [] }: { code: string; marks?: readonly LineMark[] }) {
  const lines = highlightedLines(code);
  const source = code.split('\n');
  return (
    <pre className="guide-code">
      <code>
        {lines.map((runs, k) => {
          const mark = marks.find((m) => m.line(source[k] ?? ''));
          const content: ReactNode[] = runs.map((run, i) =>
            run.classes ? (
              <span key={i} className={run.classes}>
                {run.text}
              </span>
            ) : (
              run.text
            ),
          );
          return (
            <span
              key={k}
              className={mark ? 'guide-line guide-line-marked' : 'guide-line'}
              data-mark={mark?.sign}
            >
              <span className="guide-line-sign" aria-hidden={!mark}>
                {mark ? mark.sign : ' '}
              </span>
              {content}
              {'\n'}
            </span>
          );
        })}
      </code>
    </pre>
  );
}
