/**
 * Author props of the feature-visualisation figures (article 2) and their recipes. The build profile sets
 * image size, steps and how many units a gallery keeps; an author may fix size and steps per figure.
 */
import { z } from 'zod';
import type { DreamRecipe } from '../engine/figures/dream-recipe.ts';
import { DEFAULT_MODEL } from '../registry/index.ts';
import type { BuildProfile } from './profiles.ts';

const model = z.string().default(DEFAULT_MODEL).describe('Registered model id (default tiny-darknet).');
const layer = z
  .string()
  .describe('Conv layer whose units are dreamed (its value before the non-linearity is maximised).');
const seed = z
  .number()
  .int()
  .nonnegative()
  .default(0)
  .describe('Seed of every random draw: the same seed gives the same image.');
const size = z
  .number()
  .int()
  .min(16)
  .max(512)
  .optional()
  .describe("Image side in pixels (default: the build profile's).");
const steps = z
  .number()
  .int()
  .min(1)
  .max(4096)
  .optional()
  .describe("Optimisation steps (default: the build profile's).");

export const DreamGalleryProps = z.object({
  model,
  layer,
  channels: z
    .array(z.number().int().nonnegative())
    .min(1)
    .describe('Units (channels) to dream, in order; the CPU profile keeps the first few.'),
  seed,
  size,
  steps,
  whenFetched: z.boolean().default(false).describe("Show only when the layer's weights are fetched."),
});

export const ClassDreamProps = z.object({
  model,
  classes: z.array(z.number().int().nonnegative()).min(1).describe('Output indexes of the classes to dream.'),
  seed,
  size,
  steps,
});

export const NaiveVsRecipeProps = z.object({
  model,
  layer,
  channel: z.number().int().nonnegative().describe('The unit compared.'),
  seed,
  size,
  steps,
});

export const DeepDreamProps = z.object({
  model,
  layer: z.string().describe('Layer whose mean squared activation is amplified.'),
  image: z.string().optional().describe("Photo, as for the other figures; default: the article's photo."),
  seed,
});

export const DREAM_COMPONENTS = {
  DreamGallery: DreamGalleryProps,
  ClassDream: ClassDreamProps,
  NaiveVsRecipe: NaiveVsRecipeProps,
  DeepDream: DeepDreamProps,
} as const;
export type DreamComponent = keyof typeof DREAM_COMPONENTS;

/** Props (parsed) to a dream recipe, with the profile's defaults. `photo` is the resolved image ref. */
export function toDreamRecipe(
  component: DreamComponent,
  props: Record<string, unknown>,
  profile: BuildProfile,
  photo: string,
): DreamRecipe {
  const base = (p: { model: string; seed: number; size?: number; steps?: number }) => ({
    model: p.model,
    seed: p.seed,
    size: p.size ?? profile.dream.size,
    steps: p.steps ?? profile.dream.steps,
    profile: profile.name,
  });
  switch (component) {
    case 'DreamGallery': {
      const p = props as z.infer<typeof DreamGalleryProps>;
      return {
        kind: 'dream-gallery',
        ...base(p),
        layer: p.layer,
        channels: p.channels.slice(0, profile.dream.maxUnits),
      };
    }
    case 'ClassDream': {
      const p = props as z.infer<typeof ClassDreamProps>;
      return { kind: 'class-dream', ...base(p), classes: p.classes.slice(0, profile.dream.maxUnits) };
    }
    case 'NaiveVsRecipe': {
      const p = props as z.infer<typeof NaiveVsRecipeProps>;
      return { kind: 'dream-compare', ...base(p), layer: p.layer, channel: p.channel };
    }
    case 'DeepDream': {
      const p = props as z.infer<typeof DeepDreamProps>;
      const { octaves, stepsPerOctave, maxSide } = profile.deepDream;
      return {
        kind: 'deepdream',
        model: p.model,
        layer: p.layer,
        image: photo,
        octaves,
        stepsPerOctave,
        maxSide,
        seed: p.seed,
        profile: profile.name,
      };
    }
  }
}
