/**
 * What the kit finds on the machine it runs on: the GPU adapter Dawn reports (vendor, architecture, device,
 * whether it is a fallback/software one) or why there is none, and the profile that follows from it.
 */
import { installDawn } from '../../../src/node/dawn.ts';
import { isProfileName, type ProfileName } from '../../../src/figures/profiles.ts';

export interface AdapterReport {
  /** Dawn's adapter, when one was found. */
  adapter: { vendor: string; architecture: string; device: string; description: string; fallback: boolean } | null;
  /** Why there is no usable adapter (Dawn's words), when there is none. */
  problem: string | null;
}

interface DawnAdapter {
  info?: { vendor?: string; architecture?: string; device?: string; description?: string };
  isFallbackAdapter?: boolean;
}

/** Installs Dawn (see src/node/dawn.ts) and describes the adapter it would compute on. */
export async function findAdapter(): Promise<AdapterReport> {
  const problem = await installDawn();
  if (problem) return { adapter: null, problem };
  const gpu = (globalThis as { navigator?: { gpu?: { requestAdapter(): Promise<DawnAdapter | null> } } }).navigator
    ?.gpu;
  const adapter = await gpu?.requestAdapter();
  if (!adapter) return { adapter: null, problem: 'Dawn found no adapter on a second request' };
  const info = adapter.info ?? {};
  return {
    adapter: {
      vendor: info.vendor ?? '',
      architecture: info.architecture ?? '',
      device: info.device ?? '',
      description: info.description ?? '',
      fallback: adapter.isFallbackAdapter ?? false,
    },
    problem: null,
  };
}

/**
 * The profile asked for; 'auto' follows the backend the engine chose: gpu on WebGPU, else cpu (the engine's
 * automatic choice skips a software adapter such as lavapipe, so a CPU Vulkan driver gives cpu).
 */
export function pickProfile(requested: string, backend: string): ProfileName {
  if (requested === 'auto') return backend === 'webgpu' ? 'gpu' : 'cpu';
  if (!isProfileName(requested)) throw new Error(`--profile ${requested}: use gpu, cpu or auto.`);
  return requested;
}
