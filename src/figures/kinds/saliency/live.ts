/** A single map: the text around it follows a reader's photo. */
import { textLive } from '../../common/text-live.ts';
import { mapsMarkup } from '../../common/attribution/markup.ts';
import type { SaliencyData } from './recipe.ts';

export const live = textLive<SaliencyData>((data) => mapsMarkup(data, data.palettes));
