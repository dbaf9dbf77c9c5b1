import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** Lints `code` as if it were the file at `path` (nothing is written). */
async function restrictedImports(path: string, code: string): Promise<string[]> {
  const eslint = new ESLint();
  const [result] = await eslint.lintText(code, { filePath: path });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

// Each layer may import the ones below it (core ← setup ← store ← viz ← session ← url ← ui).
const UPWARD: [file: string, importPath: string][] = [
  ['src/core/x.ts', '../setup'],
  ['src/core/x.ts', '../viz/palette'],
  ['src/setup/x.ts', '../store/appStore'],
  ['src/store/x.ts', '../session/Session'],
  ['src/store/x.ts', '../viz/palette'],
  ['src/viz/x.ts', '../store/appStore'],
  ['src/viz/graph/x.ts', '../../session/playhead'],
  ['src/session/x.ts', '../ui/App'],
  ['src/session/x.ts', '../url/codec'],
  ['src/url/x.ts', '../session/Session'],
  ['src/cli/x.ts', '../store/appStore'],
];
const DOWNWARD: [file: string, importPath: string][] = [
  ['src/setup/x.ts', '../core'],
  ['src/store/x.ts', '../setup'],
  ['src/viz/x.ts', '../core'],
  ['src/session/x.ts', '../viz/palette'],
  ['src/session/x.ts', '../store/appStore'],
  ['src/url/x.ts', '../store/appStore'],
  ['src/ui/x.ts', '../session/Session'],
];

describe('layer lint', () => {
  it.each(UPWARD)('%s may not import %s', async (file, from) => {
    const messages = await restrictedImports(file, `import * as m from '${from}';\nvoid m;\n`);
    expect(messages.length).toBe(1);
  });

  it.each(DOWNWARD)('%s may import %s', async (file, from) => {
    const messages = await restrictedImports(file, `import * as m from '${from}';\nvoid m;\n`);
    expect(messages).toEqual([]);
  });
});
