/** <DeepDream>: the photo with what a layer sees in it amplified, over octaves. */

export interface DeepDreamRecipe {
  kind: 'deepdream';
  model: string;
  layer: string;
  /** Image as "<pack>/<file>"; a reader's photo replaces it. */
  image: string;
  octaves: number;
  stepsPerOctave: number;
  /** Longest side of the result. */
  maxSide: number;
  seed: number;
  profile: string;
}

export interface DeepDreamData {
  /** The layer's mean squared activation before and after. */
  before: number;
  after: number;
  stepsPerSecond: number;
}
