/**
 * Author props of the style-transfer figures (article 3) and their recipes. The build profile sets the
 * image size and caps the iterations; an author may fix the size per figure.
 */
import { z } from 'zod';
import type { StyleRecipe } from '../engine/figures/style-recipe.ts';
import type { BuildProfile } from './profiles.ts';

/** The fast-style networks, by the style name authors write (model id: fast-style-<name>). */
export const FAST_STYLES = [
  'la_muse',
  'mathura',
  'matilde_perez',
  'matta',
  'rain_princess',
  'scream',
  'udnie',
  'wave',
  'wreck',
] as const;

const model = z.string().default('vgg19').describe('Network the losses are measured with (default vgg19).');
const image = z.string().optional().describe("Content photo, as for the other figures; default: the article's photo.");
const style = z
  .string()
  .describe(
    'Painting as "styles/<file>" (e.g. styles/starrynight.jpg); la_muse and rain_princess may not be published.',
  );
const layerList = z.array(z.string()).min(1);
const contentLayer = z
  .string()
  .default('block3_conv2')
  .describe('Layer whose activations the result keeps from the photo.');
const contentWeight = z
  .number()
  .positive()
  .default(1e4)
  .describe('Weight of the content term (TensorFlow tutorial: 1e4).');
const styleWeight = z
  .number()
  .positive()
  .default(1e-2)
  .describe('Weight of the style term (TensorFlow tutorial: 1e-2).');
const tvWeight = z
  .number()
  .nonnegative()
  .default(30)
  .describe('Weight of the total-variation (smoothness) term (TensorFlow tutorial: 30).');
const maxSide = z
  .number()
  .int()
  .min(32)
  .max(1024)
  .optional()
  .describe("Longest side of the result in pixels (default: the build profile's).");
const whenFetched = z
  .boolean()
  .default(false)
  .describe("Show only when every named layer's weights are fetched (full VGG19).");
const CLASSIC = ['block1_conv1', 'block2_conv1', 'block3_conv1'];

export const StyleGridProps = z.object({
  model,
  image,
  style,
  rows: z
    .array(layerList)
    .min(1)
    .describe('Style layer sets, one per row, e.g. [["block1_conv1"], ["block1_conv1", "block2_conv1"]].'),
  iterations: z
    .array(z.number().int().min(1).max(10000))
    .min(1)
    .default([10, 100, 1000])
    .describe(
      "Iteration counts of the columns (snapshots of each row's run); counts above the build profile's cap are dropped and the figure says so.",
    ),
  contentLayer,
  contentWeight,
  styleWeight,
  tvWeight,
  maxSide,
  whenFetched,
});

export const StyleSweepProps = z.object({
  model,
  image,
  style,
  styleLayers: layerList.default(CLASSIC).describe('Style layers (each weighted equally).'),
  ratios: z
    .array(z.number().positive())
    .min(1)
    .default([1e3, 1e5, 1e7])
    .describe('Content/style weight ratios of the columns (the style weight stays fixed).'),
  iterations: z
    .number()
    .int()
    .min(1)
    .max(10000)
    .default(100)
    .describe('Iterations of every column (capped by the build profile).'),
  contentLayer,
  styleWeight,
  tvWeight,
  maxSide,
});

export const GatysPanelProps = z.object({
  model,
  image,
  style,
  styleLayers: layerList.default(CLASSIC).describe('Style layers the panel starts with (the reader can change them).'),
  iterations: z
    .number()
    .int()
    .min(1)
    .max(10000)
    .default(100)
    .describe('Iterations the panel starts with (the precomputed image is capped by the build profile).'),
  contentLayer,
  contentWeight,
  styleWeight,
  tvWeight,
  maxSide,
});

export const FastStyleProps = z.object({
  image,
  styles: z
    .array(z.enum(FAST_STYLES))
    .min(1)
    .default([...FAST_STYLES])
    .describe('Fast-style networks to show, in order.'),
  maxSide: z
    .number()
    .int()
    .min(32)
    .max(1024)
    .optional()
    .describe("Longest side of each result (default: the build profile's)."),
});

