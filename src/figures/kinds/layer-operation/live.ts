/** The layer operation's tables follow a reader's photo (the same markup the server wrote). */
import { textLive } from '../../common/text-live.ts';
import { operationMarkup } from './markup.ts';
import type { LayerOperationData } from './recipe.ts';

export const live = textLive<LayerOperationData>(operationMarkup, '.ll-op-text');
