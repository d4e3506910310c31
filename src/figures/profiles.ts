/**
 * Build profiles: how much optimisation the build can afford. Feature visualisation and style transfer
 * need hundreds of gradient steps per image: published quality belongs to a GPU; a CPU-only machine gets
 * smaller images, fewer steps, units and iterations. The precompute picks one (a GPU found: gpu; else cpu, or
 * LAYERLENS_PROFILE), records it in the manifest, and every recipe card says which profile made it.
 */

export type ProfileName = 'gpu' | 'cpu';

export interface BuildProfile {
  name: ProfileName;
  /** What the recipe card says about it. */
  description: string;
  /** Activation maximisation: image side in pixels, Adam steps, units kept per gallery. */
  dream: { size: number; steps: number; maxUnits: number };
  /** DeepDream on a photo: octaves, ascent steps per octave, longest side of the result. */
  deepDream: { octaves: number; stepsPerOctave: number; maxSide: number };
  /**
   * Style transfer: Gatys optimisation's longest image side and most iterations (grid columns above it are
   * dropped and the figure says so); the fast networks' longest side.
   */
  style: { maxSide: number; maxIterations: number; fastMaxSide: number };
  /**
   * Attribution: SmoothGrad's samples, Integrated Gradients' points and the sanity cascade's randomised
   * layers at most (an author asking for more gets this many, and the figure says so).
   */
  attribution: { maxSamples: number; maxSteps: number; maxCascadeDepth: number };
}

export const PROFILES: Record<ProfileName, BuildProfile> = {
  gpu: {
    name: 'gpu',
    description: 'GPU profile (published quality)',
    dream: { size: 224, steps: 512, maxUnits: 64 },
    deepDream: { octaves: 4, stepsPerOctave: 20, maxSide: 512 },
    style: { maxSide: 384, maxIterations: 1000, fastMaxSide: 512 },
    attribution: { maxSamples: 100, maxSteps: 128, maxCascadeDepth: 20 },
  },
  cpu: {
    name: 'cpu',
    description: 'CPU profile (lighter: smaller images, fewer steps, units and iterations)',
    dream: { size: 80, steps: 64, maxUnits: 4 },
    deepDream: { octaves: 3, stepsPerOctave: 8, maxSide: 224 },
    style: { maxSide: 128, maxIterations: 100, fastMaxSide: 256 },
    attribution: { maxSamples: 25, maxSteps: 64, maxCascadeDepth: 4 },
  },
};

export function isProfileName(value: unknown): value is ProfileName {
  return value === 'gpu' || value === 'cpu';
}
