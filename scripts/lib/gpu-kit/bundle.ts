/**
 * The kit's one script: ./runner.ts and everything it imports (the precompute, the engine, tfjs) bundled by
 * esbuild into one ES module. sharp and webgpu stay outside (native modules, shipped beside it in
 * node_modules/); the banner gives bundled CommonJS code (tfjs-backend-wasm's Emscripten loader) the
 * require and __dirname it expects.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const BANNER = [
  "import { createRequire as __kitRequire } from 'node:module';",
  "import { fileURLToPath as __kitPath } from 'node:url';",
  "import { dirname as __kitDirname } from 'node:path';",
  'const require = __kitRequire(import.meta.url);',
  'const __filename = __kitPath(import.meta.url);',
  'const __dirname = __kitDirname(__filename);',
].join('\n');

/** Writes the bundle to `outfile`. */
export async function bundleRunner(outfile: string): Promise<void> {
  await build({
    entryPoints: [fileURLToPath(new URL('./runner.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    outfile,
    external: ['sharp', 'webgpu'],
    banner: { js: BANNER },
    logLevel: 'error',
  });
}
