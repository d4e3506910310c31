/**
 * Attribution on the real weights: Grad-CAM against CAM on Tiny Darknet, wasm against cpu, Integrated
 * Gradients' completeness, the sanity check's telling result, occlusion and the RISE curves' end points,
 * Tiny VGG's class score split from its softmax, a VGG19 channel, and no tensor left behind.
 */
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { attribution, type AttributionTarget, type MethodSpec, type Network } from '../../src/engine/index.ts';
import { classActivationMap, gradCam } from '../../src/engine/attribution/cam.ts';
import { ensureGradients } from '../../src/engine/dream/gradients.ts';
import { reduceChannels } from '../../src/engine/attribution/map.ts';
import { inputGradient, targetObjective } from '../../src/engine/attribution/target.ts';
import { initNodeBackend, loadModel } from '../../src/node/engine.ts';
import { decodeImageFile } from '../../src/node/image.ts';
import { maxRelativeDifference } from '../helpers/compare.ts';
import { photoPath } from '../helpers/images.ts';

let darknet: Network;

async function photoInput(network: Network, name: string): Promise<{ rgb: tf.Tensor4D; target: AttributionTarget }> {
  const pixels = await decodeImageFile(photoPath(name));
  const [top] = await network.classify(pixels, 1);
  return {
    rgb: attribution.modelView(network, pixels, 'squash'),
    target: { kind: 'class', index: network.labels.indexOf(top!.label) },
  };
}

beforeAll(async () => {
  await initNodeBackend('wasm');
  darknet = await loadModel('tiny-darknet', { from: 'mirror' });
});

describe('Grad-CAM and CAM on Tiny Darknet', () => {
  it('finds the CAM layer: the input of the linear 1x1 conv before the global pool', () => {
    expect(attribution.camLayer(darknet)).toBe('conv2d_15');
  });

  it.each(['chelsea.png', 'dog.jpg'])('Grad-CAM equals ReLU(CAM) / 196 at conv2d_15 (%s)', async (photo) => {
    const { rgb, target } = await photoInput(darknet, photo);
    const grad = await gradCam(darknet, target, rgb, 'conv2d_15');
    const cam = await classActivationMap(darknet, (target as { index: number }).index, rgb);
    rgb.dispose();
    expect([grad.coarse.width, grad.coarse.height]).toEqual([14, 14]);
    const expected = cam.coarse.values.map((v) => Math.max(0, v) / 196);
    expect(expected.some((v) => v > 0)).toBe(true);
    expect(maxRelativeDifference(grad.coarse.values, expected)).toBeLessThan(1e-5);
  });

  it('refuses a layer before its activation, and a target that is not after the layer', async () => {
    const { rgb, target } = await photoInput(darknet, 'chelsea.png');
    await expect(gradCam(darknet, target, rgb, 'batch_normalization_15')).rejects.toThrow(/after its activation/);
    const early = { kind: 'channel' as const, layer: 'conv2d_3', index: 0 };
    await expect(gradCam(darknet, early, rgb, 'conv2d_5')).rejects.toThrow(/must come after the layer/);
    rgb.dispose();
  });
});

describe('gradients across backends', () => {
  /** The raw input gradient and its drawn map for a target, computed on one backend. */
  const gradientOn = async (backend: 'wasm' | 'cpu', target: AttributionTarget | null) => {
    await initNodeBackend(backend);
    await ensureGradients();
    const network = await loadModel('tiny-darknet', { from: 'mirror' });
    const photo = await photoInput(network, 'dog.jpg');
    const gradient = inputGradient(network, targetObjective(network, target ?? photo.target), photo.rgb);
    const raw = await gradient.data();
    const map = await reduceChannels(gradient, 'magnitude');
    tf.dispose([photo.rgb, gradient]);
    network.dispose();
    return { raw, map, drawn: attribution.normaliseMap(map) };
  };

  it("wasm's input gradient equals the cpu backend's within 1e-4 of the largest value before the first pool", async () => {
    const target = { kind: 'channel' as const, layer: 'conv2d_1', index: 3 };
    const cpu = await gradientOn('cpu', target);
    const wasm = await gradientOn('wasm', target);
    expect(cpu.raw.some((v) => v !== 0)).toBe(true);
    expect(maxRelativeDifference(wasm.raw, cpu.raw)).toBeLessThan(1e-4);
  });

  it("draws the same class map on wasm as on cpu (max pools' near-ties aside)", async () => {
    // Through the pools the raw gradients differ by up to 6% of the largest at a few percent of the pixels:
    // the backends' conv sums differ by ~1e-6 relative, enough to flip which element of a near-tied pool
    // window is the maximum (3 of 200,704 windows of the first pool on dog.jpg), and a ReLU network's
    // gradient jumps there. The map a reader sees is the same.
    const cpu = await gradientOn('cpu', null);
    const wasm = await gradientOn('wasm', null);
    expect(attribution.spearman(cpu.map.values, wasm.map.values)).toBeGreaterThan(0.999);
    const meanDifference = cpu.drawn.reduce((sum, v, i) => sum + Math.abs(v - wasm.drawn[i]!), 0) / cpu.drawn.length;
    expect(meanDifference).toBeLessThan(1e-3);
  });
});

describe('Integrated Gradients', () => {
  it.each(['coffee.png', 'chicago.jpg'])(
    'sums to F(x) - F(black) within 5 percent at the default 64 points (%s)',
    async (photo) => {
      await initNodeBackend('wasm');
      const { rgb, target } = await photoInput(darknet, photo);
      const result = await attribution.attribute(darknet, { method: 'integrated-gradients' }, target, rgb);
      rgb.dispose();
      expect(result.completeness?.relative).toBe(true);
      expect(result.completeness!.error).toBeLessThan(0.05);
      expect(result.map.signed).toBe(true);
    },
  );
});

