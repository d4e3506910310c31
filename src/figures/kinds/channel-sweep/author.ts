/** <ChannelSweep layer="conv2d_1" />: props, what they name, the recipe. */
import { z } from 'zod';
import { defineAuthoring, imageRef } from '../../contract/authoring.ts';
import { channelList, checkChannels } from '../../common/channels.ts';
import { channelsProp, imageProp, layerProp, modelProp, resizeProp, whenFetchedProp } from '../../common/props.ts';

export const ChannelSweepProps = z.object({
  model: modelProp,
  layer: layerProp,
  image: imageProp,
  channels: channelsProp,
  resize: resizeProp,
  fps: z.number().positive().max(30).default(3).describe('Channels shown per second.'),
  whenFetched: whenFetchedProp,
});

export const channelSweepAuthoring = defineAuthoring({
  kind: 'channel-sweep',
  component: 'ChannelSweep',
  summary: "an animation through a layer's channels (CSS without JavaScript; pause and channel number with it)",
  props: ChannelSweepProps,
  names: (p) => ({ model: p.model, layers: { names: [p.layer] }, images: [p.image], whenFetched: p.whenFetched }),
  toRecipe: (p, context) => ({
    kind: 'channel-sweep',
    model: p.model,
    layer: p.layer,
    image: imageRef(p.image ?? context.photo),
    resize: p.resize,
    channels: channelList(p.channels, context.channelCount(p.model, p.layer)),
  }),
  check: (recipe, context) => checkChannels(recipe, context),
  cost: () => 0.2,
});
