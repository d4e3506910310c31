/**
 * Browser tests in Debian's Chromium (no browser download possible here). `--enable-unsafe-webgpu` gives
 * a software WebGPU adapter on machines without a GPU; Playwright already passes --no-sandbox for root.
 * Two built sites are served: the real site (dist/) and the small fixture site (tests/fixtures/basic/dist).
 */
import { defineConfig } from '@playwright/test';

// Overridable so that two checkouts on one machine can run their browser tests side by side.
const SITE_PORT = Number(process.env.LAYERLENS_SITE_PORT ?? 4329);
const FIXTURE_PORT = Number(process.env.LAYERLENS_FIXTURE_PORT ?? 4330);

export default defineConfig({
  testDir: 'tests/browser',
  globalSetup: './tests/browser/global-setup.ts',
  timeout: 180_000,
  workers: 1,
  reporter: [['list'], ['json', { outputFile: '.layerlens/test-results/browser.json' }]],
  use: {
    launchOptions: {
      executablePath: process.env.LAYERLENS_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--enable-unsafe-webgpu', '--disable-background-networking', '--disable-component-update'],
    },
  },
  projects: [
    {
      name: 'site',
      testMatch: ['engine.spec.ts', 'site.spec.ts', 'convolution-article.spec.ts'],
      use: { baseURL: `http://127.0.0.1:${SITE_PORT}` },
    },
    {
      name: 'fixture',
      testMatch: [
        'figures.spec.ts',
        'photo.spec.ts',
        'dreams.spec.ts',
        'style.spec.ts',
        'worker.spec.ts',
        'attribution.spec.ts',
        'last-layer.spec.ts',
        'own-images.spec.ts',
        'filter.spec.ts',
        'overview.spec.ts',
        'arithmetic.spec.ts',
        'kernels.spec.ts',
        'vocabulary.spec.ts',
        'reference.spec.ts',
        'dark.spec.ts',
        'photo-memory.spec.ts',
        'navigation.spec.ts',
        'figure-links.spec.ts',
        'axe.spec.ts',
        'site-meta.spec.ts',
      ],
      use: { baseURL: `http://127.0.0.1:${FIXTURE_PORT}` },
    },
  ],
  webServer: [
    {
      command: `npx tsx scripts/serve.ts --port ${SITE_PORT}`,
      url: `http://127.0.0.1:${SITE_PORT}/`,
      reuseExistingServer: !process.env.CI,
    },
    {
      command: `npx tsx scripts/serve.ts --port ${FIXTURE_PORT} --dir tests/fixtures/basic/dist`,
      url: `http://127.0.0.1:${FIXTURE_PORT}/`,
      reuseExistingServer: !process.env.CI,
    },
  ],
});
