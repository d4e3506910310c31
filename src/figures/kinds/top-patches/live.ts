/** The rows' names, activations and the photo's rank follow a reader's photo. */
import { textLive } from '../../common/text-live.ts';
import { topPatchesMarkup } from './markup.ts';
import type { TopPatchesData } from './recipe.ts';

export const live = textLive<TopPatchesData>(topPatchesMarkup, '.ll-set-text');
