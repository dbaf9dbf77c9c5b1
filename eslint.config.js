import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const REACT = ['react', 'react-dom', 'react/*', 'react-dom/*'];
const REACT_AND_D3 = [...REACT, 'd3', 'd3-*'];
const UI_LIBRARIES = [...REACT_AND_D3, 'zustand', 'zustand/*'];

/** Import patterns of the named layers (folders under src/). */
function above(...layers) {
  return layers.flatMap((name) => [`**/${name}`, `**/${name}/**`]);
}

/** A lint rule that keeps `files` from importing `group`, saying why. */
function layer(files, message, group) {
  return {
    files: [files],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group, message }] }] },
  };
}

export default tseslint.config(
  {
    ignores: [
      'dist',
      'node_modules',
      'test-output',
      'coverage',
      'src/core/wasm/*.generated.ts',
      'src/core/cpp/*.generated.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  // Layers (docs/architecture.md): imports point down core ← setup ← store ← viz ← session ←
  // url ← ui; an import that runs back up fails `npm test`.
  layer('src/core/**', 'the engine is UI-free and knows no layer above it', [
    ...UI_LIBRARIES,
    ...above('setup', 'store', 'viz', 'session', 'url', 'ui', 'cli'),
  ]),
  layer('src/setup/**', 'the setup is plain data over the core', [
    ...UI_LIBRARIES,
    ...above('store', 'viz', 'session', 'url', 'ui', 'cli'),
  ]),
  layer('src/store/**', 'the store holds intent and summaries (core and setup types only)', [
    ...REACT_AND_D3,
    ...above('viz', 'session', 'url', 'ui', 'cli'),
  ]),
  layer('src/viz/**', 'renderers read the engine; they never reach the store, session or UI', [
    ...REACT,
    'zustand',
    'zustand/*',
    ...above('store', 'session', 'url', 'ui', 'cli'),
  ]),
  layer('src/session/**', 'the session is driven by the UI, never the other way', [
    ...REACT,
    ...above('url', 'ui', 'cli'),
  ]),
  layer('src/url/**', 'links map setup to query strings', [
    ...REACT_AND_D3,
    ...above('viz', 'session', 'ui', 'cli'),
  ]),
  layer('src/cli/**', 'the command line runs the engine headless', [
    ...UI_LIBRARIES,
    ...above('store', 'viz', 'session', 'url', 'ui'),
  ]),
);
