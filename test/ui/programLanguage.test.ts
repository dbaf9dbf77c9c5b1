import { EditorState } from '@codemirror/state';
import { ensureSyntaxTree } from '@codemirror/language';
import { highlightTree, tagHighlighter, tags } from '@lezer/highlight';
import { describe, expect, it } from 'vitest';
import { programLanguage } from '../../src/ui/code/programLanguage';

/** Names for the tags the language gives (a tag matches its most specific entry). */
const named = tagHighlighter([
  { tag: tags.comment, class: 'comment' },
  { tag: tags.number, class: 'number' },
  { tag: tags.operator, class: 'operator' },
  { tag: tags.variableName, class: 'name' },
  { tag: tags.definition(tags.variableName), class: 'assigned' },
  { tag: tags.standard(tags.variableName), class: 'function' },
]);

/** Each highlighted piece of `source` with its tag's name, in order. */
function tokens(source: string): [string, string][] {
  const state = EditorState.create({ doc: source, extensions: programLanguage });
  const tree = ensureSyntaxTree(state, source.length, 5_000);
  if (!tree) throw new Error('no syntax tree');
  const found: [string, string][] = [];
  highlightTree(tree, named, (from, to, classes) => found.push([source.slice(from, to), classes]));
  return found;
}

describe('the playground language’s highlighting', () => {
  it('tells comments, numbers, assigned names, functions and operators apart', () => {
    const found = tokens('# a neuron\nx1 = 2; w = -3.5e1\nout = tanh(x1*w) ** 2');
    const kind = (text: string) => found.find(([t]) => t === text)?.[1];
    expect(kind('# a neuron')).toBe('comment');
    expect(kind('2')).toBe('number');
    expect(kind('3.5e1')).toBe('number');
    expect(kind('x1')).toBe('assigned');
    expect(kind('w')).toBe('assigned'); // after ';': a new statement
    expect(kind('tanh')).toBe('function');
    expect(kind('**')).toBe('operator');
    // A name used, not assigned, is a plain variable name.
    expect(found.filter(([t]) => t === 'x1').map(([, c]) => c)).toEqual(['assigned', 'name']);
  });

  it('takes text the parser would reject without failing', () => {
    expect(() => tokens('y = 1 @ $ ^ 2x .\u0007')).not.toThrow();
  });
});
