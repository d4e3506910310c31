/**
 * Where a model's files come from. The engine only asks for paths inside one pack; Node reads the store or
 * a mirror from disk, the browser fetches them over HTTP. Both implement this interface.
 */
export interface PackSource {
  /** Where the files are, for error messages (a folder or a URL). */
  readonly location: string;
  /** The file's bytes, or null when it does not exist. */
  readBytes(path: string): Promise<Uint8Array | null>;
}

export async function readText(source: PackSource, path: string): Promise<string | null> {
  const bytes = await source.readBytes(path);
  return bytes ? new TextDecoder().decode(bytes) : null;
}

export async function readJson<T>(source: PackSource, path: string): Promise<T | null> {
  const text = await readText(source, path);
  return text === null ? null : (JSON.parse(text) as T);
}

/** A pack served over HTTP (the built site, or any static file server). Works wherever fetch exists. */
export class HttpSource implements PackSource {
  constructor(readonly location: string) {}

  async readBytes(path: string): Promise<Uint8Array | null> {
    const response = await fetch(new URL(path, this.location.endsWith('/') ? this.location : `${this.location}/`));
    if (response.status === 404) return null;
    if (!response.ok) throw new Error(`${this.location}/${path}: HTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  }
}
