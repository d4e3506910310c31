/**
 * Browser tests in Debian's Chromium (no browser download possible here). `--enable-unsafe-webgpu` gives
 * a software WebGPU adapter on machines without a GPU; Playwright already passes --no-sandbox for root.
 */
import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.LAYERLENS_TEST_PORT ?? 4329);

export default defineConfig({
  testDir: 'tests/browser',
  globalSetup: './tests/browser/global-setup.ts',
  timeout: 180_000,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: {
      executablePath: process.env.LAYERLENS_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--enable-unsafe-webgpu', '--disable-background-networking', '--disable-component-update'],
    },
  },
  webServer: {
    command: `npx tsx scripts/serve.ts --port ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
