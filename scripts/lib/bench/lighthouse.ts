/**
 * Lighthouse (its default config: the mobile preset, a simulated slow 4G and a 4x slower CPU) on pages of
 * the built site, through a Chromium that the caller started with a remote-debugging port. Lighthouse runs
 * one page at a time: each run opens its own tab and measures it alone.
 */
import { createServer } from 'node:net';
import lighthouse, { type Result } from 'lighthouse';

/** The four category scores, 0-100. */
export interface LighthouseScores {
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
}

export interface LighthousePage {
  scores: LighthouseScores;
  /** Cumulative layout shift during load. */
  cls: number;
  /** Audits that did not pass ("id (score)"), and the elements that shifted ("selector: share of the CLS"). */
  problems: string[];
}

const CATEGORIES = {
  performance: 'performance',
  accessibility: 'accessibility',
  bestPractices: 'best-practices',
  seo: 'seo',
};

/** A free local port for Chromium's remote debugging (asked of the OS, so two benches never collide). */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/** What kept a page from full marks: every scored audit under 1, and each element that shifted. */
function problems(lhr: Result): string[] {
  const scored = new Set(
    Object.values(lhr.categories).flatMap((c) => c.auditRefs.filter((r) => r.weight > 0).map((r) => r.id)),
  );
  const failing = Object.values(lhr.audits)
    .filter((a) => scored.has(a.id) && a.score !== null && a.score < 1)
    .map((a) => `${a.id} (${a.score})`);
  const details = lhr.audits['layout-shifts']?.details;
  type ShiftItem = { node?: { selector?: string; snippet?: string }; score?: number };
  const items = (details && 'items' in details ? details.items : []) as ShiftItem[];
  const shifts = items.map((item) => {
    const node = item.node;
    return `shift ${node?.selector ?? node?.snippet ?? '(unknown element)'}: ${Number(item.score).toFixed(3)}`;
  });
  return [...failing, ...shifts];
}

/** Lighthouse on one page; `port` is the remote-debugging port of a running Chromium. */
export async function lighthousePage(url: string, port: number): Promise<LighthousePage> {
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: Object.values(CATEGORIES),
  });
  if (!result) throw new Error(`Lighthouse returned no result for ${url}.`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.message}`);
  const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  return {
    scores: {
      performance: score(CATEGORIES.performance),
      accessibility: score(CATEGORIES.accessibility),
      bestPractices: score(CATEGORIES.bestPractices),
      seo: score(CATEGORIES.seo),
    },
    cls: lhr.audits['cumulative-layout-shift']?.numericValue ?? 0,
    problems: problems(lhr),
  };
}
