/** Arithmetic cost of a forward pass, for throughput figures (GFLOP/s) in benchmarks. */
import type { Network } from '../model/network.ts';
import type { WeightedStage } from '../model/plan.ts';
import { summarize } from '../model/summary.ts';

/**
 * Multiply-add FLOPs (2 k_h k_w c_in c_out h_out w_out per conv) of every conv stage up to and including
 * the stage of `upToLayer`, for an input of `size`. Bias, activation and pooling are left out: they are
 * memory-bound and small next to the convs. Throws naming the valid layers when the layer is not loaded.
 */
export function forwardConvFlops(network: Network, upToLayer: string, size: { width: number; height: number }): number {
  const last = network.tap(upToLayer).stage;
  const rows = new Map(summarize(network.plan, size).map((row) => [row.layer, row]));
  let channels = 3;
  let flops = 0;
  for (const stage of network.plan.stages.slice(0, last + 1)) {
    const out = rows.get(stage.layers[stage.layers.length - 1]!.name)!.outputShape;
    if (stage.kind === 'conv') {
      const [kh = 1, kw = kh] = (stage as WeightedStage).main.config.kernel_size as number[];
      const [h = 0, w = 0, c = 0] = out;
      flops += 2 * kh * kw * channels * c * h * w;
    }
    channels = out[out.length - 1] ?? channels;
  }
  return flops;
}
