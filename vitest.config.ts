/**
 * Two projects:
 * - fast: pure modules (`*.fast.test.ts`): no weights, no browser, no build; model topologies (model.json)
 *   are read from the mirror through a store of links (tests/helpers/mirror-store.ts). Seconds.
 * - models: the engine, the author layer and the scripts on the real weights (Node, wasm and cpu).
 * Browser tests are Playwright's (tests/browser/).
 */
import { defineConfig } from 'vitest/config';
import { MIRROR_STORE } from './tests/helpers/mirror-store-path.ts';

const FAST = ['tests/**/*.fast.test.ts', 'src/**/*.fast.test.ts'];

export default defineConfig({
  test: {
    environment: 'node',
    // Real models on a 2-core machine: one file at a time, generous timeouts.
    fileParallelism: false,
    pool: 'forks',
    testTimeout: 180_000,
    hookTimeout: 180_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'fast',
          include: FAST,
          globalSetup: ['tests/helpers/mirror-store.ts'],
          env: { LAYERLENS_STORE: MIRROR_STORE },
          fileParallelism: true,
        },
      },
      {
        extends: true,
        test: {
          name: 'models',
          include: ['tests/{engine,author,scripts,reader}/**/*.test.ts', 'src/**/*.test.ts'],
          exclude: FAST,
        },
      },
    ],
  },
});
