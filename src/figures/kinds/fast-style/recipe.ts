/** <FastStyle>: the photo through several fast style-transfer networks (Johnson et al. 2016), one pass each. */
import type { AtlasLayout } from '../../../engine/index.ts';

export interface FastStyleRecipe {
  kind: 'fast-style';
  /** The first network (what the page loads first); `styles` lists them all. */
  model: string;
  /** Fast-style model ids, in tile order. */
  styles: string[];
  image: string;
  maxSide: number;
  profile: string;
}

export interface FastStyleData {
  layout: AtlasLayout;
  styles: string[];
  msPerImage: number;
}