describe('the sanity check (Adebayo et al. 2018)', () => {
  it("guided backprop's map survives randomising the top layer; the plain gradient's does not", async () => {
    const { rgb, target } = await photoInput(darknet, 'chelsea.png');
    const rhoAfterTop = async (spec: MethodSpec) => {
      const steps = await attribution.sanityCascade(
        darknet,
        async (network) => (await attribution.attribute(network, spec, target, rgb)).map,
        { depth: 1 },
      );
      expect(steps.map((s) => s.layer)).toEqual(['original', 'conv2d_16']);
      return steps[1]!.rho!;
    };
    const guided = await rhoAfterTop({ method: 'guided-backprop' });
    const gradient = await rhoAfterTop({ method: 'gradient' });
    rgb.dispose();
    expect(guided).toBeGreaterThan(0.9);
    expect(gradient).toBeLessThan(guided - 0.2);
  });
});

describe('occlusion and the deletion and insertion curves', () => {
  it("records each window's drop in the class's probability", async () => {
    const { rgb, target } = await photoInput(darknet, 'chelsea.png');
    const spec = { method: 'occlusion', window: 112, stride: 112 } as const;
    const result = await attribution.attribute(darknet, spec, target, rgb);
    // The top-left quadrant greyed by hand gives the drop the map holds there.
    const image = (await rgb.data()).slice();
    for (let y = 0; y < 112; y++) image.fill(0.5, y * 224 * 3, (y * 224 + 112) * 3);
    const greyed = tf.tensor4d(image, [1, 224, 224, 3]);
    const measure = async (x: tf.Tensor4D) => {
      const scores = tf.tidy(() => tf.softmax(darknet.forward(x, ['global_average_pooling2d_1'])[0] as tf.Tensor2D));
      const p = (await scores.data())[(target as { index: number }).index]!;
      scores.dispose();
      return p;
    };
    expect(result.original).toBeCloseTo(await measure(rgb), 5);
    expect(result.map.values[0]).toBeCloseTo(result.original! - (await measure(greyed)), 5);
    tf.dispose([rgb, greyed]);
  });

  it('start at the photo and end at grey (deletion), start blurred and end at the photo (insertion)', async () => {
    const { rgb, target } = await photoInput(darknet, 'chelsea.png');
    const { map } = await attribution.attribute(darknet, { method: 'gradient' }, target, rgb);
    const curves = await attribution.deletionInsertion(darknet, target, rgb, map, { stepShare: 0.25 });
    const grey = tf.fill([1, 224, 224, 3], 0.5) as tf.Tensor4D;
    const greyCurve = await attribution.deletionInsertion(darknet, target, grey, map, { stepShare: 1 });
    tf.dispose([rgb, grey]);
    expect(curves.deletion).toHaveLength(5);
    expect(curves.deletion[0]).toBeCloseTo(curves.insertion.at(-1)!, 5);
    expect(curves.deletion.at(-1)).toBeCloseTo(greyCurve.deletion[0]!, 5);
    expect(curves.deletionAuc).toBeLessThan(curves.insertionAuc);
  });
});

describe('other models', () => {
  it("splits Tiny VGG's class score from the softmax inside its dense layer", async () => {
    const vgg = await loadModel('tiny-vgg', { from: 'mirror' });
    expect(attribution.scoreLayer(vgg)).toBe('output:pre');
    const rgb = tf.randomUniform([1, 64, 64, 3], 0, 1, 'float32', 3) as tf.Tensor4D;
    const scores = tf.tidy(() => tf.softmax(vgg.forward(rgb, ['output:pre'])[0] as tf.Tensor2D));
    const probabilities = await vgg.predict(rgb);
    expect([...(await scores.data())].map((v, i) => v - probabilities[i]!).every((d) => Math.abs(d) < 1e-6)).toBe(true);
    const { map } = await attribution.attribute(vgg, { method: 'gradient' }, { kind: 'class', index: 2 }, rgb);
    expect(Math.max(...map.values)).toBeGreaterThan(0);
    tf.dispose([rgb, scores]);
    vgg.dispose();
  });

  it('explains a VGG19 channel with the weights of blocks 1-3 only, leaving no tensor behind', async () => {
    const vgg19 = await loadModel('vgg19', { from: 'mirror', upTo: ['block2_conv1'] });
    const rgb = tf.randomUniform([1, 48, 48, 3], 0, 1, 'float32', 5) as tf.Tensor4D;
    const target = { kind: 'channel' as const, layer: 'block2_conv1', index: 4 };
    const before = tf.memory().numTensors;
    const methods: MethodSpec[] = [
      { method: 'gradient' },
      { method: 'gradient-x-input' },
      { method: 'guided-backprop' },
      { method: 'grad-cam', layer: 'block1_conv2' },
      { method: 'smoothgrad', samples: 2 },
      { method: 'integrated-gradients', steps: 2 },
      { method: 'occlusion', window: 24, stride: 24 },
    ];
    for (const spec of methods) {
      const { map } = await attribution.attribute(vgg19, spec, target, rgb);
      expect([map.width, map.height], spec.method).toEqual([48, 48]);
      expect(
        map.values.some((v) => v !== 0),
        spec.method,
      ).toBe(true);
    }
    await attribution.sanityCascade(
      vgg19,
      async (n) => (await attribution.attribute(n, methods[0]!, target, rgb)).map,
      {
        depth: 2,
      },
    );
    expect(tf.memory().numTensors).toBe(before);
    rgb.dispose();
    vgg19.dispose();
  });
});
