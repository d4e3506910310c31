/**
 * The upstream download path of the fetch step, against a loopback server standing in for upstream:
 * streamed with progress, cut down where the registry says so (labels: first 1000 lines), verified.
 */
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPack } from '../../src/registry/index.ts';
import type { Pack } from '../../src/registry/schema.ts';
import { mirrorSource } from '../../src/node/fs-source.ts';
import { downloadWithProgress } from '../../scripts/lib/download.ts';
import { FetchError, fetchFile } from '../../scripts/lib/fetch-pack.ts';
import { serveStatic } from '../../scripts/lib/static-server.ts';

const PORT = 4381;
let upstream: string;
let server: Server;
let work: string;

/** The tiny-darknet pack with its URLs pointed at the loopback "upstream". */
function localPack(): Pack {
  const pack = getPack('tiny-darknet');
  return {
    ...pack,
    files: pack.files.map((f) => ({ ...f, url: `http://127.0.0.1:${PORT}/${path.basename(new URL(f.url).pathname)}` })),
  };
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'layerlens-download-'));
  upstream = path.join(work, 'upstream');
  const mirror = mirrorSource('tiny-darknet').location;
  await mkdir(upstream);
  await cp(path.join(mirror, 'model.json'), path.join(upstream, 'model.json'));
  // Upstream's label list is longer than the model's 1000 classes: the registry keeps the first 1000 lines.
  const labels = await readFile(path.join(mirror, 'labels.txt'), 'utf8');
  await writeFile(path.join(upstream, 'imagenet.shortnames.list'), `${labels}extra class 1\nextra class 2\n`);
  server = await serveStatic(upstream, PORT);
});
afterAll(async () => {
  server.close();
  await rm(work, { recursive: true, force: true });
});

describe('download from upstream', () => {
  it('streams a file with progress and verifies it', async () => {
    const pack = localPack();
    const file = pack.files.find((f) => f.path === 'model.json')!;
    let bytes = 0;
    const outcome = await fetchFile(
      pack,
      file,
      { dest: path.join(work, 'store'), mirror: null, download: downloadWithProgress },
      (n) => (bytes += n),
    );
    expect(outcome).toBe('downloaded');
    expect(bytes).toBe(file.bytes);
    expect(await readFile(path.join(work, 'store', 'model.json'))).toEqual(
      await readFile(path.join(upstream, 'model.json')),
    );
  });

  it('keeps the first 1000 lines of the upstream label list, matching the registered checksum', async () => {
    const pack = localPack();
    const file = pack.files.find((f) => f.path === 'labels.txt')!;
    const outcome = await fetchFile(
      pack,
      file,
      { dest: path.join(work, 'store'), mirror: null, download: downloadWithProgress },
      () => {},
    );
    expect(outcome).toBe('downloaded');
    expect((await readFile(path.join(work, 'store', 'labels.txt'), 'utf8')).trim().split('\n')).toHaveLength(1000);
  });

  it('reports an upstream file that is not there', async () => {
    const pack = localPack();
    const file = pack.files.find((f) => f.path === 'group1-shard1of1')!;
    const error = await fetchFile(
      pack,
      file,
      { dest: path.join(work, 'store'), mirror: null, download: downloadWithProgress },
      () => {},
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FetchError);
    expect((error as Error).message).toMatch(/group1-shard1of1 answered HTTP 404/);
  });
});
