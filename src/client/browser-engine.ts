/**
 * The engine's browser side: backend start-up with the wasm binaries Vite emits, packs fetched from the
 * site's /data/ folder.
 * Loaded only on demand: a page pulls in tfjs when a reader asks for a recompute, never before.
 */
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { HttpSource, initBackend, load, type BackendName, type BackendReport, type Network } from '../engine/index.ts';
import type { ModelSpec } from '../registry/schema.ts';

const WASM_PATHS = {
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
};

let started: Promise<BackendReport> | null = null;

/** Starts tfjs once per page: the requested backend, or WebGPU, WebGL, WASM, CPU in that order. */
export function startBackend(prefer: BackendName | 'auto' = 'auto'): Promise<BackendReport> {
  started ??= initBackend({ prefer, wasmPaths: WASM_PATHS });
  return started;
}

/** URL of a fetched pack file inside the built site. */
export function dataUrl(packId: string, file = ''): string {
  return new URL(`${import.meta.env.BASE_URL.replace(/\/?$/, '/')}data/${packId}/${file}`, location.href).href;
}

const networks = new Map<string, Promise<Network>>();

/** Loads a model once per page (up to the deepest of the given layers, or whole). */
export function loadNetwork(spec: ModelSpec, upTo?: string[]): Promise<Network> {
  const key = `${spec.id}:${upTo?.join(',') ?? '*'}`;
  let network = networks.get(key);
  if (!network) {
    network = load(spec, new HttpSource(dataUrl(spec.id)), { upTo });
    networks.set(key, network);
  }
  return network;
}
