/** <ChannelSweep>: an animation through a layer's channels, one feature map at a time. */
import type { AtlasData, PhotoRecipeBase } from '../../common/recipe-parts.ts';

export interface ChannelSweepRecipe extends PhotoRecipeBase {
  kind: 'channel-sweep';
  layer: string;
  /** Channels in the order the animation steps through them (one row of tiles: a sprite strip). */
  channels: number[];
}

export interface ChannelSweepData {
  atlas: AtlasData;
}
