/**
 * The engine's download size, measured on the build's own output, so the photo button can say what it will
 * fetch before it does. A plugin of the worker bundle records which files the engine worker needs (its
 * entry with its static imports, then each tfjs backend's chunks, loaded on demand, and the gradients'
 * chunk); once the site is written, their sizes on disk replace the placeholder the photo control renders
 * (data-engine-bytes="pending"). In `astro dev` nothing is bundled: the placeholder stays and the page names
 * the engine without a number.
 */
import type { AstroIntegration } from 'astro';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EngineBytes } from '../client/download-size.ts';

/** What PhotoControl.astro renders where the sizes go (the photo-memory browser test checks it is replaced). */
const ENGINE_BYTES_PLACEHOLDER = 'data-engine-bytes="pending"';

/** The part of a Rolldown output chunk this plugin reads. */
interface Chunk {
  type: 'chunk';
  fileName: string;
  imports: string[];
  dynamicImports: string[];
  moduleIds: string[];
  facadeModuleId: string | null;
}
type Output = Chunk | { type: 'asset'; fileName: string };

/** File names (relative to the build's assets folder) per part of the engine. */
type EngineFiles = Record<keyof EngineBytes, string[]>;

const BACKEND = /@tensorflow\/tfjs-backend-(webgpu|webgl|wasm|cpu)\//;

export function engineBytes(): AstroIntegration {
  let files: EngineFiles | null = null;
  return {
    name: 'layerlens-engine-bytes',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            worker: {
              plugins: () => [
                {
                  name: 'layerlens-engine-files',
                  generateBundle(_options: unknown, bundle: Record<string, Output>) {
                    files = engineFiles(bundle) ?? files;
                  },
                },
              ],
            },
          },
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!files) return logger.warn('the engine worker was not bundled: the photo button gives no engine size');
        const site = fileURLToPath(dir);
        const sizes = await measure(site, files);
        const pages = (await readdir(site, { recursive: true })).filter((f) => f.endsWith('.html'));
        const attribute = `data-engine-bytes="${JSON.stringify(sizes).replaceAll('"', '&quot;')}"`;
        let rewritten = 0;
        for (const page of pages) {
          const html = await readFile(path.join(site, page), 'utf8');
          if (!html.includes(ENGINE_BYTES_PLACEHOLDER)) continue;
          await writeFile(path.join(site, page), html.replace(ENGINE_BYTES_PLACEHOLDER, attribute));
          rewritten++;
        }
        logger.info(`engine download (bytes): ${JSON.stringify(sizes)}, written into ${rewritten} pages`);
      },
    },
  };
}

/** The engine worker's files by part, or null for another worker's bundle. */
function engineFiles(bundle: Record<string, Output>): EngineFiles | null {
  const chunks = new Map<string, Chunk>();
  for (const output of Object.values(bundle)) if (output.type === 'chunk') chunks.set(output.fileName, output);
  const entry = [...chunks.values()].find((c) => c.facadeModuleId?.endsWith('/src/client/engine/worker.ts'));
  if (!entry) return null;
  const core = closure([entry.fileName], chunks, new Set());
  const parts: EngineFiles = { core: [...core], webgpu: [], webgl: [], wasm: [], cpu: [], gradients: [] };
  for (const name of new Set([...core].flatMap((file) => chunks.get(file)?.dynamicImports ?? []))) {
    const chunk = chunks.get(name);
    if (!chunk) continue;
    const backend = chunk.moduleIds.map((id) => BACKEND.exec(id)?.[1]).find(Boolean) as keyof EngineFiles | undefined;
    const part = backend ?? (chunk.moduleIds.some((id) => id.includes('register_all_gradients')) ? 'gradients' : null);
    if (part) parts[part].push(...closure([name], chunks, core));
  }
  // tfjs fetches one wasm binary: the SIMD one, unless the page is cross-origin isolated (threads), which
  // this site is not; every current browser has SIMD.
  const simd = Object.keys(bundle).find((f) => /tfjs-backend-wasm-simd[^/]*\.wasm$/.test(f));
  if (simd) parts.wasm.push(simd);
  return parts;
}

/** The chunks a file loads with it (static imports, transitively), minus those already loaded. */
function closure(start: string[], chunks: Map<string, Chunk>, loaded: Set<string>): Set<string> {
  const found = new Set<string>();
  const queue = [...start];
  while (queue.length) {
    const file = queue.pop()!;
    if (found.has(file) || loaded.has(file)) continue;
    found.add(file);
    queue.push(...(chunks.get(file)?.imports ?? []));
  }
  return found;
}

/** Sizes of the written files. The worker bundle's names are relative to the site's assets folder. */
async function measure(site: string, files: EngineFiles): Promise<EngineBytes> {
  const all = await readdir(site, { recursive: true });
  const locate = (name: string) => all.find((f) => f === name || f.endsWith(`${path.sep}${name}`));
  const sizes = {} as EngineBytes;
  for (const [part, names] of Object.entries(files) as [keyof EngineBytes, string[]][]) {
    let bytes = 0;
    for (const name of names) {
      const file = locate(name);
      if (file) bytes += (await stat(path.join(site, file))).size;
    }
    sizes[part] = bytes;
  }
  return sizes;
}
