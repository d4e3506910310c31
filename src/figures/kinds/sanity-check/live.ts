/** The sanity check: its table and labels follow a reader's photo. */
import { textLive } from '../../common/text-live.ts';
import { sanityMarkup } from './markup.ts';
import type { SanityCheckData } from './recipe.ts';

export const live = textLive<SanityCheckData>(sanityMarkup);
