/** The figure components authors use in MDX, by the names they write (passed to <Content components>). */
import ArchitectureTable from './ArchitectureTable.astro';
import ChannelSweep from './ChannelSweep.astro';
import FeatureMapGrid from './FeatureMapGrid.astro';
import FilterGallery from './FilterGallery.astro';
import TopK from './TopK.astro';

export const figureComponents = { ArchitectureTable, ChannelSweep, FeatureMapGrid, FilterGallery, TopK };
