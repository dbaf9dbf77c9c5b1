/**
 * The one look of code on screen, shared by the read-only code pane and the playground's
 * editor: line numbers, a monospace face at 12 px, and token colours that keep at least
 * 4.5:1 contrast on white and on the marked backgrounds (the executing line, an error's
 * range), which CodeMirror's default highlight style does not (its type names and escapes
 * fall below 4 : 1 on the executing line's amber).
 */
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import type { Extension } from '@codemirror/state';
import { EditorView, lineNumbers } from '@codemirror/view';
import { tags } from '@lezer/highlight';

/**
 * Token colours, by what they colour. Every one is ≥ 4.5:1 against each of
 * {@link CODE_BACKGROUNDS} (checked in `test/ui/codeLook.test.ts`).
 */
export const CODE_COLOURS = {
  keyword: '#770088',
  atom: '#221199',
  number: '#116644',
  string: '#aa1111',
  escape: '#9a3400',
  definition: '#0000ff',
  local: '#3300aa',
  type: '#00663d',
  className: '#116677',
  special: '#225566',
  property: '#0000cc',
  comment: '#994400',
  invalid: '#bb0000',
  meta: '#404740',
  text: '#222222',
  gutter: '#595959',
} as const;

/** The backgrounds code is drawn on: the pane, the executing line, an error's range, the gutter. */
export const CODE_BACKGROUNDS = ['#ffffff', '#fde9c8', '#ffeecc', '#f5f5f5'] as const;

const c = CODE_COLOURS;

/** CodeMirror's default highlight style, recoloured where it fell short of 4.5:1. */
const CODE_HIGHLIGHT = HighlightStyle.define([
  { tag: tags.meta, color: c.meta },
  { tag: tags.link, textDecoration: 'underline' },
  { tag: tags.heading, textDecoration: 'underline', fontWeight: 'bold' },
  { tag: tags.emphasis, fontStyle: 'italic' },
  { tag: tags.strong, fontWeight: 'bold' },
  { tag: tags.strikethrough, textDecoration: 'line-through' },
  { tag: [tags.keyword, tags.standard(tags.variableName)], color: c.keyword },
  { tag: [tags.atom, tags.bool, tags.url, tags.contentSeparator, tags.labelName], color: c.atom },
  { tag: [tags.literal, tags.inserted], color: c.number },
  { tag: [tags.string, tags.deleted], color: c.string },
  { tag: [tags.regexp, tags.escape, tags.special(tags.string)], color: c.escape },
  { tag: tags.definition(tags.variableName), color: c.definition },
  { tag: tags.local(tags.variableName), color: c.local },
  { tag: [tags.typeName, tags.namespace], color: c.type },
  { tag: tags.className, color: c.className },
  { tag: [tags.special(tags.variableName), tags.macroName], color: c.special },
  { tag: tags.definition(tags.propertyName), color: c.property },
  { tag: tags.comment, color: c.comment },
  { tag: tags.invalid, color: c.invalid },
]);

const codeTheme = EditorView.theme({
  '&': { fontSize: '12px', color: c.text, backgroundColor: '#fff' },
  '.cm-scroller': { fontFamily: "ui-monospace, 'DejaVu Sans Mono', monospace" },
  '.cm-gutters': { color: c.gutter },
});

/** Line numbers, the face and the colours: what both code views start from. */
export function codeLook(): Extension {
  return [lineNumbers(), codeTheme, syntaxHighlighting(CODE_HIGHLIGHT)];
}
