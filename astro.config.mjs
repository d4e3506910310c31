// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { siteData } from './src/integrations/site-data.ts';

export default defineConfig({
  integrations: [mdx(), siteData()],
  // Small pages: keep every stylesheet in its own file rather than inlined per page.
  build: { inlineStylesheets: 'never' },
  vite: {
    // Astro's default minifier breaks the threaded tfjs wasm worker; esbuild keeps it intact.
    build: { minify: 'esbuild' },
    // The page's engine worker loads tfjs backends lazily: an ES module worker keeps code splitting.
    worker: { format: 'es' },
    // tfjs ships prebuilt ESM; pre-bundling its wasm backend in dev breaks the .wasm URL lookup.
    optimizeDeps: { exclude: ['@tensorflow/tfjs-backend-wasm'] },
  },
});
