/**
 * The engine's side of the page: runs where tfjs runs (the page's worker, or the page itself where a
 * worker cannot), answers the page's requests (start, a reader's photo, compute a recipe, abort, stats)
 * with plain data, and encodes images as PNG there, so the page's main thread only swaps image sources.
 */
import { backend, type BackendName, type BackendReport, type ImagePixels, type RgbaImage } from '../../engine/index.ts';
import type { CachedInputs } from '../../figures/inputs/cached-inputs.ts';
import type { PageEngine } from '../../figures/page-engine.ts';
import { computeFigure } from '../../figures/registry/compute.ts';
import { encodePng } from '../png.ts';
import { readPhoto } from '../photo-input.ts';
import { startBackend } from './backend.ts';
import { READER_PACK, browserInputs } from './browser-inputs.ts';
import type { Reply, Request } from './protocol.ts';

/** Partial images at most this often: each costs a read-back and a PNG encode. */
const PARTIAL_INTERVAL_MS = 250;

export class EngineHost {
  private page: { engine: PageEngine; gradients: boolean } | null = null;
  private report: BackendReport | null = null;
  private inputs: CachedInputs | null = null;
  /** Why the WebGPU device was lost, once it is (the next computation restarts on another backend). */
  private lost: string | null = null;
  private readonly photos = new Map<string, ImagePixels>();
  private photoCount = 0;
  private readonly running = new Map<number, AbortController>();
  /** Loads from backends given up on, so the page's count stays honest across a restart. */
  private readonly earlierLoads = new Map<string, number>();

  constructor(private readonly post: (reply: Reply) => void) {}

  async handle(request: Request): Promise<void> {
    try {
      switch (request.type) {
        case 'start':
          return await this.start(request);
        case 'photo':
          return await this.photo(request);
        case 'compute':
          return await this.compute(request);
        case 'abort':
          this.running.get(request.id)?.abort(new Error('stopped'));
          return;
        case 'stats':
          return this.post({
            type: 'stats',
            id: request.id,
            stats: { loads: this.loads(), tensors: backend.tensorCount() },
          });
      }
    } catch (error) {
      const aborted = request.type === 'compute' && this.running.get(request.id)?.signal.aborted === true;
      this.post({ type: 'error', id: request.id, message: messageOf(error), aborted });
    } finally {
      if (request.type === 'compute') this.running.delete(request.id);
    }
  }

  private async start(request: Extract<Request, { type: 'start' }>): Promise<void> {
    this.page = { engine: request.engine, gradients: request.gradients };
    this.report = await startBackend(request.prefer, request.gradients);
    this.inputs = browserInputs(request.engine, this.photos);
    this.watchDevice();
    this.post({ type: 'started', id: request.id, report: this.report });
  }

  /** Decodes a reader's file here (off the page's main thread) and keeps it under a new ref. */
  private async photo(request: Extract<Request, { type: 'photo' }>): Promise<void> {
    const result = await readPhoto(request.file, request.name);
    if (!result.ok) return this.post({ type: 'photo', id: request.id, reply: result });
    for (const old of this.photos.keys()) this.inputs?.forget(old);
    this.photos.clear();
    const ref = `${READER_PACK}/${++this.photoCount}`;
    this.photos.set(ref, result.pixels);
    const { width, height } = result.pixels;
    this.post({ type: 'photo', id: request.id, reply: { ok: true, ref, width, height, notes: result.notes } });
  }

  private async compute(request: Extract<Request, { type: 'compute' }>): Promise<void> {
    const controller = new AbortController();
    this.running.set(request.id, controller);
    const started = performance.now();
    let lastPartial = 0;
    const onPartial = async (image: RgbaImage) => {
      if (performance.now() - lastPartial < PARTIAL_INTERVAL_MS) return;
      lastPartial = performance.now();
      this.post({ type: 'partial', id: request.id, png: await encodePng(image) });
    };
    const run = {
      signal: controller.signal,
      frameEvery: request.frameEvery,
      onPartial: request.frames ? onPartial : undefined,
      onWork: (fraction: number) => this.post({ type: 'work', id: request.id, fraction }),
    };
    const { result, note } = await this.recovering(() => computeFigure(request.recipe, this.ready(), run));
    const png = result.image && (await encodePng(result.image));
    const outcome = { png, data: result.data, backend: this.report!.name, ms: performance.now() - started, note };
    this.post({ type: 'done', id: request.id, outcome });
  }

  /** Runs `work`; when the WebGPU device was lost under it, restarts on the next backend and runs it again. */
  private async recovering<T>(work: () => Promise<T>): Promise<{ result: T; note?: string }> {
    try {
      return { result: await work() };
    } catch (error) {
      if (!this.lost) throw error;
      const reason = this.lost;
      await this.restartAfterLoss();
      return { result: await work(), note: `The GPU device was lost (${reason}); restarted on ${this.report!.name}.` };
    }
  }

  private async restartAfterLoss(): Promise<void> {
    for (const [model, n] of this.inputs?.loads ?? [])
      this.earlierLoads.set(model, (this.earlierLoads.get(model) ?? 0) + n);
    this.inputs?.dispose();
    const order: BackendName[] = ['webgl', 'wasm', 'cpu'];
    this.report = await startBackend('auto', this.page!.gradients, order);
    this.inputs = browserInputs(this.page!.engine, this.photos);
    this.lost = null;
  }

  private watchDevice(): void {
    void backend.deviceLost().then((reason) => {
      this.lost = reason;
    });
  }

  private ready(): CachedInputs {
    if (!this.inputs) throw new Error('The engine has not started.');
    return this.inputs;
  }

  private loads(): Record<string, number> {
    const loads = new Map(this.earlierLoads);
    for (const [model, n] of this.inputs?.loads ?? []) loads.set(model, (loads.get(model) ?? 0) + n);
    return Object.fromEntries(loads);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
