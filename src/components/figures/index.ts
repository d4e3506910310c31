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

export const figureComponents = { ArchitectureTable, ChannelSweep, FeatureMapGrid, FilterGallery, TopK, DreamGallery, ClassDream, NaiveVsRecipe, DeepDream };
