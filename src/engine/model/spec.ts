/**
 * What the engine needs to know of a model besides its files: plain types, so the engine depends on no
 * schema library. The registry (src/registry/) validates its JSON into a type that satisfies these.
 */

/** How pixels become the network's input. */
export interface Preprocessing {
  /** Value range fed to the network: 'unit' is [0,1], 'byte' is [0,255]. */
  scale: 'unit' | 'byte';
  /** Channel order the network expects. */
  channelOrder: 'rgb' | 'bgr';
  /** Per-channel mean subtracted after scaling, in the network's channel order. */
  mean: [number, number, number];
}

export interface ModelSpec {
  /** Stable id (the pack's). */
  id: string;
  /** Human-readable name. */
  name: string;
  /** Weight format: a Keras layers model.json with weight groups, or a deeplearn.js checkpoint manifest. */
  format: 'keras-layers' | 'deeplearn-checkpoint';
  input: {
    /** Default input width and height in pixels (0: any size). */
    width: number;
    height: number;
    /** True when the network only accepts exactly width x height (it has dense layers). */
    fixedSize: boolean;
  };
  preprocessing: Preprocessing;
  /** Class names: a file of the pack with one label per line, or the list itself. */
  labels?: { file: string } | { names: string[] };
  /** True when the last layer gives raw scores (softmax is applied for probabilities). */
  outputIsLogits: boolean;
}
