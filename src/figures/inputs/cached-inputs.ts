/**
 * The figure inputs, loaded once each: models to the plan's depth, fast-style networks, decoded images, and
 * each photo's shared pass through each model. Node and the browser differ only in where files come from
 * (`InputSources`); everything else is this one class.
 */
import {
  load,
  loadFastStyle,
  type FastStyleNetwork,
  type ImagePixels,
  type ModelSpec,
  type Network,
  type PackSource,
} from '../../engine/index.ts';
import type { FigureInputs } from '../contract/compute.ts';
import { setIndexFile, type SetIndex, type SetIndexRequest } from '../common/image-set/set-index.ts';
import type { LoadPlan } from './load-plan.ts';
import { PhotoAnalysis } from './photo-analysis.ts';

export interface InputSources {
  spec(model: string): ModelSpec;
  /** Where a model's files are (a folder in Node, the site's /data/ in the browser). */
  source(model: string): PackSource;
  /** An image's pixels, decoded without colour conversion. */
  decode(ref: string): Promise<ImagePixels>;
  /** A set index: built (and cached) in Node, fetched from the site in the browser. */
  setIndex(request: SetIndexRequest, inputs: FigureInputs): Promise<SetIndex>;
}

export class CachedInputs implements FigureInputs {
  /** How many times each model's weights were loaded (once each is the point; tests and the bench read it). */
  readonly loads = new Map<string, number>();
  private readonly networks = new Map<string, Promise<Network>>();
  private readonly fast = new Map<string, Promise<FastStyleNetwork>>();
  private readonly images = new Map<string, Promise<ImagePixels>>();
  private readonly analyses = new Map<string, Promise<PhotoAnalysis>>();
  private readonly sets = new Map<string, Promise<SetIndex>>();

  constructor(
    private readonly sources: InputSources,
    private readonly plan: LoadPlan,
  ) {}

  network(model: string): Promise<Network> {
    return memo(this.networks, model, () => {
      this.loads.set(model, (this.loads.get(model) ?? 0) + 1);
      const depth = this.plan.depth[model];
      return load(this.sources.spec(model), this.sources.source(model), {
        upTo: depth === 'whole' ? undefined : depth,
      });
    });
  }

  fastStyle(model: string): Promise<FastStyleNetwork> {
    return memo(this.fast, model, () => {
      this.loads.set(model, (this.loads.get(model) ?? 0) + 1);
      return loadFastStyle(this.sources.spec(model), this.sources.source(model));
    });
  }

  image(ref: string): Promise<ImagePixels> {
    return memo(this.images, ref, () => this.sources.decode(ref));
  }

  analysis(model: string, image: string): Promise<PhotoAnalysis> {
    return memo(this.analyses, `${model}|${image}`, async () => {
      const [network, pixels] = await Promise.all([this.network(model), this.image(image)]);
      return new PhotoAnalysis(network, pixels, this.plan.analysis[model] ?? []);
    });
  }

  imageSet(request: SetIndexRequest): Promise<SetIndex> {
    return memo(this.sets, setIndexFile(request), () => this.sources.setIndex(request, this));
  }

  /** Forgets an image and its passes (a reader's photo that was replaced). */
  forget(ref: string): void {
    this.images.delete(ref);
    for (const key of [...this.analyses.keys()]) if (key.endsWith(`|${ref}`)) this.analyses.delete(key);
  }

  /** Frees every network's weights (a load that failed has nothing to free). */
  dispose(): void {
    for (const network of [...this.networks.values(), ...this.fast.values()]) {
      network.then(
        (n) => n.dispose(),
        () => undefined,
      );
    }
    this.networks.clear();
    this.fast.clear();
    this.analyses.clear();
    this.sets.clear();
  }
}

function memo<T>(cache: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  let value = cache.get(key);
  if (!value) {
    value = make();
    cache.set(key, value);
    // A failed load is not kept: the next figure that needs it tries again (and reports its own error).
    value.catch(() => cache.delete(key));
  }
  return value;
}
