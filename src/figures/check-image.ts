/**
 * An author's image name checked against the registry's image packs, with the likely fix. An image set's
 * licence file is no image, and a set's hundreds of files are named once in the message (the credits page
 * lists them all), so the list of valid images stays readable.
 */
import { allImagePacks } from './image-packs.ts';
import type { ImagePack } from '../registry/schema.ts';
import { imageRef } from './contract/authoring.ts';
import { suggestion } from './suggest.ts';

/** How an author writes a pack's file: bare for images-photos, "<pack without images->/<file>" otherwise. */
export function authorName(pack: ImagePack, file: string): string {
  return pack.id === 'images-photos' ? file : `${pack.id.slice('images-'.length)}/${file}`;
}

/** The files of a pack an author may name. */
export function nameableFiles(pack: ImagePack): string[] {
  return pack.files.filter((f) => f.publish !== false && f.path !== pack.set?.licenseFile).map((f) => f.path);
}

/** The registry's image packs, the articles' own images and image sets (those that check out). */
const packs = allImagePacks;

export function checkImage(image: string | undefined, photo: string): string[] {
  const ref = imageRef(image ?? photo);
  const [pack, file] = [ref.slice(0, ref.indexOf('/')), ref.slice(ref.indexOf('/') + 1)];
  const valid = packs().flatMap((p) => nameableFiles(p).map((f) => authorName(p, f)));
  const listed = packs().flatMap((p) =>
    p.set
      ? [`${authorName(p, '<file>')} (${nameableFiles(p).length} images, listed on the credits page)`]
      : nameableFiles(p).map((f) => authorName(p, f)),
  );
  const owner = packs().find((p) => p.id === pack);
  const entry = owner?.files.find((f) => f.path === file && f.path !== owner.set?.licenseFile);
  if (!entry)
    return [
      `unknown image "${image ?? photo}"${suggestion(image ?? photo, valid)}; valid images: ${listed.join(', ')}`,
    ];
  if (entry.publish === false)
    return [`image "${image}" may not be published (its rights are not cleared); valid images: ${listed.join(', ')}`];
  return [];
}
