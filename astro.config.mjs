// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { siteData } from './src/integrations/site-data.ts';
import { mathComponentPlugin } from './src/math/math-component.ts';
import { figureNumbersPlugin } from './src/figures/numbering.ts';
import { devPrecompute } from './src/integrations/dev-precompute.ts';
import { engineBytes } from './src/integrations/engine-bytes.ts';
import { siteMeta, inlineScriptHashes } from './src/integrations/site-meta.ts';
import { siteSearch } from './src/integrations/site-search.ts';
import { siteLocation } from './src/site/urls.ts';
import { CSP_DIRECTIVES, SCRIPT_RESOURCES, STYLE_RESOURCES } from './src/site/csp.ts';

// Where the site is published (README, "Deploying"): LAYERLENS_SITE_URL and LAYERLENS_BASE.
const { site, base } = siteLocation(process.env);

export default defineConfig({
  site,
  base,
  integrations: [mdx(), siteData(), devPrecompute(), engineBytes(), siteMeta(), siteSearch()],
  // A Content-Security-Policy <meta> on every page (src/site/csp.ts): nothing from or to another origin.
  security: {
    csp: {
      directives: [...CSP_DIRECTIVES],
      scriptDirective: { resources: SCRIPT_RESOURCES, hashes: inlineScriptHashes('src') },
      styleDirective: { resources: STYLE_RESOURCES },
    },
  },
  // Astro's own Markdown processor (Sätteri; MDX inherits it), with math: $...$ and $$...$$ in articles become
  // <Math>, typeset as MathML at build time (src/math/); and each figure's number from the MDX source order,
  // not the render order (src/figures/numbering.ts).
  markdown: {
    processor: satteri({ features: { math: true }, mdastPlugins: [mathComponentPlugin, figureNumbersPlugin] }),
  },
  // Every page's CSS in its <head> (about 7 kB gzipped): on a phone's connection a separate stylesheet costs a
  // round trip before the first paint (Lighthouse's mobile FCP on the longest article: 0.75 -> 0.81, 95 -> 97).
  // Astro's CSP lists each inlined block's hash.
  build: { inlineStylesheets: 'always' },
  vite: {
    build: {
      // Astro's default minifier breaks the threaded tfjs wasm worker; esbuild keeps it intact.
      minify: 'esbuild',
      rolldownOptions: {
        // Astro's MDX pages carry a module-level "use astro:head-inject" directive that the bundler warns it
        // may not preserve: Astro handles it itself (head content is injected either way), so this one
        // warning, by its code and directive, is dropped; every other warning still prints.
        onLog(level, log, handler) {
          if (log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('use astro:head-inject')) return;
          handler(level, log);
        },
      },
    },
    // The page's engine worker loads tfjs backends lazily: an ES module worker keeps code splitting.
    worker: { format: 'es' },
    // tfjs ships prebuilt ESM; pre-bundling its wasm backend in dev breaks the .wasm URL lookup.
    optimizeDeps: { exclude: ['@tensorflow/tfjs-backend-wasm'] },
  },
});
