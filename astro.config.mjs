// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { siteData } from './src/integrations/site-data.ts';
import { devPrecompute } from './src/integrations/dev-precompute.ts';

export default defineConfig({
  integrations: [mdx(), siteData(), devPrecompute()],
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
