/** The registry: every pack is valid, and the mirror's files match the recorded sizes and SHA-256. */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packs, getModel } from '../../src/registry/index.ts';
import { checksumProblem } from '../../scripts/lib/fetch-pack.ts';
import { mirrorRoot } from '../../src/node/paths.ts';

const mirror = mirrorRoot()!;

describe('model registry', () => {
  it('registers the three CNNs, the nine fast-style networks and the image packs', () => {
    const ids = packs.map((p) => p.id);
    expect(ids).toEqual(expect.arrayContaining(['tiny-darknet', 'tiny-vgg', 'vgg19', 'images-photos']));
    expect(ids.filter((id) => id.startsWith('fast-style-'))).toHaveLength(9);
    for (const pack of packs) expect(new Set(pack.files.map((f) => f.path)).size).toBe(pack.files.length);
  });

  it('records a size for every file and a SHA-256 for every file the mirror holds', async () => {
    let verified = 0;
    for (const pack of packs) {
      for (const file of pack.files) {
        const local = path.join(mirror, pack.mirror, file.path);
        const exists = await stat(local).then(
          () => true,
          () => false,
        );
        if (!exists) {
          expect(file.optional, `${pack.id}/${file.path} is missing from the mirror but not optional`).toBe(true);
          continue;
        }
        expect(checksumProblem(file, new Uint8Array(await readFile(local))), `${pack.id}/${file.path}`).toBeNull();
        expect(file.sha256).not.toBeNull();
        verified++;
      }
    }
    expect(verified).toBeGreaterThan(500);
  });

  it('verifies every file it has never seen by the upstream git blob id, from a URL pinned to that commit', () => {
    const unseen = packs.flatMap((p) => p.files.filter((f) => f.sha256 === null).map((f) => ({ pack: p.id, ...f })));
    expect(unseen).toHaveLength(143); // VGG19 blocks 4-5 and its dense layers
    for (const file of unseen) {
      expect(file.gitBlob, `${file.pack}/${file.path}`).toMatch(/^[0-9a-f]{40}$/);
      expect(file.url, `${file.pack}/${file.path}`).toMatch(/\/[0-9a-f]{40}\/model\//);
    }
  });

  it('marks only VGG19 blocks 4-5 and its dense layers as upstream-only', () => {
    const optional = packs.flatMap((p) => p.files.filter((f) => f.optional).map((f) => `${p.id}/${f.path}`));
    expect(optional.every((f) => f.startsWith('vgg19/group'))).toBe(true);
    const groups = new Set(optional.map((f) => Number(/group(\d+)-/.exec(f)![1])));
    expect([...groups].sort((a, b) => a - b)).toEqual([9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
  });

  it('keeps the paintings without cleared rights out of the published site', () => {
    const unpublished = packs.flatMap((p) => p.files.filter((f) => f.publish === false).map((f) => f.path));
    expect(unpublished.sort()).toEqual(['la_muse.jpg', 'rain_princess.jpg']);
  });

  it('describes each model input and preprocessing', () => {
    expect(getModel('vgg19').preprocessing).toEqual({
      scale: 'byte',
      channelOrder: 'bgr',
      mean: [103.939, 116.779, 123.68],
    });
    expect(getModel('tiny-darknet').preprocessing.scale).toBe('unit');
    expect(getModel('tiny-vgg').input).toMatchObject({ width: 64, height: 64, fixedSize: true });
    expect(() => getModel('resnet50')).toThrow(/Known models: .*tiny-darknet/);
  });
});
