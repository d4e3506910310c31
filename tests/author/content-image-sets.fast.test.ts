/**
 * Authors' own image sets (the content folder's image-sets/<name>/ with manifest.json): a set that checks out
 * is named like a shipped one (set="<name>", images "<name>/<file>"), read where it is and credited; a changed,
 * missing, unlisted or badly described image, or a name a shipped pack has, fails with the fix.
 */
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkImage } from '../../src/figures/check-image.ts';
import { contentImageSets } from '../../src/figures/content-image-sets.ts';
import { setPackId } from '../../src/figures/common/image-set/authoring.ts';
import { setProp } from '../../src/figures/common/image-set/props.ts';
import { anyImageSet } from '../../src/figures/image-packs.ts';
import { imageCredit } from '../../src/figures/image-credit.ts';
import { packDir } from '../../src/node/paths.ts';
import { weightsHash } from '../../src/node/input-hashes.ts';
import { photoPath } from '../helpers/images.ts';

const DOG = { bytes: 163759, sha256: '5a9522051c3cec2bbd2f6323fccba32e8fbf3ddcc2b3e2fd46b04c720bc6f866' };
const dog = { file: 'dog.jpg', category: 'animals', caption: 'A dog.', ...DOG };
const base = { name: 'Pets', source: 'My own photos', license: 'CC BY 4.0' };
const folders: string[] = [];

/** A content folder with one set: the given photos (by mirror name) and manifest (a fresh folder per call). */
async function contentSet(name: string, files: Record<string, string>, manifest: unknown): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'layerlens-sets-'));
  folders.push(dir);
  const set = path.join(dir, 'image-sets', name);
  await mkdir(set, { recursive: true });
  for (const [file, photo] of Object.entries(files)) await copyFile(photoPath(photo), path.join(set, file));
  if (manifest !== undefined) await writeFile(path.join(set, 'manifest.json'), JSON.stringify(manifest));
  process.env.LAYERLENS_CONTENT = dir;
  return set;
}

afterEach(async () => {
  delete process.env.LAYERLENS_CONTENT;
  await Promise.all(folders.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

describe("an article's own image set", () => {
  it('is named like a shipped set, read in place, hashed and credited', async () => {
    const folder = await contentSet('pets', { 'dog.jpg': 'dog.jpg' }, { ...base, images: [dog] });
    expect(contentImageSets().problems).toEqual([]);
    expect(setPackId('pets')).toBe('images-pets');
    expect(setProp.safeParse('pets').success).toBe(true);
    expect(setProp.safeParse('pest').error?.issues[0]?.message).toBe(
      '"pest" is not an image set (did you mean "pets"?); image sets: corpus, pets.',
    );
    expect(anyImageSet('pets')).toEqual([
      expect.objectContaining({ ref: 'images-pets/dog.jpg', category: 'animals', caption: 'A dog.', url: '' }),
    ]);
    expect(packDir('images-pets')).toBe(folder);
    expect(checkImage('pets/dog.jpg', 'chelsea.png')).toEqual([]);
    expect(weightsHash('images-pets')).toMatch(/^[0-9a-f]+$/);
    expect(imageCredit('images-pets/dog.jpg')).toEqual({
      text: 'A dog., from My own photos (CC BY 4.0)',
      url: undefined,
    });
    // A shipped pack's folder stays the store's.
    expect(packDir('images-corpus')).not.toContain('image-sets');
  });

  it('fails with the size and hash to record when an image changed', async () => {
    await contentSet('pets', { 'dog.jpg': 'coffee.png' }, { ...base, images: [dog] });
    const [problem] = contentImageSets().problems;
    expect(problem).toMatch(/pets\/dog\.jpg: it has \d+ bytes and SHA-256 [0-9a-f]{64}, but manifest\.json records/);
    expect(problem).toContain('if you replaced the image on purpose, record the new values');
    expect(setProp.safeParse('pets').success).toBe(false);
  });

  it('fails with the entry to add for an unlisted image, and names a listed one that is missing', async () => {
    await contentSet(
      'pets',
      { 'dog.jpg': 'dog.jpg', 'cat.png': 'chelsea.png' },
      { ...base, images: [dog, { ...dog, file: 'gone.jpg' }] },
    );
    const problems = contentImageSets().problems;
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/lists "gone\.jpg", which is not in .*pets\/: add the file or remove its entry/);
    expect(problems[1]).toMatch(
      /pets\/cat\.png is not listed: add \{"file":"cat\.png",.*"bytes":\d+,"sha256":"[0-9a-f]{64}"\}/,
    );
  });

  it('says the value to record for a missing size or hash, and the field of any other mistake', async () => {
    const { sha256: _sha256, ...unhashed } = dog;
    await contentSet('pets', { 'dog.jpg': 'dog.jpg' }, { ...base, images: [{ ...unhashed, category: 'Animals' }] });
    const problems = contentImageSets().problems;
    expect(problems).toContainEqual(expect.stringMatching(/manifest\.json: images\.0\.sha256: .*record "5a9522/));
    expect(problems).toContainEqual(expect.stringMatching(/images\.0\.category: use lower case letters/));
  });

  it('refuses a missing manifest with a template, and a name a shipped pack has', async () => {
    await contentSet('pets', { 'dog.jpg': 'dog.jpg' }, undefined);
    expect(contentImageSets().problems[0]).toMatch(/pets\/manifest\.json is missing: write one like \{"name"/);
    await contentSet('corpus', { 'dog.jpg': 'dog.jpg' }, { ...base, images: [dog] });
    expect(contentImageSets().problems).toEqual([
      expect.stringMatching(/image-sets\/corpus: a shipped pack is already called "corpus"; rename the folder/),
    ]);
    expect(packDir('images-corpus')).not.toContain('image-sets');
  });
});
