/**
 * The image set images-corpus (Tux Paint stamps): its registry entry is the one scripts/register-image-set.ts
 * generates from the mirror's manifest.json, the manifest schema explains a bad entry, imageSet lists the set,
 * and authors reach its images as "corpus/<file>".
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { getPack, imageSet, imageSetPacks } from '../../src/registry/index.ts';
import { ImagePack, ImageSetManifest } from '../../src/registry/schema.ts';
import { imageRef } from '../../src/figures/contract/authoring.ts';
import { checkImage } from '../../src/figures/check-image.ts';
import { mirrorRoot } from '../../src/node/paths.ts';
import { sha256 } from '../../scripts/lib/fetch-pack.ts';
import { imageSetPack } from '../../scripts/register-image-set.ts';

const COMMIT = '6e3b534047767c1b224317dc19ea54a87fc8f93f';
const pack = ImagePack.parse(getPack('images-corpus'));
const folder = path.join(mirrorRoot()!, pack.mirror);
const manifestFile = path.join(folder, 'manifest.json');
const manifest = ImageSetManifest.parse(JSON.parse(await readFile(manifestFile, 'utf8')));

describe('the images-corpus registry entry', () => {
  it('agrees with the mirror manifest: every image, its size, SHA-256, caption and category', () => {
    expect(pack).toMatchObject({ kind: 'images', license: 'GPL-2.0-or-later', mirror: '../images/corpus' });
    expect(pack.set).toEqual({
      source: manifest.source,
      copyright: manifest.copyright,
      licenseFile: 'COPYING.txt',
      homepage: `https://github.com/deepin-community/tuxpaint-stamps/tree/${COMMIT}`,
    });
    expect(manifest.license).toBe(pack.license);
    const images = pack.files.filter((f) => f.path !== 'COPYING.txt');
    expect(images).toHaveLength(274);
    expect(manifest.images).toHaveLength(274);
    images.forEach((file, i) => {
      const entry = manifest.images[i]!;
      expect(file, entry.file).toEqual({
        path: entry.file,
        url: entry.upstream,
        bytes: entry.bytes,
        sha256: entry.sha256,
        caption: entry.caption,
        category: entry.category,
        ...(entry.subcategory ? { subcategory: entry.subcategory } : {}),
      });
      expect(file.url).toContain(`/tuxpaint-stamps/${COMMIT}/stamps/`);
    });
  });

  it('carries the licence text, checked against the mirror copy, from the same pinned commit', async () => {
    const license = pack.files.find((f) => f.path === 'COPYING.txt');
    const bytes = new Uint8Array(await readFile(path.join(folder, 'COPYING.txt')));
    expect(license).toEqual({
      path: 'COPYING.txt',
      url: `https://raw.githubusercontent.com/deepin-community/tuxpaint-stamps/${COMMIT}/docs/COPYING.txt`,
      bytes: bytes.byteLength,
      sha256: sha256(bytes),
    });
    expect(new TextDecoder().decode(bytes)).toMatch(/GNU GENERAL PUBLIC LICENSE\s+Version 2, June 1991/);
  });

  it('is what the register script generates from the manifest today', async () => {
    const generated = await imageSetPack({
      manifest: manifestFile,
      id: pack.id,
      name: pack.name,
      licenseUrl: pack.files.find((f) => f.path === 'COPYING.txt')!.url,
      homepage: null,
      mirror: pack.mirror,
    });
    expect(generated).toEqual(pack);
  });
});

describe('the image-set manifest schema', () => {
  it('rejects a bad entry, naming the image and the field', () => {
    const [first, second] = manifest.images;
    const result = ImageSetManifest.safeParse({
      ...manifest,
      images: [
        { ...first, caption: undefined },
        { ...second, sha256: 'ABC' },
      ],
    });
    expect(result.success).toBe(false);
    const message = z.prettifyError(result.error!);
    expect(message).toMatch(/→ at images\[0\]\.caption/);
    expect(message).toMatch(/a SHA-256 is 64 lower-case hex digits\s+→ at images\[1\]\.sha256/);
  });

  it('rejects an image listed twice, or the licence file listed as an image', () => {
    const [first, second] = manifest.images;
    const license = { ...first!, file: 'COPYING.txt' };
    const message = z.prettifyError(
      ImageSetManifest.safeParse({ ...manifest, images: [first, second, second, license] }).error!,
    );
    expect(message).toMatch(/"animals-amphibians--frog\.png" is listed twice\s+→ at images\[2\]\.file/);
    expect(message).toMatch(/"COPYING\.txt" is the licence file, not an image\s+→ at images\[3\]\.file/);
  });

  it('rejects unknown fields, multi-line captions and paths leaving the folder', () => {
    const [first] = manifest.images;
    const result = ImageSetManifest.safeParse({
      ...manifest,
      images: [{ ...first, colour: 'green', caption: 'A frog.\nGreen.', file: '../frog.png' }],
    });
    const message = z.prettifyError(result.error!);
    expect(message).toMatch(/Unrecognized key: "colour"/);
    expect(message).toMatch(/write it on one line\s+→ at images\[0\]\.caption/);
    expect(message).toMatch(/no "\.\."\s+→ at images\[0\]\.file/);
  });

  it('makes a registry image set name its licence file among its files and caption every image', () => {
    const images = pack.files.filter((f) => f.path !== 'COPYING.txt');
    const { caption: _caption, ...uncaptioned } = images[0]!;
    const result = ImagePack.safeParse({ ...pack, files: [uncaptioned, ...images.slice(1)] });
    const message = z.prettifyError(result.error!);
    expect(message).toMatch(/licence file "COPYING\.txt" must be one of the pack's files.*\s+→ at set\.licenseFile/);
    expect(message).toMatch(/every image of an image set has a caption .*\s+→ at files\[0\]\.caption/);
  });
});

describe('imageSet', () => {
  it('lists the 274 images of images-corpus in registry order, by pack id or by the name authors write', () => {
    const entries = imageSet('images-corpus');
    expect(entries).toHaveLength(274);
    expect(entries[0]).toEqual({
      ref: 'images-corpus/animals-amphibians--frog-1.png',
      file: 'animals-amphibians--frog-1.png',
      caption: 'A frog.',
      category: 'animals',
      subcategory: 'amphibians',
      url: manifest.images[0]!.upstream,
    });
    expect(entries.map((e) => e.file)).toEqual(manifest.images.map((i) => i.file));
    expect(entries.filter((e) => e.subcategory === null)).toHaveLength(
      manifest.images.filter((i) => !i.subcategory).length,
    );
    expect(imageSet('corpus')).toEqual(entries);
    expect(imageSetPacks().map((p) => p.id)).toContain('images-corpus');
  });

  it('fails on a pack that is not a set, listing the sets', () => {
    expect(() => imageSet('images-photos')).toThrow(
      /"images-photos" is not an image set\. Image sets: .*images-corpus/,
    );
    expect(() => imageSet('stamps')).toThrow(/Image sets: .*images-corpus/);
  });
});

describe('authors name the images as corpus/<file>', () => {
  it('resolves and validates like the other packs', () => {
    const file = 'animals-birds--blackbird.png';
    expect(imageRef(`corpus/${file}`)).toBe(`images-corpus/${file}`);
    expect(imageRef(`images-corpus/${file}`)).toBe(`images-corpus/${file}`);
    expect(checkImage(`corpus/${file}`, 'chelsea.png')).toEqual([]);
    expect(checkImage('corpus/blackbird.png', 'chelsea.png')[0]).toMatch(/unknown image "corpus\/blackbird\.png"/);
  });

  it('refuses the licence file as an image, and names the set once in the list of valid images', () => {
    const [problem] = checkImage('corpus/COPYING.txt', 'chelsea.png');
    expect(problem).toMatch(/unknown image "corpus\/COPYING\.txt"/);
    expect(problem).toContain('corpus/<file> (274 images, listed on the credits page)');
    expect(problem).not.toContain('animals-birds--blackbird.png');
    expect(problem!.length).toBeLessThan(2000);
  });
});
