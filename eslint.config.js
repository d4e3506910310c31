// @ts-check
/**
 * ESLint, flat config: JavaScript's and typescript-eslint's recommended rules, Astro's plugin for .astro
 * files, and Prettier's config last (formatting belongs to Prettier alone).
 */
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Imports that reach past the engine's public entry (src/engine/index.ts). */
const ENGINE_ENTRY_ONLY = [
  {
    regex: '(^|/)engine/(?!index\\.ts$)',
    message: "Compute code imports only the engine's entry, src/engine/index.ts.",
  },
  { group: ['@tensorflow/*'], message: 'Compute code reaches tfjs through the engine only.' },
];

/** Page, build and schema concerns, which neither the engine nor compute code may know. */
const NO_PAGE_OR_BUILD = [
  { group: ['astro', 'astro:*', 'astro/*', '@astrojs/*'], message: 'No Astro here.' },
  {
    group: ['zod', '**/registry/index.ts', '**/registry/schema.ts'],
    message: "No Zod here: the registry's schema is build-time.",
  },
  { group: ['**/client/**', '**/components/**', '**/node/**', 'node:*'], message: 'No page, Node or build code here.' },
];

/** The engine's internals entry: tests only. */
const TESTS_ONLY = [{ regex: 'engine/testing\\.ts$', message: 'src/engine/testing.ts is for tests only.' }];

/** DOM globals: the engine and compute code run in Node and in a worker too. */
const DOM_GLOBALS = ['document', 'window', 'HTMLElement', 'localStorage'].map((name) => ({
  name,
  message: 'No DOM here: this code also runs in Node and in a worker.',
}));

export default tseslint.config(
  {
    ignores: [
      'dist/',
      '.astro/',
      '.layerlens/',
      'models/store/',
      'tests/fixtures/**/dist/',
      'test-results/',
      'playwright-report/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // Unused names are errors, except a leading underscore (destructuring a field away, an unused parameter).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      // Type-only imports stay marked as such (tsconfig's verbatimModuleSyntax relies on it).
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always'],
    },
  },
  // The engine's test entry is for tests only (each block below keeps this pattern: a later block's list replaces it).
  {
    files: ['src/**', 'scripts/**'],
    ignores: ['src/engine/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: TESTS_ONLY }],
    },
  },
  // Boundaries by role. Compute code (what runs in the build and in the page's worker) imports only the
  // engine's public entry and the figure layer's plain types: no Zod, no Astro, no DOM, no Node.
  {
    files: [
      'src/figures/kinds/*/compute.ts',
      'src/figures/kinds/*/recipe.ts',
      'src/figures/contract/compute.ts',
      'src/figures/registry/compute.ts',
      'src/figures/registry/types.ts',
      'src/figures/inputs/**/*.ts',
      'src/figures/common/{activation-atlas,atlas-style,dream-tiles,gatys-runs,recipe-parts}.ts',
    ],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...ENGINE_ENTRY_ONLY, ...NO_PAGE_OR_BUILD, ...TESTS_ONLY] }],
      'no-restricted-globals': ['error', ...DOM_GLOBALS],
    },
  },
  // Components render precomputed figures: no tfjs, and the engine's types only.
  {
    files: ['src/components/**', 'src/layouts/**', 'src/pages/**', 'src/figures/kinds/*/*.astro'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...TESTS_ONLY,
            { group: ['@tensorflow/*'], message: 'Components render precomputed figures: no tfjs.' },
            {
              regex: '(^|/)engine/(?!backend-names\\.ts$)',
              allowTypeImports: true,
              message: "Components import only the engine's types (values come from the manifest).",
            },
          ],
        },
      ],
      // A component gets its figure's recipe and data typed by kind from the lookup: no casts to them.
      '@typescript-eslint/consistent-type-assertions': ['error', { assertionStyle: 'never' }],
    },
  },
  // The engine knows nothing of Astro, pages, the DOM, Node, or the registry's schema library.
  {
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: NO_PAGE_OR_BUILD }],
      'no-restricted-globals': ['error', ...DOM_GLOBALS],
    },
  },
  prettier,
);
