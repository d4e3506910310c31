/**
 * Who to credit for an image a figure shows: an article's own image by its images.json entry (credit and
 * licence, linked to its source), a shipped image by where its file comes from (linked to it; the pack's
 * licence is on the credits page). Build-time only: figures print it under the image; a reader's photo needs none.
 */
import { anyPack } from './image-packs.ts';
import { CONTENT_PACK, contentImages } from './content-images.ts';

export interface ImageCredit {
  text: string;
  /** Where the image comes from, when known. */
  url?: string;
}

/** The credit of "<pack>/<file>", or undefined for an image no pack describes. */
export function imageCredit(ref: string): ImageCredit | undefined {
  const [pack, ...rest] = ref.split('/');
  const file = rest.join('/');
  if (pack === CONTENT_PACK) {
    const own = contentImages().images.find((i) => i.file === file);
    return own && { text: `${own.credit} (${own.license})`, url: own.source };
  }
  try {
    const registered = anyPack(pack!);
    const entry = registered.kind === 'images' ? registered.files.find((f) => f.path === file) : undefined;
    if (!entry) return undefined;
    // An author's set may have no upstream: its credit is the set's source and licence (the credits page has more).
    if (!entry.url && registered.kind === 'images' && registered.set)
      return {
        text: `${entry.caption ?? file}, from ${registered.set.source} (${registered.license})`,
        url: registered.set.homepage,
      };
    // A shipped pack's licence covers many sources (the credits page has it): the line names the file's own.
    return { text: `${file}, from ${source(entry.url)}`, url: entry.url };
  } catch {
    return undefined;
  }
}

/** "owner/repo" for a GitHub file, else the host. */
function source(url: string): string {
  const github = /^https:\/\/(?:raw\.githubusercontent|github)\.com\/([^/]+\/[^/]+)\//.exec(url);
  return github ? github[1]! : new URL(url).host;
}
