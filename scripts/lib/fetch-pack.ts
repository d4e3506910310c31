/**
 * The fetch step for one pack: each file comes from the store (already verified), a mirror folder, or
 * upstream; its size and SHA-256 are checked against the registry before an atomic rename puts it in place.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Pack, RegistryFile } from '../../src/registry/schema.ts';
import { writeAtomically } from '../../src/node/atomic-write.ts';

export type FileOutcome = 'present' | 'copied' | 'downloaded' | 'absent-optional';

export interface FetchSources {
  /** Store folder of this pack (destination). */
  dest: string;
  /** The pack's folder in the mirror, when a mirror is in use. */
  mirror: string | null;
  /** Downloader for upstream files (injected so tests never touch the network). */
  download: (url: string, onBytes: (n: number) => void) => Promise<Uint8Array>;
}

export class FetchError extends Error {}

export async function fetchFile(
  pack: Pack,
  file: RegistryFile,
  sources: FetchSources,
  onBytes: (n: number) => void,
): Promise<FileOutcome> {
  const target = path.join(sources.dest, file.path);
  const existing = await readIfExists(target);
  if (existing && checksumProblem(file, existing) === null) return 'present';

  let bytes: Uint8Array;
  let outcome: FileOutcome;
  if (sources.mirror) {
    const copy = await readIfExists(path.join(sources.mirror, file.path));
    if (!copy) {
      if (file.optional) return 'absent-optional';
      throw new FetchError(
        `${pack.id}/${file.path} is missing from the mirror ${sources.mirror}. ` +
          `Restore it there, or unset LAYERLENS_MIRROR to download it from ${file.url}.`,
      );
    }
    bytes = copy;
    outcome = 'copied';
  } else {
    bytes = derive(file, await sources.download(file.url, onBytes));
    outcome = 'downloaded';
  }
  const problem = checksumProblem(file, bytes);
  if (problem) {
    const from = outcome === 'copied' ? `the mirror copy ${path.join(sources.mirror!, file.path)}` : file.url;
    throw new FetchError(
      `${pack.id}/${file.path}: ${problem} (from ${from}). The file is corrupt or not the registered version: ` +
        `replace it with the upstream file ${file.url}, or update models/registry/${pack.id}.json if upstream changed on purpose.`,
    );
  }
  if (outcome === 'copied') onBytes(bytes.byteLength);
  await writeAtomically(target, bytes);
  return outcome;
}

/** Null when the bytes match the registry (size, then SHA-256 and git blob id where recorded), otherwise what differs. */
export function checksumProblem(file: RegistryFile, bytes: Uint8Array): string | null {
  if (bytes.byteLength !== file.bytes) return `size ${bytes.byteLength} bytes, expected ${file.bytes}`;
  if (file.sha256 !== null) {
    const actual = sha256(bytes);
    if (actual !== file.sha256) return `SHA-256 ${actual}, expected ${file.sha256}`;
  }
  if (file.gitBlob !== undefined) {
    const actual = gitBlobId(bytes);
    if (actual !== file.gitBlob) return `git blob id ${actual}, expected ${file.gitBlob}`;
  }
  return null;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** What git names a file's content: SHA-1 of "blob <size>\0" followed by the bytes. */
export function gitBlobId(bytes: Uint8Array): string {
  return createHash('sha1').update(`blob ${bytes.byteLength}\0`).update(bytes).digest('hex');
}

/** Applies the registry's cut-down (first N lines of an upstream list). */
function derive(file: RegistryFile, bytes: Uint8Array): Uint8Array {
  if (!file.derive) return bytes;
  const lines = new TextDecoder().decode(bytes).split('\n').slice(0, file.derive.firstLines);
  return new TextEncoder().encode(`${lines.join('\n')}\n`);
}

async function readIfExists(file: string): Promise<Uint8Array | null> {
  try {
    if (!(await stat(file)).isFile()) return null;
    return new Uint8Array(await readFile(file));
  } catch {
    return null;
  }
}

export { writeAtomically };
