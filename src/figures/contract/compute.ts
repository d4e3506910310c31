/**
 * The contract between a figure kind's compute and whoever runs it (the build in Node, the page's worker in
 * the browser). A compute takes its recipe, the inputs, and a run (abort signal, progress); it returns plain
 * data (typed arrays, no tensors, no DOM objects), so a worker can post it to the page as it is.
 */
import type { FastStyleNetwork, ImagePixels, Network, RgbaImage } from '../../engine/index.ts';
import type { PhotoAnalysis } from '../inputs/photo-analysis.ts';
import type { SetIndex, SetIndexRequest } from '../common/image-set/set-index.ts';

/** Everything a figure is computed from, each loaded once and shared by the figures that need it. */
export interface FigureInputs {
  /** A registered model, loaded once to the depth the build or the page needs. */
  network(model: string): Promise<Network>;
  /** A fast style-transfer network, loaded once. */
  fastStyle(model: string): Promise<FastStyleNetwork>;
  /** An image, "<pack>/<file>" (or the reader's photo, under the ref the page gave it), decoded once. */
  image(ref: string): Promise<ImagePixels>;
  /** One photo through one model: every layer the figures need from one forward pass per resize mode. */
  analysis(model: string, image: string): Promise<PhotoAnalysis>;
  /** An image set seen by one layer of one model (built once at build time; fetched in the browser). */
  imageSet(request: SetIndexRequest): Promise<SetIndex>;
}

/** How a computation is run: cancelled, watched. */
export interface ComputeRun {
  /** Aborting rejects the computation with the signal's reason, after freeing every tensor. */
  signal?: AbortSignal;
  /** The figure's whole image as it forms (optimisations: every `frameEvery` steps; galleries: each tile). */
  onPartial?: (image: RgbaImage) => void | Promise<void>;
  /** How many optimisation steps between partial images (each costs a read-back). */
  frameEvery?: number;
  /** The fraction of the figure's work done (0 to 1), where the compute can tell. */
  onWork?: (fraction: number) => void;
}

export interface FigureResult<D> {
  /** The figure's image (absent for tables). */
  image?: RgbaImage;
  data: D;
}

/** What a recipe reads, so models load once to the right depth and photos go through each model once. */
export interface Reads {
  /** Per model: the layers it computes ('whole' when it needs the output; [] when only the topology or weights). */
  models: Record<string, string[] | 'whole'>;
  /** Images, "<pack>/<file>". */
  images: string[];
  /** The photo's shared pass through one model, and the layers this figure takes from it. */
  analysis?: { model: string; image: string; layers: string[] };
  /** It takes gradients (an optimisation): a GPU backend then needs float32 render targets. */
  gradients?: boolean;
  /** Image sets it compares the photo with (their indexes are built with the figures and shipped). */
  sets?: SetIndexRequest[];
}

export interface FigureComputation<R, D> {
  reads(recipe: R): Reads;
  compute(recipe: R, inputs: FigureInputs, run: ComputeRun): Promise<FigureResult<D>>;
}
