/**
 * WebGPU for the build in Node, through Dawn (the `webgpu` npm package). Chosen over driving headless
 * Chromium: the engine stays in the build's own process, with the same code path as the tests and no
 * browser in the build. The package is 130 MB and useless without a GPU, so it is not a dependency: on a
 * GPU machine, `npm install --no-save webgpu` (it needs libvulkan1 and a real GPU driver).
 */

/** Makes navigator.gpu available when Dawn finds a GPU; otherwise returns why not. */
export async function installDawn(): Promise<string | null> {
  const g = globalThis as { navigator?: { gpu?: unknown } };
  if (g.navigator?.gpu) return null;
  let dawn: { create: (flags: string[]) => { requestAdapter: () => Promise<unknown> }; globals: object };
  try {
    const name = 'webgpu'; // a variable: the package is optional, bundlers and tsc must not resolve it
    dawn = (await import(/* @vite-ignore */ name)) as typeof dawn;
  } catch {
    return 'no WebGPU in Node (on a GPU machine: npm install --no-save webgpu)';
  }
  const gpu = dawn.create([]);
  if (!(await gpu.requestAdapter())) return 'Dawn found no GPU adapter (needs libvulkan1 and a GPU driver)';
  Object.assign(globalThis, dawn.globals);
  if (g.navigator) Object.defineProperty(g.navigator, 'gpu', { value: gpu, configurable: true });
  else Object.defineProperty(globalThis, 'navigator', { value: { gpu }, configurable: true });
  return null;
}
