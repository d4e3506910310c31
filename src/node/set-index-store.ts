/**
 * Set indexes in Node: built with the engine on first use and cached by content hash (the engine's code,
 * the model's weights, the set's images, the request), like the figures. Each is also written under its
 * stable name in the figures' files folder, which the site publishes for the reader's browser. The build
 * prepares every index its figures read before computing them, so the layers of one set and model share
 * one pass over the set.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { buildSetIndexes } from '../figures/common/image-set/build.ts';
import { parseSetIndex, serialiseSetIndex } from '../figures/common/image-set/serialise.ts';
import {
  SET_INDEX_FOLDER,
  setIndexFile,
  type SetIndex,
  type SetIndexRequest,
} from '../figures/common/image-set/set-index.ts';
import type { FigureInputs } from '../figures/contract/compute.ts';
import { hashOf } from '../figures/key.ts';
import { anyImageSet } from '../figures/image-packs.ts';
import { writeAtomically } from './atomic-write.ts';
import { computeCodeHash, weightsHash } from './input-hashes.ts';
import { workDir } from './paths.ts';

/** Where the site's copy of an index lives in the build's work folder. */
function publishedSetIndex(request: SetIndexRequest): string {
  return path.join(workDir(), 'cache', 'files', SET_INDEX_FOLDER, setIndexFile(request));
}

async function cachedPath(request: SetIndexRequest): Promise<string> {
  const key = hashOf(
    setIndexFile(request),
    await computeCodeHash(),
    weightsHash(request.model),
    weightsHash(request.set),
  );
  return path.join(workDir(), 'cache', SET_INDEX_FOLDER, `${key}.json`);
}

/** Whether the index is in the cache (nothing to build). */
export async function setIndexCached(request: SetIndexRequest): Promise<boolean> {
  return existsSync(await cachedPath(request));
}

/** The indexes of one set seen by one model: built in one pass over the set's images. */
export interface SetIndexGroup {
  set: string;
  model: string;
  requests: SetIndexRequest[];
  /** The set's images (the pass's length, for the progress bar). */
  images: number;
}

/** The requests' indexes missing from the cache, grouped by set and model. */
export async function missingSetIndexGroups(requests: SetIndexRequest[]): Promise<SetIndexGroup[]> {
  const groups = new Map<string, SetIndexGroup>();
  for (const r of requests) {
    if (await setIndexCached(r)) continue;
    const key = `${r.set}|${r.model}`;
    const group = groups.get(key) ?? { set: r.set, model: r.model, requests: [], images: anyImageSet(r.set).length };
    group.requests.push(r);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/**
 * Builds the requests' missing indexes, one pass per set and model, telling `onWork` each group's progress
 * (0 to 1); returns how many were built.
 */
export async function prepareSetIndexes(
  requests: SetIndexRequest[],
  inputs: FigureInputs,
  onWork?: (group: SetIndexGroup, fraction: number) => void,
): Promise<number> {
  const groups = await missingSetIndexGroups(requests);
  for (const group of groups) {
    const run = { onWork: (fraction: number) => onWork?.(group, fraction) };
    const built = await buildSetIndexes(group.requests, anyImageSet(group.set), inputs, run);
    for (const [i, index] of built.entries())
      await writeAtomically(await cachedPath(group.requests[i]!), serialiseSetIndex(index));
    onWork?.(group, 1);
  }
  return groups.reduce((sum, g) => sum + g.requests.length, 0);
}

/** One index: from the cache (built first if missing), published under its stable name. */
export async function nodeSetIndex(request: SetIndexRequest, inputs: FigureInputs): Promise<SetIndex> {
  const cached = await cachedPath(request);
  if (!existsSync(cached)) await prepareSetIndexes([request], inputs);
  const text = await readFile(cached, 'utf8');
  const published = publishedSetIndex(request);
  if (!existsSync(published) || (await readFile(published, 'utf8')) !== text) await writeAtomically(published, text);
  return parseSetIndex(text);
}
