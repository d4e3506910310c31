/** Downloads one upstream file into memory, reporting bytes as they arrive, with a clear error on failure. */
import { FetchError } from './fetch-pack.ts';

export async function downloadWithProgress(url: string, onBytes: (n: number) => void): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new FetchError(
      `Could not reach ${url} (${(error as Error).message}). Without internet, set LAYERLENS_MIRROR to a local mirror folder.`,
    );
  }
  if (!response.ok || !response.body) throw new FetchError(`${url} answered HTTP ${response.status}.`);
  const chunks: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of response.body) {
    chunks.push(chunk);
    length += chunk.byteLength;
    onBytes(chunk.byteLength);
  }
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
