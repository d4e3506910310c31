/** The neighbours' names and scores follow a reader's photo (the image is swapped by every figure's machinery). */
import { textLive } from '../../common/text-live.ts';
import { neighboursMarkup } from './markup.ts';
import type { NeighboursData } from './recipe.ts';

export const live = textLive<NeighboursData>((data) => neighboursMarkup(data), '.ll-set-text');
