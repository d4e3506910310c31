/** The layer's channels as a sprite strip: one row, no gaps, so frame i sits at exactly i tile widths. */
import { activationAtlas, activationReads } from '../../common/activation-atlas.ts';
import type { FigureComputation } from '../../contract/compute.ts';
import type { ChannelSweepData, ChannelSweepRecipe } from './recipe.ts';

export const channelSweep: FigureComputation<ChannelSweepRecipe, ChannelSweepData> = {
  reads: activationReads,
  compute: (recipe, inputs) => activationAtlas(recipe, inputs, recipe.channels.length, 0),
};
