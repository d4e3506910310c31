/** Engine set-up for Node: wasm binaries from node_modules, packs from the store or the mirror. */
import { createRequire } from 'node:module';
import path from 'node:path';
import {
  backend,
  load,
  loadFastStyle,
  type BackendName,
  type FastStyleNetwork,
  type BackendReport,
  type LoadOptions,
  type Network,
} from '../engine/index.ts';
import { modelSpec } from '../registry/index.ts';
import { mirrorSource, storeSource } from './fs-source.ts';
import { installDawn } from './dawn.ts';

const require = createRequire(import.meta.url);

/** In Node: WebGPU through Dawn when there is a GPU; without one wasm (SIMD) is fastest; cpu is the fallback. */
export const NODE_BACKEND_ORDER: readonly BackendName[] = ['webgpu', 'wasm', 'cpu'];

export function nodeWasmPaths(): string {
  const dist = path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));
  return `${dist}${path.sep}`;
}

/** Starts tfjs in Node: WebGPU through Dawn where a GPU is found, else wasm, else cpu (or the one asked for). */
export async function initNodeBackend(prefer: BackendName | 'auto' = 'auto'): Promise<BackendReport> {
  const order = prefer === 'auto' ? NODE_BACKEND_ORDER : [prefer];
  const dawnProblem = order.includes('webgpu') ? await installDawn() : null;
  const report = await withoutNewProcessHandlers(() => backend.init({ order, wasmPaths: nodeWasmPaths() }));
  // Say why WebGPU was skipped in Dawn's words rather than the generic "no navigator.gpu".
  return {
    ...report,
    skipped: report.skipped.map((s) => (s.name === 'webgpu' && dawnProblem ? { ...s, reason: dawnProblem } : s)),
  };
}

const PROCESS_EVENTS = ['unhandledRejection', 'uncaughtException'] as const;

/**
 * Runs `start` and removes the process handlers it added. tfjs-backend-wasm's Emscripten module installs
 * handlers that rethrow any later unhandled error from inside the module, so Node prints the whole minified
 * module (about 20 KB on one line) before the message; the scripts' own handlers (scripts/lib/main.ts) say it
 * in one line with the fix instead.
 */
async function withoutNewProcessHandlers<T>(start: () => Promise<T>): Promise<T> {
  const events = process as unknown as NodeJS.EventEmitter; // the untyped view: one loop over both events
  const before = new Map(PROCESS_EVENTS.map((event) => [event, new Set(events.listeners(event))]));
  try {
    return await start();
  } finally {
    for (const event of PROCESS_EVENTS) {
      const added = events.listeners(event).filter((listener) => !before.get(event)!.has(listener));
      for (const listener of added) events.off(event, listener as (...args: unknown[]) => void);
    }
  }
}

/** Loads a registered model from the store (default) or from the mirror. */
export async function loadModel(
  id: string,
  options: LoadOptions & { from?: 'store' | 'mirror' } = {},
): Promise<Network> {
  const source = options.from === 'mirror' ? mirrorSource(id) : storeSource(id);
  return load(modelSpec(id), source, options);
}

/** Loads a fast-style network (one per painting) from the store (default) or the mirror. */
export async function loadFastStyleModel(id: string, from: 'store' | 'mirror' = 'store'): Promise<FastStyleNetwork> {
  return loadFastStyle(modelSpec(id), from === 'mirror' ? mirrorSource(id) : storeSource(id));
}
