/** How style figures describe themselves: layer names as the paper writes them, weights, recipe lines. */
import type { GatysRecipe } from '../kinds/gatys/recipe.ts';
import type { StyleGridRecipe } from '../kinds/style-grid/recipe.ts';
import type { StyleSweepRecipe } from '../kinds/style-sweep/recipe.ts';
import { PROFILES, isProfileName } from '../profiles.ts';

/** block2_conv1 -> conv2_1 (Gatys et al.'s names). */
export function paperName(layer: string): string {
  const match = /^block(\d+)_conv(\d+)$/.exec(layer);
  return match ? `conv${match[1]}_${match[2]}` : layer;
}

/** A row label: the layers of a style layer set. */
export function layerSetLabel(layers: string[]): string {
  return layers.map(paperName).join(' + ');
}

/** Three significant digits, powers of ten for large and small values: 10000 -> 1e4, 10418.5 -> 1.04e4, 30 -> 30. */
export function formatWeight(value: number): string {
  const rounded = Number(value.toPrecision(3));
  if (rounded !== 0 && (Math.abs(rounded) >= 1e4 || Math.abs(rounded) < 1e-2))
    return rounded.toExponential().replace('e+', 'e');
  return String(rounded);
}

/** File name of a "<pack>/<file>" image ref. */
export function fileName(ref: string): string {
  return ref.split('/').pop()!;
}

export function profileDescription(profile: string): string {
  return isProfileName(profile) ? PROFILES[profile].description : profile;
}

/** The one-line recipe under a Gatys figure; "{photo}" marks the content photo's name. */
export function gatysRecipeLine(recipe: StyleGridRecipe | StyleSweepRecipe | GatysRecipe): string {
  const weights =
    recipe.kind === 'style-sweep'
      ? `style weight ${formatWeight(recipe.styleWeight)}, TV ${formatWeight(recipe.tvWeight)}`
      : `content ${formatWeight(recipe.contentWeight)}, style ${formatWeight(recipe.styleWeight)}, TV ${formatWeight(recipe.tvWeight)}`;
  const dropped =
    recipe.kind === 'style-grid' && recipe.droppedIterations.length
      ? ` (${recipe.droppedIterations.join(', ')} iterations: GPU profile only)`
      : '';
  return `${recipe.model} · content {photo} at ${paperName(recipe.contentLayer)} · style ${fileName(recipe.style)} · ${recipe.maxSide} px · weights ${weights} · Adam lr 0.02, β1 0.99, ε 0.1, from the photo · ${profileDescription(recipe.profile)}${dropped}`;
}
