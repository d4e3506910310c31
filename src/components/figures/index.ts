/** The figure components authors use in MDX, by the names they write (passed to <Content components>). */
import ArchitectureTable from './ArchitectureTable.astro';
import ChannelSweep from './ChannelSweep.astro';
import FeatureMapGrid from './FeatureMapGrid.astro';
import FilterGallery from './FilterGallery.astro';
import TopK from './TopK.astro';
import ClassDream from './ClassDream.astro';
import DeepDream from './DeepDream.astro';
import DreamGallery from './DreamGallery.astro';
import NaiveVsRecipe from './NaiveVsRecipe.astro';
import FastStyle from './FastStyle.astro';
import GatysPanel from './GatysPanel.astro';
import GramMatrix from './GramMatrix.astro';
import StyleGrid from './StyleGrid.astro';
import StyleSweep from './StyleSweep.astro';

export const figureComponents = {
  ArchitectureTable,
  ChannelSweep,
  FeatureMapGrid,
  FilterGallery,
  TopK,
  DreamGallery,
  ClassDream,
  NaiveVsRecipe,
  DeepDream,
  StyleGrid,
  StyleSweep,
  GatysPanel,
  FastStyle,
  GramMatrix,
};
