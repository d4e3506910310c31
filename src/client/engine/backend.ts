/**
 * The engine's browser side: backend start-up with the wasm binaries Vite emits, and the site's /data/
 * folder where packs are served. Runs in the page's worker (and on the diagnostic pages).
 */
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { backend, type BackendName, type BackendReport } from '../../engine/index.ts';

const WASM_PATHS = {
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
};

/**
 * Starts tfjs: the requested backend, or the first of WebGPU, WebGL, WASM, CPU that works and does not run
 * on the CPU in disguise (a software GPU adapter or renderer loses to wasm).
 */
export function startBackend(
  prefer: BackendName | 'auto' = 'auto',
  gradients = false,
  order?: BackendName[],
): Promise<BackendReport> {
  return backend.init({ prefer, order, wasmPaths: WASM_PATHS, gradients });
}

/** URL of a fetched pack file inside the built site. */
export function dataUrl(packId: string, file = ''): string {
  return new URL(`${import.meta.env.BASE_URL.replace(/\/?$/, '/')}data/${packId}/${file}`, location.href).href;
}

/** URL of a precomputed figure file inside the built site. */
export function figuresUrl(file: string): string {
  return new URL(`${import.meta.env.BASE_URL.replace(/\/?$/, '/')}figures/${file}`, location.href).href;
}
