/**
 * The Gatys set-up every benchmark of it uses: the style benchmark and the GPU kit's timings. Its own module,
 * because style-gatys.ts runs itself when started as a script, which a bundle importing it would trigger.
 */
export const CONTENT_LAYER = 'block3_conv2';
export const STYLE_LAYERS = ['block1_conv1', 'block2_conv1', 'block3_conv1'];
export const GATYS_BENCH_OPTIONS = {
  contentLayer: CONTENT_LAYER,
  styleLayers: STYLE_LAYERS.map((layer) => ({ layer, weight: 1 })),
};
