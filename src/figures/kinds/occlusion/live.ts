/** The occlusion map: the text around it follows a reader's photo. */
import { textLive } from '../../common/text-live.ts';
import { mapsMarkup } from '../../common/attribution/markup.ts';
import type { OcclusionData } from './recipe.ts';

export const live = textLive<OcclusionData>((data) => mapsMarkup(data, data.palettes));