export const GramMatrixProps = z.object({
  model,
  layer: z.string().describe('Layer whose Gram matrix is drawn, e.g. block2_conv1.'),
  image,
  style,
  channels: z
    .number()
    .int()
    .min(2)
    .max(64)
    .default(32)
    .describe("How many of the layer's channels to show (the first n)."),
  size: z.number().int().min(32).max(512).default(224).describe('Side both images are cropped and resized to.'),
  whenFetched,
});

export const STYLE_COMPONENTS = {
  StyleGrid: StyleGridProps,
  StyleSweep: StyleSweepProps,
  GatysPanel: GatysPanelProps,
  FastStyle: FastStyleProps,
  GramMatrix: GramMatrixProps,
} as const;
export type StyleComponent = keyof typeof STYLE_COMPONENTS;

export function isStyleComponent(name: string): name is StyleComponent {
  return name in STYLE_COMPONENTS;
}

/** Every layer a style figure names (for validation and fetch checks). */
export function styleFigureLayers(component: StyleComponent, props: Record<string, unknown>): string[] {
  const p = props as { rows?: string[][]; styleLayers?: string[]; contentLayer?: string; layer?: string };
  if (component === 'FastStyle') return [];
  if (component === 'GramMatrix') return [p.layer!];
  return [p.contentLayer!, ...(p.rows?.flat() ?? p.styleLayers ?? [])];
}

/** Props (parsed) to a style recipe. `photo` and `painting` are resolved "<pack>/<file>" refs. */
export function toStyleRecipe(
  component: StyleComponent,
  props: Record<string, unknown>,
  profile: BuildProfile,
  photo: string,
  painting: string,
): StyleRecipe {
  const { maxSide: sideCap, maxIterations } = profile.style;
  const base = (p: { model: string; maxSide?: number }) => ({
    model: p.model,
    image: photo,
    style: painting,
    maxSide: p.maxSide ?? sideCap,
    profile: profile.name,
  });
  const cap = (n: number) => Math.min(n, maxIterations);
  switch (component) {
    case 'StyleGrid': {
      const p = props as z.infer<typeof StyleGridProps>;
      const asked = [...new Set(p.iterations)].sort((a, b) => a - b);
      const kept = asked.filter((n) => n <= maxIterations);
      const iterations = kept.length ? kept : [maxIterations];
      const settings = {
        contentLayer: p.contentLayer,
        contentWeight: p.contentWeight,
        styleWeight: p.styleWeight,
        tvWeight: p.tvWeight,
      };
      return {
        kind: 'style-grid',
        ...base(p),
        ...settings,
        rows: p.rows,
        iterations,
        droppedIterations: asked.filter((n) => !iterations.includes(n)),
      };
    }
    case 'StyleSweep': {
      const p = props as z.infer<typeof StyleSweepProps>;
      const contentWeights = p.ratios.map((r) => r * p.styleWeight);
      return {
        kind: 'style-sweep',
        ...base(p),
        contentLayer: p.contentLayer,
        styleWeight: p.styleWeight,
        tvWeight: p.tvWeight,
        styleLayers: p.styleLayers,
        contentWeights,
        iterations: cap(p.iterations),
      };
    }
    case 'GatysPanel': {
      const p = props as z.infer<typeof GatysPanelProps>;
      const settings = {
        contentLayer: p.contentLayer,
        contentWeight: p.contentWeight,
        styleWeight: p.styleWeight,
        tvWeight: p.tvWeight,
      };
      return { kind: 'gatys', ...base(p), ...settings, styleLayers: p.styleLayers, iterations: cap(p.iterations) };
    }
    case 'FastStyle': {
      const p = props as z.infer<typeof FastStyleProps>;
      const styles = p.styles.map((s) => `fast-style-${s}`);
      return {
        kind: 'fast-style',
        model: styles[0]!,
        styles,
        image: photo,
        maxSide: p.maxSide ?? profile.style.fastMaxSide,
        profile: profile.name,
      };
    }
    case 'GramMatrix': {
      const p = props as z.infer<typeof GramMatrixProps>;
      return {
        kind: 'gram',
        model: p.model,
        layer: p.layer,
        image: photo,
        style: painting,
        channels: p.channels,
        size: p.size,
      };
    }
  }
}
