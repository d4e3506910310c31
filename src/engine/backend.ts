/**
 * Backend choice. Automatic order: WebGPU, WebGL, WASM, CPU; an override names one backend (or an order).
 * Backends are imported on demand so a page or script only loads the ones it tries, and the result says
 * which backend was obtained and why the ones before it were skipped.
 */
import * as tf from '@tensorflow/tfjs-core';

import { BACKEND_ORDER, type BackendName } from './backend-names.ts';

export type { BackendName };

export interface BackendRequest {
  /** One backend to use, or 'auto' (default) for the first that works in BACKEND_ORDER. */
  prefer?: BackendName | 'auto';
  /** Explicit order to try (overrides prefer). */
  order?: readonly BackendName[];
  /** Where the tfjs wasm binaries are served (a folder URL or a map of file name to URL). */
  wasmPaths?: string | Record<string, string>;
  /**
   * The figures take gradients (optimisations): WebGL then needs float32 render targets. Only consulted by
   * the automatic choice.
   */
  gradients?: boolean;
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
    // A backend asked for by name is used even on a software renderer; the automatic choice skips those.
    const reason =
      (prefer === 'auto' ? await softwareOnly(name, request.gradients ?? false) : null) ??
      (await tryBackend(name, request));
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

/**
 * Why a GPU backend would run on the CPU here (and so lose to wasm), or null. Measured on this project's
 * CI machine: Tiny Darknet per forward pass 2.4 s on Chromium's software WebGPU and 465 ms on SwiftShader
 * WebGL, against 59 ms on wasm.
 */
async function softwareOnly(name: BackendName, gradients: boolean): Promise<string | null> {
  if (name === 'webgpu') return softwareWebGpu();
  if (name === 'webgl') return softwareWebGl(gradients);
  return null;
}

const SOFTWARE = /swiftshader|llvmpipe|lavapipe|softpipe|software|microsoft basic render/i;

interface AdapterInfo {
  vendor?: string;
  architecture?: string;
  device?: string;
  description?: string;
  isFallbackAdapter?: boolean;
}

async function softwareWebGpu(): Promise<string | null> {
  const gpu = (globalThis as { navigator?: { gpu?: { requestAdapter: () => Promise<unknown> } } }).navigator?.gpu;
  if (!gpu) return null; // tryBackend says why
  const adapter = (await gpu.requestAdapter().catch(() => null)) as {
    info?: AdapterInfo;
    isFallbackAdapter?: boolean;
  } | null;
  if (!adapter) return 'no WebGPU adapter';
  const info = adapter.info ?? {};
  const text = [info.vendor, info.architecture, info.device, info.description].filter(Boolean).join(' ');
  if (adapter.isFallbackAdapter || info.isFallbackAdapter || SOFTWARE.test(text)) {
    return `software adapter (${text || 'fallback'}): slower than wasm; ask for it with ?backend=webgpu`;
  }
  return null;
}

function softwareWebGl(gradients: boolean): string | null {
  const g = globalThis as { OffscreenCanvas?: new (w: number, h: number) => { getContext(kind: string): unknown } };
  if (!g.OffscreenCanvas) return null;
  const gl = new g.OffscreenCanvas(1, 1).getContext('webgl2') as WebGl | null;
  if (!gl) return 'no WebGL 2 context';
  const debug = gl.getExtension('WEBGL_debug_renderer_info') as { UNMASKED_RENDERER_WEBGL: number } | null;
  const renderer = String(debug ? gl.getParameter(debug.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
  if (SOFTWARE.test(renderer))
    return `software renderer (${renderer}): slower than wasm; ask for it with ?backend=webgl`;
  if (gradients && !gl.getExtension('EXT_color_buffer_float')) return 'no float32 render targets, which gradients need';
  return null;
}

interface WebGl {
  RENDERER: number;
  getExtension(name: string): unknown;
  getParameter(parameter: number): unknown;
}

/**
 * Resolves with the reason when the WebGPU device tfjs runs on is lost (a driver reset, or a software
 * adapter giving up mid-optimisation); never resolves on other backends.
 */
export function deviceLost(): Promise<string> {
  if (tf.getBackend() !== 'webgpu') return new Promise(() => undefined);
  const device = (tf.backend() as unknown as { device?: { lost?: Promise<{ message?: string; reason?: string }> } })
    .device;
  return device?.lost?.then((info) => info.message || info.reason || 'unknown reason') ?? new Promise(() => undefined);
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
