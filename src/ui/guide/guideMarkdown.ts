/**
 * The markdown of one document, the guide (`arena-migration-guide.md`), as blocks: the subset
 * it uses and nothing more — `#` headings, paragraphs, `-` lists, fenced code, one pipe table;
 * inside them, `**strong**` and `` `code` ``. A line this subset does not know stays text.
 */

/** One block of the document, in order. */
export type GuideBlock =
  | { readonly kind: 'heading'; readonly level: number; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'list'; readonly items: readonly string[] }
  | { readonly kind: 'code'; readonly language: string; readonly code: string }
  | {
      readonly kind: 'table';
      readonly head: readonly string[];
      readonly rows: readonly (readonly string[])[];
    };

/** A run of inline text: plain, `**strong**` or `` `code` ``. */
export interface GuideInline {
  readonly kind: 'text' | 'strong' | 'code';
  readonly text: string;
}

const HEADING = /^(#{1,6})\s+(.*)$/;
const FENCE = /^```(\w*)\s*$/;
const ITEM = /^[-*]\s+(.*)$/;
const TABLE_RULE = /^\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

/** The cells of a table row `| a | b |`. */
function cells(line: string): string[] {
  return line
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((cell) => cell.trim());
}

/** Whether `line` starts a block other than a paragraph. */
function startsBlock(line: string): boolean {
  return HEADING.test(line) || FENCE.test(line) || ITEM.test(line) || line.startsWith('|');
}

/** The blocks of `markdown`. An unclosed fence runs to the end of the text. */
export function parseGuide(markdown: string): GuideBlock[] {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const blocks: GuideBlock[] = [];
  let k = 0;
  while (k < lines.length) {
    const line = lines[k];
    const heading = HEADING.exec(line);
    const fence = FENCE.exec(line);
    if (line.trim() === '') {
      k++;
    } else if (heading) {
      blocks.push({ kind: 'heading', level: heading[1].length, text: heading[2].trim() });
      k++;
    } else if (fence) {
      const code: string[] = [];
      for (k++; k < lines.length && !FENCE.test(lines[k]); k++) code.push(lines[k]);
      k++; // the closing fence
      blocks.push({ kind: 'code', language: fence[1], code: code.join('\n') });
    } else if (ITEM.test(line)) {
      const items: string[] = [];
      for (; k < lines.length && ITEM.test(lines[k]); k++) items.push(ITEM.exec(lines[k])![1]);
      blocks.push({ kind: 'list', items });
    } else if (line.startsWith('|') && TABLE_RULE.test(lines[k + 1] ?? '')) {
      const head = cells(line);
      const rows: string[][] = [];
      for (k += 2; k < lines.length && lines[k].startsWith('|'); k++) rows.push(cells(lines[k]));
      blocks.push({ kind: 'table', head, rows });
    } else {
      const text: string[] = [line.trim()];
      for (k++; k < lines.length && lines[k].trim() !== '' && !startsBlock(lines[k]); k++)
        text.push(lines[k].trim());
      blocks.push({ kind: 'paragraph', text: text.join(' ') });
    }
  }
  return blocks;
}

/** `text` as runs of plain text, `**strong**` and `` `code` `` (code first: it may hold `*`). */
export function parseInline(text: string): GuideInline[] {
  const runs: GuideInline[] = [];
  const pattern = /`([^`]+)`|\*\*([^*]+)\*\*/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) runs.push({ kind: 'text', text: text.slice(last, match.index) });
    runs.push(
      match[1] !== undefined
        ? { kind: 'code', text: match[1] }
        : { kind: 'strong', text: match[2] },
    );
    last = match.index + match[0].length;
  }
  if (last < text.length) runs.push({ kind: 'text', text: text.slice(last) });
  return runs;
}
