// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { siteData } from './src/integrations/site-data.ts';
import { mathComponentPlugin } from './src/math/math-component.ts';
import { figureNumbersPlugin } from './src/figures/numbering.ts';
import { devPrecompute } from './src/integrations/dev-precompute.ts';
import { engineBytes } from './src/integrations/engine-bytes.ts';

export default defineConfig({
  integrations: [mdx(), siteData(), devPrecompute(), engineBytes()],
  // Astro's own Markdown processor (Sätteri; MDX inherits it), with math: $...$ and $$...$$ in articles become
  // <Math>, typeset as MathML at build time (src/math/); and each figure's number from the MDX source order,
  // not the render order (src/figures/numbering.ts).
  markdown: {
    processor: satteri({ features: { math: true }, mdastPlugins: [mathComponentPlugin, figureNumbersPlugin] }),
  },
  // Small pages: keep every stylesheet in its own file rather than inlined per page.
  build: { inlineStylesheets: 'never' },
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
