/**
 * The attribution benchmark's cases, shared by Node (scripts/lib/bench/attribution.ts) and Chromium (the
 * attribution check page), so both time the same methods with the same settings: each at its defaults.
 */
import { attribution, type AttributionTarget, type MethodSpec, type Network } from '../../../engine/index.ts';

type Tensor4D = ReturnType<typeof attribution.modelView>;

/** Every method at its default settings (Grad-CAM at Tiny Darknet's CAM layer). */
export const BENCH_METHODS: MethodSpec[] = [
  { method: 'gradient' },
  { method: 'gradient-x-input' },
  { method: 'guided-backprop' },
  { method: 'grad-cam', layer: 'conv2d_15' },
  { method: 'cam' },
  { method: 'smoothgrad' },
  { method: 'integrated-gradients' },
  { method: 'occlusion' },
];

/** Milliseconds per method: one untimed warm-up pass, then the median of `repeats` runs (one for multi-pass methods). */
export async function timeMethods(
  network: Network,
  target: AttributionTarget,
  rgb: Tensor4D,
  repeats = 3,
): Promise<Record<string, number>> {
  await attribution.attribute(network, { method: 'gradient' }, target, rgb);
  const times: Record<string, number> = {};
  for (const spec of BENCH_METHODS) {
    const singlePass = !['smoothgrad', 'integrated-gradients', 'occlusion'].includes(spec.method);
    const runs: number[] = [];
    for (let i = 0; i < (singlePass ? repeats : 1); i++) {
      const start = performance.now();
      await attribution.attribute(network, spec, target, rgb);
      runs.push(performance.now() - start);
    }
    times[spec.method] = Math.round(runs.sort((a, b) => a - b)[Math.floor(runs.length / 2)]!);
  }
  return times;
}
