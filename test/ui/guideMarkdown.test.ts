import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GUIDE_CALLOUTS } from '../../src/ui/guide/guideCallouts';
import { parseGuide, parseInline, type GuideBlock } from '../../src/ui/guide/guideMarkdown';

const GUIDE = readFileSync(
  new URL('../../src/ui/guide/arena-migration-guide.md', import.meta.url),
  {
    encoding: 'utf8',
  },
);
const SEED = new URL('../../../shared/seed/arena-migration-guide.md', import.meta.url);

describe('the guide’s markdown', () => {
  it('parses headings, paragraphs, lists, fenced code and the table', () => {
    const blocks = parseGuide(
      '# Title\n\nSome `code` and **bold**.\nSecond line.\n\n- one\n- two\n\n**Before:**\n```cpp\nint x;\n\nint y;\n```\n\n| A | B |\n|---|---|\n| `a` | b |\n',
    );
    expect(blocks).toEqual([
      { kind: 'heading', level: 1, text: 'Title' },
      { kind: 'paragraph', text: 'Some `code` and **bold**. Second line.' },
      { kind: 'list', items: ['one', 'two'] },
      { kind: 'paragraph', text: '**Before:**' },
      { kind: 'code', language: 'cpp', code: 'int x;\n\nint y;' },
      { kind: 'table', head: ['A', 'B'], rows: [['`a`', 'b']] },
    ]);
  });

  it('reads inline code before bold, so a `*` in code stays code', () => {
    expect(parseInline('`Value*` and **x** or `a*b`')).toEqual([
      { kind: 'code', text: 'Value*' },
      { kind: 'text', text: ' and ' },
      { kind: 'strong', text: 'x' },
      { kind: 'text', text: ' or ' },
      { kind: 'code', text: 'a*b' },
    ]);
  });

  it.skipIf(!existsSync(SEED))('the project’s copy is the seed guide, word for word', () => {
    expect(GUIDE).toBe(readFileSync(SEED, 'utf8'));
  });

  it('the guide: one title, its sections, ten code blocks, the summary table', () => {
    const blocks = parseGuide(GUIDE);
    const headings = blocks.filter((b) => b.kind === 'heading');
    expect(headings.filter((h) => h.level === 1).map((h) => h.text)).toEqual([
      'Arena Migration Guide',
    ]);
    expect(headings.map((h) => h.text)).toContain('Step 4: Training Loop');
    expect(blocks.filter((b) => b.kind === 'code')).toHaveLength(10);
    const table = blocks.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && table.rows).toHaveLength(6);
  });

  it('each note stands beside exactly one block of the guide and marks lines of it', () => {
    const blocks = parseGuide(GUIDE);
    for (const note of GUIDE_CALLOUTS) {
      const at = blocks.filter((b) => note.at(b));
      expect(at, note.id).toHaveLength(1);
      const texts = (b: GuideBlock) =>
        b.kind === 'code' ? b.code.split('\n') : b.kind === 'table' ? b.rows.map((r) => r[0]) : [];
      expect(texts(at[0]).filter(note.marks).length, note.id).toBeGreaterThan(0);
    }
  });
});
