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

/** Builds the requests' missing indexes, one pass per set and model; returns how many were built. */
export async function prepareSetIndexes(requests: SetIndexRequest[], inputs: FigureInputs): Promise<number> {
  const missing: SetIndexRequest[] = [];
  for (const request of requests) if (!(await setIndexCached(request))) missing.push(request);
  const groups = new Map<string, SetIndexRequest[]>();
  for (const r of missing) groups.set(`${r.set}|${r.model}`, [...(groups.get(`${r.set}|${r.model}`) ?? []), r]);
  for (const group of groups.values()) {
    const built = await buildSetIndexes(group, anyImageSet(group[0]!.set), inputs);
    for (const [i, index] of built.entries())
      await writeAtomically(await cachedPath(group[i]!), serialiseSetIndex(index));
  }
  return missing.length;
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
