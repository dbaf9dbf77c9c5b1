/**
 * Light highlighting of the playground's language for CodeMirror: comments (`#` to the end of
 * the line), numbers, the name a statement assigns, the functions (the core's list), operators.
 * Only colour: the parser in `src/core/expr` stays the judge of what is valid.
 */
import { StreamLanguage, type StringStream } from '@codemirror/language';
import { isFunctionName } from '../../core/expr/functions';

/** Where the tokenizer stands: at the start of a statement (a name there may be assigned). */
interface ProgramTokenState {
  statementStart: boolean;
}

const NUMBER = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
const ASSIGNED = /^\s*[-+*/]?=/;
const OPERATOR = /^(?:\*\*|[-+*/]=|[-+*/=])/;

/** Reads one token of `stream`, returning its highlighting tag (null: plain text). */
function token(stream: StringStream, state: ProgramTokenState): string | null {
  if (stream.sol()) state.statementStart = true;
  if (stream.eatSpace()) return null;
  const statementStart = state.statementStart;
  state.statementStart = false;
  if (stream.peek() === '#') {
    stream.skipToEnd();
    return 'comment';
  }
  if (stream.eat(';')) {
    state.statementStart = true;
    return 'punctuation';
  }
  if (stream.match(NUMBER)) return 'number';
  const name = stream.match(NAME) as RegExpMatchArray | null;
  if (name) {
    if (isFunctionName(name[0])) return 'variableName.standard';
    return statementStart && stream.match(ASSIGNED, false)
      ? 'variableName.definition'
      : 'variableName';
  }
  if (stream.match(OPERATOR)) return 'operator';
  if (stream.eat(/[(),]/)) return 'punctuation';
  stream.next();
  return null;
}

/** The playground language, for syntax highlighting. */
export const programLanguage = StreamLanguage.define<ProgramTokenState>({
  name: 'arenagrad-program',
  startState: () => ({ statementStart: true }),
  copyState: (state) => ({ ...state }),
  token,
  languageData: { commentTokens: { line: '#' } },
});
