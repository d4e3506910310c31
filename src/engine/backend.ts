/**
 * Backend choice. Automatic order: WebGPU, WebGL, WASM, CPU; an override names one backend (or an order).
 * Backends are imported on demand so a page or script only loads the ones it tries, and the result says
 * which backend was obtained and why the ones before it were skipped.
 */
import * as tf from '@tensorflow/tfjs-core';

export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';
export const BACKEND_ORDER: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

export interface BackendRequest {
  /** One backend to use, or 'auto' (default) for the first that works in BACKEND_ORDER. */
  prefer?: BackendName | 'auto';
  /** Explicit order to try (overrides prefer). */
  order?: readonly BackendName[];
  /** Where the tfjs wasm binaries are served (a folder URL or a map of file name to URL). */
  wasmPaths?: string | Record<string, string>;
}

export interface BackendReport {
  /** The backend in use. */
  name: BackendName;
  /** Backends tried before it, with the reason each was not used. */
  skipped: { name: BackendName; reason: string }[];
}

export async function initBackend(request: BackendRequest = {}): Promise<BackendReport> {
  const prefer = request.prefer ?? 'auto';
  const order = request.order ?? (prefer === 'auto' ? BACKEND_ORDER : [prefer]);
  const skipped: BackendReport['skipped'] = [];
  for (const name of order) {
    const reason = await tryBackend(name, request);
    if (reason === null) return { name, skipped };
    skipped.push({ name, reason });
  }
  throw new Error(`No tfjs backend could start: ${skipped.map((s) => `${s.name} (${s.reason})`).join('; ')}.`);
}

/** Null on success, otherwise why the backend could not be used. */
async function tryBackend(name: BackendName, request: BackendRequest): Promise<string | null> {
  const missing = unavailable(name);
  if (missing) return missing;
  try {
    await register(name, request);
    if (!(await tf.setBackend(name))) return 'initialisation failed';
    await tf.ready();
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Cheap capability checks, so a backend that cannot exist here is not even downloaded. */
function unavailable(name: BackendName): string | null {
  const g = globalThis as { navigator?: { gpu?: unknown }; OffscreenCanvas?: unknown; document?: unknown };
  if (name === 'webgpu' && !g.navigator?.gpu) return 'no WebGPU (navigator.gpu) in this environment';
  if (name === 'webgl' && !g.OffscreenCanvas && !g.document) return 'no canvas for WebGL in this environment';
  if (name === 'wasm' && typeof WebAssembly === 'undefined') return 'no WebAssembly in this environment';
  return null;
}

async function register(name: BackendName, request: BackendRequest): Promise<void> {
  if (tf.findBackendFactory(name)) return;
  switch (name) {
    case 'webgpu':
      await import('@tensorflow/tfjs-backend-webgpu');
      return;
    case 'webgl':
      await import('@tensorflow/tfjs-backend-webgl');
      return;
    case 'wasm': {
      const wasm = await import('@tensorflow/tfjs-backend-wasm');
      if (request.wasmPaths) wasm.setWasmPaths(request.wasmPaths as string);
      return;
    }
    case 'cpu':
      await import('@tensorflow/tfjs-backend-cpu');
      return;
  }
}

/** The backend tfjs is using now. */
export function currentBackend(): string {
  return tf.getBackend();
}
