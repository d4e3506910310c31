/** Channel lists: "all" expanded, and bounds checked with the valid range in the message. */
import type { RecipeContext } from '../contract/authoring.ts';

export function channelList(chosen: 'all' | number[], count: number): number[] {
  return chosen === 'all' ? [...Array(count).keys()] : chosen;
}

export function checkChannels(
  recipe: { model: string; layer: string; channels: number[] },
  context: RecipeContext,
): string[] {
  const count = context.channelCount(recipe.model, recipe.layer);
  const bad = recipe.channels.filter((c) => c >= count);
  return bad.length
    ? [`channel ${bad.join(', ')} does not exist in ${recipe.layer} of ${recipe.model}; valid channels: 0-${count - 1}`]
    : [];
}
