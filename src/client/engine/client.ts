/**
 * The page's handle on its engine. The engine runs in a Web Worker (tfjs's WebGPU and wasm backends work
 * there, and WebGL too through OffscreenCanvas), so the page stays responsive while figures recompute;
 * where a module worker cannot start, or WebGL is asked for without OffscreenCanvas, the same host runs on
 * the page's own thread, and the client says so. Loaded only when a reader asks for something live.
 */
import type { BackendName, BackendReport } from '../../engine/index.ts';
import type { PageEngine } from '../../figures/page-engine.ts';
import type { Recipe } from '../../figures/registry/types.ts';
import type { Outcome, PhotoReply, Png, Reply, Request, Stats } from './protocol.ts';

type Pending = {
  resolve: (value: never) => void;
  reject: (error: Error) => void;
  onPartial?: (png: Png) => void;
  onWork?: (fraction: number) => void;
};

/** A request without its id (the client numbers them). */
type Ask = Request extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

export interface ComputeOptions {
  signal?: AbortSignal;
  /** Partial images as the figure forms (optimisations, galleries). */
  onPartial?: (png: Png) => void;
  onWork?: (fraction: number) => void;
  frameEvery?: number;
}

export class EngineClient {
  private next = 0;
  private readonly pending = new Map<number, Pending>();

  /** Where the engine runs, for the state line ("worker" normally; "page" with the reason otherwise). */
  constructor(
    private readonly send: (request: Request) => void,
    readonly where: { thread: 'worker' | 'page'; why?: string },
  ) {}

  receive(reply: Reply): void {
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    if (reply.type === 'partial') return pending.onPartial?.(reply.png);
    if (reply.type === 'work') return pending.onWork?.(reply.fraction);
    this.pending.delete(reply.id);
    if (reply.type === 'error') {
      const error = new Error(reply.message);
      if (reply.aborted) error.name = 'AbortError';
      return pending.reject(error);
    }
    const value =
      reply.type === 'started'
        ? reply.report
        : reply.type === 'photo'
          ? reply.reply
          : reply.type === 'done'
            ? reply.outcome
            : reply.stats;
    pending.resolve(value as never);
  }

  start(prefer: BackendName | 'auto', engine: PageEngine, gradients: boolean): Promise<BackendReport> {
    return this.ask({ type: 'start', prefer, engine, gradients });
  }

  readPhoto(file: Blob, name: string): Promise<PhotoReply> {
    return this.ask({ type: 'photo', file, name });
  }

  compute(recipe: Recipe, options: ComputeOptions = {}): Promise<Outcome> {
    options.signal?.throwIfAborted();
    const frames = options.onPartial !== undefined;
    return this.ask({ type: 'compute', recipe, frames, frameEvery: options.frameEvery }, options);
  }

  stats(): Promise<Stats> {
    return this.ask({ type: 'stats' });
  }

  private ask<T>(request: Ask, options: ComputeOptions = {}): Promise<T> {
    const id = ++this.next;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, {
        resolve: resolve as (value: never) => void,
        reject,
        onPartial: options.onPartial,
        onWork: options.onWork,
      });
      options.signal?.addEventListener('abort', () => this.send({ type: 'abort', id }), { once: true });
      this.send({ ...request, id } as Request);
    });
  }
}

let client: EngineClient | null = null;

/** The page's engine client, created on first use. */
export function engineClient(prefer: BackendName | 'auto'): EngineClient {
  client ??= create(prefer);
  return client;
}

function create(prefer: BackendName | 'auto'): EngineClient {
  const why = pageThreadReason(prefer);
  if (!why) {
    try {
      const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'layerlens-engine' });
      const client = new EngineClient((request) => worker.postMessage(request), { thread: 'worker' });
      worker.addEventListener('message', (event: MessageEvent<Reply>) => client.receive(event.data));
      return client;
    } catch {
      // Module workers are missing in old browsers: run the same host on the page.
    }
  }
  let host: Promise<{ handle(request: Request): Promise<void> }> | null = null;
  const client = new EngineClient(
    (request) => {
      host ??= import('./host.ts').then(({ EngineHost }) => new EngineHost((reply) => client.receive(reply)));
      void host.then((h) => h.handle(request));
    },
    { thread: 'page', why: why ?? 'this browser cannot start a module worker' },
  );
  return client;
}

/** Why the engine must run on the page's thread, or null: WebGL asked for where workers have no OffscreenCanvas. */
function pageThreadReason(prefer: BackendName | 'auto'): string | null {
  if (typeof Worker === 'undefined') return 'this browser has no Web Workers';
  if (prefer === 'webgl' && typeof OffscreenCanvas === 'undefined')
    return 'WebGL needs OffscreenCanvas to run in a worker';
  return null;
}
