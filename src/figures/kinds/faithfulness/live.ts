/** The faithfulness curves: charts and areas follow a reader's photo. */
import { textLive } from '../../common/text-live.ts';
import { faithfulnessMarkup } from './markup.ts';
import type { FaithfulnessData } from './recipe.ts';

export const live = textLive<FaithfulnessData>(faithfulnessMarkup);
