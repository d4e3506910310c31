/**
 * A unit's patch of an image: the unit's receptive field around the position it fires most, cut from the
 * image as the model saw it (grey where the window runs past the image's edge), with the pixels the unit
 * does not look at faded. Deep units see most of the image (Tiny Darknet conv2d_14: 134 of 224 px), so
 * the crop alone says little; the gradient's magnitude inside it says where in the window the unit looks.
 */
import * as tf from '@tensorflow/tfjs-core';
import { inputGradient, targetObjective } from '../attribution/target.ts';
import { ensureGradients } from '../dream/gradients.ts';
import type { Network } from '../model/network.ts';
import type { RgbaImage } from '../visual/atlas.ts';
import { unitBox, type ReceptiveField } from './receptive-field.ts';

/** What shows outside the image, in [0, 1]. */
const OUTSIDE = 0.5;
/** How much of a pixel the unit ignores still shows: faint, so the patch stays recognisable. */
const FLOOR = 0.35;

export interface PatchUnit {
  layer: string;
  channel: number;
  /** The grid position (row, column) of the unit. */
  y: number;
  x: number;
}

/** The unit's window of `rgb` ([1, h, w, 3] in [0, 1], the model's input size) as a `tile` x `tile` image. */
export async function unitPatch(
  network: Network,
  rgb: tf.Tensor4D,
  field: ReceptiveField,
  unit: PatchUnit,
  tile: number,
): Promise<RgbaImage> {
  await ensureGradients();
  const box = unitBox(field, unit.y, unit.x);
  const objective = targetObjective(network, {
    kind: 'unit',
    layer: unit.layer,
    index: unit.channel,
    x: unit.x,
    y: unit.y,
  });
  const gradient = inputGradient(network, objective, rgb);
  const patch = tf.tidy(() => {
    const begin = [0, box.top, box.left, 0];
    const size = [1, box.bottom - box.top, box.right - box.left, 3];
    const pixels = tf.slice(rgb, begin, size);
    const magnitude = tf.sum(tf.abs(tf.slice(gradient, begin, size)), -1, true);
    const peak = tf.max(magnitude);
    // The square root lifts the many middling gradients, so the window fades gently rather than to grey.
    const weight = tf.add(FLOOR, tf.mul(1 - FLOOR, tf.sqrt(tf.div(magnitude, tf.maximum(peak, 1e-12)))));
    const faded = tf.add(tf.mul(pixels, weight), tf.mul(OUTSIDE, tf.sub(1, weight)));
    const padded = tf.pad(faded, windowPadding(field, unit, box), OUTSIDE) as tf.Tensor4D;
    const scaled = tf.image.resizeBilinear(padded, [tile, tile], false, true);
    return tf.round(tf.mul(tf.clipByValue(scaled, 0, 1), 255));
  });
  try {
    const values = await patch.data();
    const rgba = new Uint8ClampedArray(tile * tile * 4);
    for (let p = 0; p < tile * tile; p++) {
      rgba.set([values[p * 3]!, values[p * 3 + 1]!, values[p * 3 + 2]!, 255], p * 4);
    }
    return { width: tile, height: tile, rgba };
  } finally {
    tf.dispose([gradient, patch]);
  }
}

/** Padding that puts the clipped box back in its place within the whole (unclipped) window. */
function windowPadding(field: ReceptiveField, unit: PatchUnit, box: ReturnType<typeof unitBox>): [number, number][] {
  const start = (axis: 0 | 1, position: number) =>
    Math.round(field.offset[axis] - (field.size[axis] - 1) / 2 + position * field.jump[axis]);
  const top = start(0, unit.y);
  const left = start(1, unit.x);
  return [
    [0, 0],
    [box.top - top, top + field.size[0] - box.bottom],
    [box.left - left, left + field.size[1] - box.right],
    [0, 0],
  ];
}
