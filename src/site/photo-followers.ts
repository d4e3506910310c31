/**
 * How many of an article's figures show its photo, and how many of those follow a reader's photo (the others
 * are pinned to their own image). The photo control says so from the first paint: written by the page script
 * instead, the line pushed the article down as it arrived (a layout shift of 0.017 on the attribution article).
 */
import { readManifest } from '../figures/manifest.ts';
import { PROFILES } from '../figures/profiles.ts';
import type { ScannedArticle } from '../figures/scan.ts';
import { resolveFigure } from '../figures/validate.ts';

export interface PhotoFollowers {
  /** Figures computed from a photo (those a reader's photo could recompute: `data-recipe` on the page). */
  figures: number;
  /** Those that do follow it (`data-follows`). */
  following: number;
}

export function photoFollowers(article: ScannedArticle, photo: string): PhotoFollowers {
  const profile = PROFILES[readManifest().profile];
  const counts = { figures: 0, following: 0 };
  for (const figure of article.figures) {
    const resolution = resolveFigure(figure.kind, figure.props, photo, profile);
    if (resolution.status !== 'ok' || !('image' in resolution.recipe)) continue;
    counts.figures += 1;
    if (resolution.follows) counts.following += 1;
  }
  return counts;
}
