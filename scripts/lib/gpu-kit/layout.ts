/** Names the kit's parts share: where it is built, what it brings back. */
import path from 'node:path';
import { PROJECT_ROOT, workDir } from '../../../src/node/paths.ts';

/** The kit (git-ignored, under the work folder): what travels to the GPU machine. */
export const kitDir = (): string => path.join(workDir(), 'gpu-kit');

/**
 * Downloads and compressed parts kept between kit builds (the webgpu package, Debian packages, Node): in the
 * project's own .layerlens/ whatever LAYERLENS_WORK says, so a test's kit reuses them.
 */
export const kitCacheDir = (): string => path.join(PROJECT_ROOT, '.layerlens', 'gpu-kit-cache');

/** The run's report in OUT_DIR: adapter, profile, timings, per-figure seconds. */
export const RUN_FILE = 'gpu-run.json';

/** The computed cache comes back as a tar.gz in parts of at most 15 MiB (the device tool returns 16 MiB a file). */
export const CACHE_PARTS = 'cache.tar.gz.part-';

/** The far machine's limit on what travels in one run, in bytes. */
export const TRAVEL_LIMIT = 64 * 1024 * 1024;
