/** Fails early, with the fix, when Debian's Chromium is not installed (Playwright cannot download one here). */
import { existsSync } from 'node:fs';

export default function globalSetup(): void {
  const chromium = process.env.LAYERLENS_CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) {
    throw new Error(
      `Browser tests need Chromium at ${chromium}. Install Debian's: apt-get update && apt-get install -y chromium ` +
        '(or set LAYERLENS_CHROMIUM to another Chromium binary).',
    );
  }
}
