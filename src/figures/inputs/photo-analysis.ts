/**
 * One photo through one model: the activations of every layer the figures need come from a single forward
 * pass, computed on first request and shared by all figures of that model and resize mode.
 */
import type { ImagePixels, Network, Prediction, ResizeMode } from '../../engine/index.ts';

type LayerActivation = Awaited<ReturnType<Network['activations']>>[number];

export class PhotoAnalysis {
  private readonly passes = new Map<ResizeMode, Promise<Map<string, LayerActivation>>>();

  /**
   * @param layers every layer the figures will ask for (computed together in one pass).
   */
  constructor(
    readonly network: Network,
    readonly pixels: ImagePixels,
    private readonly layers: string[],
  ) {}

  /** The layer's activations for this photo (one pass per resize mode computes all the layers). */
  async layer(name: string, resize: ResizeMode): Promise<LayerActivation> {
    let pass = this.passes.get(resize);
    if (!pass) {
      const layers = [...new Set([...this.layers, name])];
      pass = this.network
        .activations(this.pixels, layers, { resize })
        .then((acts) => new Map(acts.map((a) => [a.layer, a])));
      this.passes.set(resize, pass);
    }
    const found = (await pass).get(name);
    if (found) return found;
    const [single] = await this.network.activations(this.pixels, [name], { resize });
    return single!;
  }

  predictions(k: number, resize: ResizeMode): Promise<Prediction[]> {
    return this.network.classify(this.pixels, k, { resize });
  }
}
