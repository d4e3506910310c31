/**
 * An image set's folder: manifest.json (ImageSetManifest), its images beside it and the licence file it names,
 * each checked against the manifest's size and SHA-256. Both ways a set comes in read it: a registered set
 * (scripts/register-image-set.ts) and an author's set in the content folder (src/figures/content-image-sets.ts).
 * Every problem names the file and says what to record, so a fix is one edit.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ImageSetManifest, type ImageFile, type ImageSetManifestImage } from '../registry/schema.ts';

export interface SetManifestRead {
  manifest: ImageSetManifest | null;
  problems: string[];
}

/** The manifest, validated; each problem gives the file and Zod's path to the bad field. */
export function readSetManifest(file: string, where = file): SetManifestRead {
  if (!existsSync(file)) return { manifest: null, problems: [`${where} is missing`] };
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return { manifest: null, problems: [`${where} is not JSON: ${error instanceof Error ? error.message : error}`] };
  }
  const result = ImageSetManifest.safeParse(json);
  if (result.success) return { manifest: result.data, problems: [] };
  return {
    manifest: null,
    problems: result.error.issues.map(
      (i) => `${where}: ${i.path.join('.') || 'the file'}: ${i.message}${actualValue(json, i.path, file)}`,
    ),
  };
}

/** For a wrong or missing size or hash of an image that is there: what to record. */
function actualValue(json: unknown, at: PropertyKey[], manifestFile: string): string {
  const [list, index, field] = at;
  if (list !== 'images' || typeof index !== 'number' || (field !== 'bytes' && field !== 'sha256')) return '';
  const name = (json as { images?: { file?: unknown }[] }).images?.[index]?.file;
  const file = typeof name === 'string' ? path.join(path.dirname(manifestFile), name) : '';
  if (!file || !existsSync(file)) return '';
  const bytes = readFileSync(file);
  return `; record ${field === 'bytes' ? bytes.byteLength : `"${sha256Of(bytes)}"`} (${name} as it is now)`;
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export interface SetFilesCheck {
  /** The set's files as a pack lists them: every image, then the licence file (url '' where none is known). */
  files: ImageFile[];
  problems: string[];
}

/** Every image and the licence file beside the manifest, checked against it. */
export function checkSetFiles(
  folder: string,
  manifest: ImageSetManifest,
  where: string,
  licenseUrl = '',
): SetFilesCheck {
  const problems = manifest.images.flatMap((image) => imageProblems(folder, image, where));
  const files: ImageFile[] = manifest.images.map((image) => ({
    path: image.file,
    url: image.upstream ?? '',
    bytes: image.bytes,
    sha256: image.sha256,
    caption: image.caption,
    category: image.category,
    ...(image.subcategory ? { subcategory: image.subcategory } : {}),
  }));
  if (manifest.licenseFile) {
    const file = path.join(folder, manifest.licenseFile);
    if (!existsSync(file))
      problems.push(`${where}/${manifest.licenseFile}: the licence file the manifest names is missing`);
    else {
      const bytes = readFileSync(file);
      files.push({ path: manifest.licenseFile, url: licenseUrl, bytes: bytes.byteLength, sha256: sha256Of(bytes) });
    }
  }
  return { files, problems };
}

function imageProblems(folder: string, image: ImageSetManifestImage, where: string): string[] {
  const file = path.join(folder, image.file);
  if (!existsSync(file))
    return [
      `${where}/manifest.json lists "${image.file}", which is not in ${where}/: add the file or remove its entry`,
    ];
  const bytes = readFileSync(file);
  const actual = { bytes: bytes.byteLength, sha256: sha256Of(bytes) };
  if (actual.bytes === image.bytes && actual.sha256 === image.sha256) return [];
  return [
    `${where}/${image.file}: it has ${actual.bytes} bytes and SHA-256 ${actual.sha256}, but manifest.json records ` +
      `${image.bytes} and ${image.sha256}; if you replaced the image on purpose, record the new values`,
  ];
}

/** A manifest entry to paste for an image the manifest does not list yet (its size and hash filled in). */
export function manifestEntryFor(folder: string, file: string): string {
  const bytes = readFileSync(path.join(folder, file));
  const entry = { file, category: '…', caption: '…', bytes: bytes.byteLength, sha256: sha256Of(bytes) };
  return JSON.stringify(entry);
}
