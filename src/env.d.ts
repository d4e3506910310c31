/// <reference types="astro/client" />
import type { ArticleContext } from './components/figures/context.ts';

declare global {
  namespace App {
    interface Locals {
      /** The article a page renders, for its figure components (set by src/pages/articles/[...id].astro). */
      article?: ArticleContext;
    }
  }
}
