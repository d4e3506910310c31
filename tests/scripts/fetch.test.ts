/**
 * The fetch step (npm run models): copies from a mirror and verifies every checksum; refuses a corrupted
 * copy and a missing required file with a message naming the file and the fix.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mirrorRoot, PROJECT_ROOT } from '../../src/node/paths.ts';
import { getPack } from '../../src/registry/index.ts';

const run = promisify(execFile);
const mirror = mirrorRoot()!;
let work: string;

async function fetchModels(env: Record<string, string>, ...args: string[]) {
  try {
    const { stderr } = await run(process.execPath, ['--import', 'tsx', 'scripts/models.ts', ...args], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, ...env },
    });
    return { code: 0, stderr };
  } catch (error) {
    const e = error as { code: number; stderr: string };
    return { code: e.code, stderr: e.stderr };
  }
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'layerlens-fetch-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('npm run models', () => {
  it('copies a pack from the mirror, verifies it, and finds it present on the next run', async () => {
    const store = path.join(work, 'store-ok');
    const first = await fetchModels({ LAYERLENS_STORE: store, LAYERLENS_MIRROR: mirror }, 'tiny-vgg', 'tiny-darknet');
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/Verified 36 files \(0 already present, 36 copied/);
    expect((await readdir(path.join(store, 'tiny-darknet'))).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const second = await fetchModels({ LAYERLENS_STORE: store, LAYERLENS_MIRROR: mirror }, 'tiny-vgg', 'tiny-darknet');
    expect(second.stderr).toMatch(/Verified 36 files \(36 already present, 0 copied/);
  });

  it('notes the VGG19 files the mirror lacks without failing', async () => {
    const result = await fetchModels(
      { LAYERLENS_STORE: path.join(work, 'store-vgg'), LAYERLENS_MIRROR: mirror },
      'vgg19',
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/143 optional files of vgg19 are not in the mirror/);
  });

  it('refuses a corrupted file, naming it and how to fix it', async () => {
    const badMirror = path.join(work, 'bad-mirror');
    await cp(path.join(mirror, 'tiny-vgg'), path.join(badMirror, 'tiny-vgg'), { recursive: true });
    const shard = path.join(badMirror, 'tiny-vgg', 'group1-shard1of1.bin');
    const bytes = new Uint8Array(79680);
    bytes[100] = 7;
    await writeFile(shard, bytes);
    const store = path.join(work, 'store-bad');
    const result = await fetchModels({ LAYERLENS_STORE: store, LAYERLENS_MIRROR: badMirror }, 'tiny-vgg');
    expect(result.code).toBe(1);
    const registered = getPack('tiny-vgg').files.find((f) => f.path === 'group1-shard1of1.bin')!.sha256!;
    expect(result.stderr).toContain(`tiny-vgg/group1-shard1of1.bin: SHA-256 `);
    expect(result.stderr).toContain(`, expected ${registered} (from the mirror copy ${shard})`);
    expect(result.stderr).toMatch(/replace it with the upstream file https:\/\/raw\.githubusercontent\.com\/poloclub/);
    expect(await readdir(path.join(store, 'tiny-vgg'))).toEqual(['model.json']);
  });

  it('refuses a mirror that lacks a required file', async () => {
    const badMirror = path.join(work, 'thin-mirror');
    await cp(path.join(mirror, 'tiny-vgg'), path.join(badMirror, 'tiny-vgg'), { recursive: true });
    await rm(path.join(badMirror, 'tiny-vgg', 'model.json'));
    const result = await fetchModels(
      { LAYERLENS_STORE: path.join(work, 'store-thin'), LAYERLENS_MIRROR: badMirror },
      'tiny-vgg',
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/tiny-vgg\/model\.json is missing from the mirror/);
  });

  it('rejects an unknown pack with the list of known ones', async () => {
    const result = await fetchModels(
      { LAYERLENS_STORE: path.join(work, 'store-x'), LAYERLENS_MIRROR: mirror },
      'resnet',
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Unknown pack "resnet". Known packs: .*tiny-darknet/);
  });
});
