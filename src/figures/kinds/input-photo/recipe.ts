/** <InputPhoto>: the photo the figures read, at the size they read it (longest side at most maxSide). */

export interface InputPhotoRecipe {
  kind: 'input-photo';
  /** Image as "<pack>/<file>"; a reader's photo replaces it. */
  image: string;
  /** Longest side in pixels (never enlarged). */
  maxSide: number;
}

export interface InputPhotoData {
  /** The photo's own size, before fitting. */
  width: number;
  height: number;
}
