/** Tiny Darknet for a test file: on wasm with gradients, loaded once before its tests and disposed after. */
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { Network } from '../../src/engine/index.ts';
import { ensureGradients } from '../../src/engine/dream/gradients.ts';
import { initNodeBackend, loadModel } from '../../src/node/engine.ts';
import type { ImageSetEntry } from '../../src/registry/index.ts';
import { imagesRoot } from './images.ts';

/** Registers the load and the disposal; the returned function gives the network inside the tests. */
export function useTinyDarknet(): () => Network {
  let network: Network | undefined;
  beforeAll(async () => {
    await initNodeBackend('wasm');
    await ensureGradients();
    network = await loadModel('tiny-darknet', { from: 'mirror' });
  });
  afterAll(() => network?.dispose());
  return () => network!;
}

/** A corpus image's file in the mirror. */
export const corpusFile = (entry: ImageSetEntry) => path.join(imagesRoot(), 'corpus', entry.file);
