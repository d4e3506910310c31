/**
 * A script that fails says why in a few lines, with the fix, and exits with 1; it never prints the wasm
 * backend's minified module (which rethrows unhandled errors from its own process handlers).
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packs } from '../../src/registry/index.ts';
import { PROJECT_ROOT, mirrorRoot } from '../../src/node/paths.ts';

const run = promisify(execFile);
let work: string;

/** A store of links into the mirror, but with one Tiny Darknet weight file cut to 100 bytes. */
async function storeWithTruncatedShard(): Promise<string> {
  const store = path.join(work, 'store');
  await mkdir(store);
  for (const pack of packs) {
    const from = path.join(mirrorRoot()!, pack.mirror);
    if (pack.id !== 'tiny-darknet') {
      await symlink(from, path.join(store, pack.id), 'dir');
      continue;
    }
    await mkdir(path.join(store, pack.id));
    for (const file of await readdir(from)) await copyFile(path.join(from, file), path.join(store, pack.id, file));
    const shard = path.join(store, pack.id, 'group1-shard1of1');
    await writeFile(shard, (await readFile(shard)).subarray(0, 100));
  }
  return store;
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'layerlens-errors-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('script errors', () => {
  it('a corrupt weight file stops the precompute with a short message that names the fix', async () => {
    const env = {
      ...process.env,
      LAYERLENS_STORE: await storeWithTruncatedShard(),
      LAYERLENS_WORK: path.join(work, 'work'),
      LAYERLENS_CONTENT: 'tests/fixtures/basic/content',
      LAYERLENS_DEBUG: '',
    };
    const failure = await run(process.execPath, ['--import', 'tsx', 'scripts/precompute.ts'], {
      cwd: PROJECT_ROOT,
      env,
    }).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    const errorLines = failure!.stderr
      .split('\n')
      .filter((line) => !line.startsWith('[') && !line.startsWith('Skipped'));
    const printed = errorLines.join('\n');
    expect(printed).toMatch(/Error: Model tiny-darknet: group1-shard1of1 in .* is corrupt \(100 bytes, expected 256/);
    expect(printed).toMatch(/Fix: fetch it again .*npm run models -- tiny-darknet/);
    expect(printed).not.toMatch(/var Module|WasmBackendModule/);
    expect(printed.length).toBeLessThan(1000);
  });
});
