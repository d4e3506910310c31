/**
 * Authors' own images (the content folder's images/ with images.json): a described, unchanged image is
 * usable as content/<file> and credited; a changed, missing or undescribed one fails with the fix.
 */
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkImage } from '../../src/figures/check-image.ts';
import { contentImages } from '../../src/figures/content-images.ts';
import { imageCredit } from '../../src/figures/image-credit.ts';
import { photoPath } from '../helpers/images.ts';

const DOG = '5a9522051c3cec2bbd2f6323fccba32e8fbf3ddcc2b3e2fd46b04c720bc6f866';
const entry = { file: 'my-dog.jpg', caption: 'A dog.', credit: 'Jane Doe', license: 'CC BY 4.0', sha256: DOG };
const folders: string[] = [];

/** A content folder whose images/ holds the given files and images.json (a fresh folder per call). */
async function content(files: Record<string, string>, manifest: unknown): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'layerlens-content-'));
  folders.push(dir);
  await mkdir(path.join(dir, 'images'));
  for (const [name, photo] of Object.entries(files)) await copyFile(photoPath(photo), path.join(dir, 'images', name));
  if (manifest !== undefined) await writeFile(path.join(dir, 'images', 'images.json'), JSON.stringify(manifest));
  process.env.LAYERLENS_CONTENT = dir;
}

afterEach(async () => {
  delete process.env.LAYERLENS_CONTENT;
  await Promise.all(folders.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

describe("an article's own images", () => {
  it('are usable as content/<file> and credited once described with their hash', async () => {
    await content({ 'my-dog.jpg': 'dog.jpg' }, { images: [entry] });
    expect(contentImages().problems).toEqual([]);
    expect(checkImage('content/my-dog.jpg', 'chelsea.png')).toEqual([]);
    expect(imageCredit('images-content/my-dog.jpg')).toEqual({ text: 'Jane Doe (CC BY 4.0)', url: undefined });
    expect(checkImage('content/my-dgo.jpg', 'chelsea.png')[0]).toMatch(/did you mean "content\/my-dog\.jpg"/);
  });

  it("credit a shipped image by its file's source", () => {
    expect(imageCredit('images-photos/chelsea.png')).toEqual({
      text: 'chelsea.png, from scikit-image/scikit-image',
      url: expect.stringContaining('scikit-image/scikit-image'),
    });
    expect(imageCredit('reader/1')).toBeUndefined();
  });

  it('fail with the new hash to record when the file changed', async () => {
    await content({ 'my-dog.jpg': 'coffee.png' }, { images: [entry] });
    const [problem] = contentImages().problems;
    expect(problem).toMatch(/images\/my-dog\.jpg: its SHA-256 is [0-9a-f]{64}, but images\.json records 5a95/);
    expect(problem).toContain('if you replaced the image on purpose, record the new hash');
    expect(checkImage('content/my-dog.jpg', 'chelsea.png')[0]).toMatch(/unknown image "content\/my-dog\.jpg"/);
  });

  it('fail with the entry to add when a file is not described, and name a listed file that is missing', async () => {
    await content(
      { 'my-dog.jpg': 'dog.jpg', 'cat.png': 'chelsea.png' },
      { images: [entry, { ...entry, file: 'gone.jpg' }] },
    );
    const problems = contentImages().problems;
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/lists "gone\.jpg", which is not in .*images\/: add the file or remove its entry/);
    expect(problems[1]).toMatch(
      /images\/cat\.png is not described: add \{"file":"cat\.png",.*"sha256":"[0-9a-f]{64}"\}/,
    );
  });

  it('fail at the field when a credit or licence is missing', async () => {
    const { credit: _credit, ...uncredited } = entry;
    await content({ 'my-dog.jpg': 'dog.jpg' }, { images: [uncredited] });
    expect(contentImages().problems).toEqual([expect.stringMatching(/images\.json: images\.0\.credit: /)]);
  });
});
