/** Methods side by side: the text around the maps follows a reader's photo. */
import { textLive } from '../../common/text-live.ts';
import { mapsMarkup } from '../../common/attribution/markup.ts';
import type { SaliencyCompareData } from './recipe.ts';

export const live = textLive<SaliencyCompareData>((data) => mapsMarkup(data, data.palettes));
