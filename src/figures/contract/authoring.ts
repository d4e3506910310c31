/**
 * The author's side of a figure kind: the MDX component's props (a Zod schema with a doc line per field),
 * what they name (checked against the registry and the model topology, with the valid choices in every
 * message), their translation into the kind's recipe, and the recipe's cost for the progress bar.
 */
import type { z } from 'zod';
import type { ClassLabel, ClassValue } from '../common/classes.ts';
import type { BuildProfile } from '../profiles.ts';
import type { RecipeKind, RecipeOf } from '../registry/types.ts';

/** What props name, checked before a recipe is made. */
export interface Names {
  /** The model whose layers are named (absent: none, as for fast style). */
  model?: string;
  /** Layers of that model; 'conv' allows conv layers only (dreams, filters, style losses). */
  layers?: { names: string[]; only?: 'conv' };
  /** The model must output logits (class dreams). */
  logits?: boolean;
  /** Classes of that model, as output indexes or names ("tabby"): see common/classes.ts. */
  classes?: ClassValue[];
  /** Images, as the author wrote them ("<file>" or "<pack>/<file>"); undefined is the article's photo. */
  images?: (string | undefined)[];
  /** Leave the figure out (with a note) when its layers' weights are not fetched. */
  whenFetched?: boolean;
}

/** What a recipe needs beyond the props. */
export interface RecipeContext {
  /** The article's photo as "<pack>/<file>", used when a figure names none. */
  photo: string;
  /** Channels of a layer's output (from the model topology). */
  channelCount: (model: string, layer: string) => number;
  /** Classes of a model's output. */
  classCount: (model: string) => number;
  /** A model's classes by output index: label and WordNet id (for names; see common/classes.ts). */
  classLabels: (model: string) => ClassLabel[];
  /** The build profile (sets optimisation sizes, steps and iterations). */
  profile: BuildProfile;
  /** Conv layers of a model whose weights are fetched, in order (the live panel offers them). */
  fetchedConvLayers: (model: string) => string[];
  /** Those of them whose channels are features, not class scores (Grad-CAM's choices for a class). */
  featureConvLayers: (model: string) => string[];
}

/** A kind's author side as the registries hold it (props already parsed by `props`). */
export interface FigureAuthoring<K extends RecipeKind> {
  kind: K;
  /** The MDX tag authors write. */
  component: string;
  /** One line for the figure reference: what the figure shows. */
  summary: string;
  props: z.ZodObject;
  /** Reads parsed props: what they name, and how to make the recipe once the names check out. */
  read(props: unknown): { names: Names; recipe: (context: RecipeContext) => RecipeOf<K> };
  /** Problems only the recipe shows (a channel or class past the end), as messages with the valid range. */
  check?(recipe: RecipeOf<K>, context: RecipeContext): string[];
  /** Rough cost in 224x224 forward passes, for the progress bar's ETA. */
  cost(recipe: RecipeOf<K>): number;
  /** Layers, by model, that a reader may ask for beyond the recipe's (a live panel's choices). */
  liveLayers?(recipe: RecipeOf<K>, context: RecipeContext): Record<string, string[]>;
  /** A reader's photo recomputes this figure only when asked (minutes without a GPU). */
  onDemand?: boolean;
}

/** A kind's author side as written, with typed props; `defineAuthoring` erases the props type for the registry. */
export interface TypedAuthoring<K extends RecipeKind, S extends z.ZodObject> extends Omit<FigureAuthoring<K>, 'read'> {
  props: S;
  names(props: z.infer<S>): Names;
  toRecipe(props: z.infer<S>, context: RecipeContext): RecipeOf<K>;
}

export function defineAuthoring<K extends RecipeKind, S extends z.ZodObject>(
  definition: TypedAuthoring<K, S>,
): FigureAuthoring<K> {
  const { names, toRecipe, ...rest } = definition;
  return {
    ...rest,
    read(props) {
      // The registry hands over what `definition.props` parsed, so this is that schema's output type.
      const typed = props as z.infer<S>;
      return { names: names(typed), recipe: (context) => toRecipe(typed, context) };
    },
  };
}

/** An author's image name as "<pack>/<file>": a bare file name means images-photos. */
export function imageRef(name: string): string {
  if (name.includes('/')) return name.startsWith('images-') ? name : `images-${name}`;
  return `images-photos/${name}`;
}
