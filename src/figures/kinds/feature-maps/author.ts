/** <FeatureMapGrid layer="conv2d_3" />: props, what they name, the recipe. */
import { z } from 'zod';
import { defineAuthoring, imageRef } from '../../contract/authoring.ts';
import { channelsProp, imageProp, layerProp, modelProp, resizeProp, whenFetchedProp } from '../../common/props.ts';
import { channelList, checkChannels } from '../../common/channels.ts';

export const featureMapGrid = defineAuthoring({
  kind: 'feature-maps',
  component: 'FeatureMapGrid',
  summary:
    "every chosen channel of a layer's output, each scaled to its own range; a click opens a channel full size with its values",
  props: z.object({
    model: modelProp,
    layer: layerProp,
    image: imageProp,
    channels: channelsProp,
    columns: z.number().int().positive().max(64).optional().describe('Tiles per row (default: near-square).'),
    resize: resizeProp,
    whenFetched: whenFetchedProp,
  }),
  names: (p) => ({ model: p.model, layers: { names: [p.layer] }, images: [p.image], whenFetched: p.whenFetched }),
  toRecipe: (p, context) => {
    const channels = channelList(p.channels, context.channelCount(p.model, p.layer));
    const columns = p.columns ?? Math.ceil(Math.sqrt(channels.length));
    const image = imageRef(p.image ?? context.photo);
    return { kind: 'feature-maps', model: p.model, layer: p.layer, image, resize: p.resize, channels, columns };
  },
  check: (recipe, context) => checkChannels(recipe, context),
  cost: () => 0.2,
});
