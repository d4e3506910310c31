/**
 * Reads a Keras layers model.json (Sequential or a Functional chain) into a flat list of layers.
 * LayerLens runs the network itself from this list instead of through tfjs-layers: it needs every
 * layer's output in one pass, the value before each non-linearity, and partial weight loading.
 */

export interface KerasLayer {
  /** Keras layer name, e.g. "conv2d_3" or "block1_conv1". */
  name: string;
  /** Keras class, e.g. "Conv2D". */
  className: string;
  /** The layer's Keras config (kernel_size, strides, padding, activation, ...). */
  config: Record<string, unknown>;
}

export interface WeightGroup {
  /** Shard files of the group, in order. */
  paths: string[];
  /** The weights stored in the group, as tf.io weight specs. */
  weights: { name: string; shape: number[]; dtype: string }[];
}

export interface KerasModelJson {
  modelTopology: unknown;
  weightsManifest: WeightGroup[];
}

interface RawLayer {
  class_name: string;
  config: Record<string, unknown> & { name?: string };
  name?: string;
  inbound_nodes?: unknown[];
}

/** The layers of the model in execution order. Throws for graphs that are not a single chain. */
export function readKerasLayers(modelJson: KerasModelJson): KerasLayer[] {
  const topology = modelJson.modelTopology as Record<string, unknown>;
  const modelConfig = (topology.model_config ?? topology) as { class_name: string; config: unknown };
  const config = modelConfig.config as { layers?: RawLayer[] } | RawLayer[];
  const rawLayers = Array.isArray(config) ? config : (config.layers ?? []);
  const layers = rawLayers.map((raw) => ({
    name: String(raw.config.name ?? raw.name),
    className: raw.class_name,
    config: raw.config,
  }));
  if (modelConfig.class_name !== 'Sequential') assertChain(rawLayers);
  return layers;
}

/** A Functional model is accepted when each layer takes exactly the previous layer's output. */
function assertChain(rawLayers: RawLayer[]): void {
  rawLayers.forEach((raw, i) => {
    if (i === 0) return;
    const nodes = raw.inbound_nodes as unknown[][][] | undefined;
    const inbound = nodes?.[0]?.map((edge) => edge[0]);
    const previous = String(rawLayers[i - 1]!.config.name ?? rawLayers[i - 1]!.name);
    if (!inbound || inbound.length !== 1 || inbound[0] !== previous) {
      throw new Error(
        `Layer ${raw.config.name} does not simply follow ${previous}: LayerLens runs chain-shaped models only.`,
      );
    }
  });
}

/** Layer weight names the way converted Keras models store them: "<layer>/<param>". */
export function weightName(layer: string, param: string): string {
  return `${layer}/${param}`;
}
