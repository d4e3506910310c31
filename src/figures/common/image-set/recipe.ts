/** Recipe fields of the figures that compare a photo with an image set. */
import type { PhotoRecipeBase } from '../recipe-parts.ts';

export interface SetRecipeBase extends PhotoRecipeBase {
  /** The image set's pack id ("images-corpus"). */
  set: string;
  /** The layer compared ("logits" or a conv layer). */
  layer: string;
}

/** An image of the set as a figure names it. */
export interface SetMember {
  /** Index in the set. */
  index: number;
  ref: string;
  caption: string;
  group: string;
  /** Cosine similarity, pixel distance or activation, as the figure says. */
  score: number;
}
