/**
 * Authors' own images: image files in the content folder's `images/`, each described in `images.json` with
 * its caption, credit, licence and SHA-256. Together they are the pack `images-content`, named in figures as
 * `content/<file>`, read from where they are (never copied into the store), precomputed and cached like
 * every image, published beside the site with their credit (figures, the credits page). A file that
 * changed, is missing or is not described fails the build with the fix.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { CONTENT_PACK, contentDir } from '../node/paths.ts';
import type { ImagePack } from '../registry/schema.ts';

export { CONTENT_PACK };

export const ContentImage = z.strictObject({
  /** The image's file name in the content folder's images/ (no subfolders). */
  file: z.string().regex(/^[^/\\]+\.(jpe?g|png|webp|gif)$/i, { message: 'a .jpg, .png, .webp or .gif file name' }),
  /** What the image shows, in one line (the credits page; alternative text where a figure has none). */
  caption: z.string().min(1),
  /** Who made it, as it must be credited: shown under figures that show it and on the credits page. */
  credit: z.string().min(1),
  /** Its licence, e.g. "CC BY 4.0", or "own photo" for the author's own. */
  license: z.string().min(1),
  /** Where it comes from, if it was found somewhere. */
  source: z.url().optional(),
  /** Its SHA-256, so a file replaced by mistake is caught: the build says the new hash to record. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/, { message: 'a SHA-256 is 64 lower-case hex digits' }),
});
export type ContentImage = z.infer<typeof ContentImage>;

export const ContentImages = z.strictObject({
  /** Every image of the folder. */
  images: z.array(ContentImage),
});

export interface ContentImagesCheck {
  /** The pack (absent without an images/ folder, or with problems). */
  pack: ImagePack | null;
  images: ContentImage[];
  /** What is wrong, each with the file and the fix. */
  problems: string[];
}

const IMAGE_FILE = /\.(jpe?g|png|webp|gif)$/i;
const checked = new Map<string, ContentImagesCheck>();

/** The content folder's images, checked once per content folder. */
export function contentImages(): ContentImagesCheck {
  const folder = path.join(contentDir(), 'images');
  let result = checked.get(folder);
  if (!result) {
    result = check(folder);
    checked.set(folder, result);
  }
  return result;
}

function check(folder: string): ContentImagesCheck {
  if (!existsSync(folder)) return { pack: null, images: [], problems: [] };
  const where = path.relative(process.cwd(), folder);
  const manifest = path.join(folder, 'images.json');
  const onDisk = readdirSync(folder).filter((f) => IMAGE_FILE.test(f));
  if (!existsSync(manifest)) return { pack: null, images: [], problems: onDisk.map((f) => unlisted(where, folder, f)) };
  const parsed = ContentImages.safeParse(readJson(manifest));
  if (!parsed.success)
    return {
      pack: null,
      images: [],
      problems: parsed.error.issues.map((i) => `${where}/images.json: ${i.path.join('.') || 'the file'}: ${i.message}`),
    };
  const { images } = parsed.data;
  const problems = [
    ...images.flatMap((image) => fileProblems(where, folder, image)),
    ...onDisk.filter((f) => !images.some((i) => i.file === f)).map((f) => unlisted(where, folder, f)),
  ];
  return { pack: problems.length ? null : packOf(folder, images), images, problems };
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return { error: String(error) };
  }
}

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

function fileProblems(where: string, folder: string, image: ContentImage): string[] {
  const file = path.join(folder, image.file);
  if (!existsSync(file))
    return [`${where}/images.json lists "${image.file}", which is not in ${where}/: add the file or remove its entry`];
  const actual = sha256(file);
  if (actual === image.sha256) return [];
  return [
    `${where}/${image.file}: its SHA-256 is ${actual}, but images.json records ${image.sha256}; if you replaced the image on purpose, record the new hash`,
  ];
}

function unlisted(where: string, folder: string, file: string): string {
  const entry = { file, caption: '…', credit: '…', license: '…', sha256: sha256(path.join(folder, file)) };
  return `${where}/${file} is not described: add ${JSON.stringify(entry)} to the "images" of ${where}/images.json`;
}

function packOf(folder: string, images: ContentImage[]): ImagePack {
  return {
    id: CONTENT_PACK,
    kind: 'images',
    name: "The articles' own images",
    license: 'as each image says',
    mirror: '',
    files: images.map((i) => ({
      path: i.file,
      url: i.source ?? '',
      bytes: readFileSync(path.join(folder, i.file)).length,
      sha256: i.sha256,
      caption: i.caption,
    })),
  };
}
