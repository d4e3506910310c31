/**
 * Checks a figure's props against the registry and the model topology, and turns them into a recipe.
 * The same rules for every kind (each kind says what its props name); every problem names the valid
 * choices, so an author can fix a typo without reading code.
 */
import type { z } from 'zod';
import { modelPacks } from '../registry/index.ts';
import {
  classCount,
  classLabels,
  convLayers,
  fetchedConvLayers,
  featureConvLayers,
  kerasLayers,
  layerShape,
  missingWeightFiles,
} from '../node/model-info.ts';
import { fetchHint } from '../node/paths.ts';
import { suggestion } from './suggest.ts';
import { checkImage } from './check-image.ts';
import { resolveClass, type ClassValue } from './common/classes.ts';
import { imageRef, type Names, type RecipeContext } from './contract/authoring.ts';
import { figureLevelPropNames, splitFigureProps, type FigureWidth } from './figure-props.ts';
import type { BuildProfile } from './profiles.ts';
import { AUTHORING } from './registry/authoring.ts';
import type { RecipeKind, RecipeOf } from './registry/types.ts';

export type Resolution<K extends RecipeKind = RecipeKind> =
  | {
      status: 'ok';
      recipe: RecipeOf<K>;
      /** A photo figure recomputes for the reader's photo (false: pinned to its image; absent: no photo). */
      follows?: boolean;
      /** The author's name for the figure (its HTML id, for links), when given. */
      name?: string;
      /** The width the author asked for: the text column, wide, or the full window. */
      width?: FigureWidth;
    }
  | { status: 'not-fetched'; model: string; layer: string; missing: string[]; hint: string }
  | { status: 'invalid'; problems: string[] };

/** The context recipes are made in: the article's photo, the topology, the build profile. */
export function recipeContext(photo: string, profile: BuildProfile): RecipeContext {
  return {
    photo: imageRef(photo),
    channelCount: (model, layer) => layerShape(model, layer)!.at(-1)!,
    classCount,
    classLabels,
    profile,
    fetchedConvLayers,
    featureConvLayers,
  };
}

export function resolveFigure<K extends RecipeKind>(
  kind: K,
  raw: Record<string, unknown>,
  photo: string,
  profile: BuildProfile,
): Resolution<K> {
  const authoring = AUTHORING[kind];
  const takesImage = 'image' in authoring.props.shape;
  const split = splitFigureProps(raw, takesImage);
  if ('problems' in split) return { status: 'invalid', problems: split.problems };
  const { props, level } = split;
  const { follows, ...named } = level;
  const parsed = authoring.props.strict().safeParse(props);
  if (!parsed.success) {
    const valid = [...Object.keys(authoring.props.shape), ...figureLevelPropNames(takesImage)];
    return { status: 'invalid', problems: parsed.error.issues.map((issue) => describeIssue(issue, props, valid)) };
  }
  const { names, recipe } = authoring.read(parsed.data);
  const problems = [...checkNames(names), ...(names.images ?? []).flatMap((image) => checkImage(image, photo))];
  if (problems.length) return { status: 'invalid', problems };
  const fetched = checkFetched(names);
  if (fetched) return fetched;
  const context = recipeContext(photo, profile);
  const made = recipe(context);
  const recipeProblems = authoring.check?.(made, context) ?? [];
  if (recipeProblems.length) return { status: 'invalid', problems: recipeProblems };
  if (!takesImage || !('image' in made)) return { status: 'ok', recipe: made, ...named };
  // A figure of the article's photo follows the reader's by default; one of another image keeps it.
  return { status: 'ok', recipe: made, follows: follows ?? made.image === context.photo, ...named };
}

/** The model exists (and gives logits where asked); every layer and class named is one of its valid ones. */
function checkNames(names: Names): string[] {
  if (names.model === undefined) return [];
  const valid = modelPacks().filter((p) => p.format === 'keras-layers');
  const model = valid.find((p) => p.id === names.model);
  if (!model) {
    const ids = valid.map((p) => p.id);
    return [`unknown model "${names.model}"${suggestion(names.model, ids)}; valid models: ${ids.join(', ')}`];
  }
  if (names.logits && !model.outputIsLogits) {
    return [
      `model ${model.id} outputs probabilities (a softmax), so its class scores cannot be used; use a model whose output is logits (${valid
        .filter((p) => p.outputIsLogits)
        .map((p) => p.id)
        .join(', ')})`,
    ];
  }
  return [...checkClasses(model.id, names.classes ?? []), ...checkLayers(model.id, model.layers, names.layers)];
}

/** Each class, by index or name, resolves to one output of the model (common/classes.ts words the problem). */
function checkClasses(model: string, classes: ClassValue[]): string[] {
  if (!classes.length) return [];
  const labels = classLabels(model);
  return classes.flatMap((value) => {
    const resolved = resolveClass(value, labels, model);
    return 'problem' in resolved ? [resolved.problem] : [];
  });
}

function checkLayers(model: string, modelLayers: string[], named: Names['layers']): string[] {
  if (!named) return [];
  const layers = named.only === 'conv' ? convLayers(model) : modelLayers;
  // Beyond the registry's list, any Keras layer of the topology names a value the engine taps (a conv
  // unit's batch norm: its value before the non-linearity), except where only conv layers will do.
  const accepted = named.only === 'conv' ? layers : [...layers, ...kerasLayers(model)];
  const unknown = named.names.filter((layer) => !accepted.includes(layer));
  if (!unknown.length) return [];
  const quoted = unknown.map((l) => `"${l}"`).join(', ');
  const hint = unknown.length === 1 ? suggestion(unknown[0]!, accepted) : '';
  const before = named.only !== 'conv' && accepted.some((l) => l.startsWith('batch_normalization'));
  const also = before ? " (and each conv unit's batch_normalization_N, its value before the non-linearity)" : '';
  return [`unknown layer ${quoted} for model ${model}${hint}; valid layers: ${layers.join(', ')}${also}`];
}

/** Layers whose weights are not fetched: left out with a note (whenFetched), or a problem naming the fix. */
function checkFetched(names: Names): Resolution | null {
  if (names.model === undefined || !names.layers) return null;
  const model = names.model;
  const missing = names.layers.names
    .map((layer) => ({ layer, files: missingWeightFiles(model, layer) }))
    .filter((m) => m.files.length);
  if (!missing.length) return null;
  const files = [...new Set(missing.flatMap((m) => m.files))];
  if (names.whenFetched)
    return { status: 'not-fetched', model, layer: missing[0]!.layer, missing: files, hint: fetchHint(model) };
  const layers = missing.map((m) => m.layer).join(', ');
  const listed = `${files.slice(0, 3).join(', ')}${files.length > 3 ? ', ...' : ''}`;
  const what = missing.length > 1 ? `layers ${layers}` : `layer ${layers}`;
  return {
    status: 'invalid',
    problems: [
      `${what} of ${model} ${missing.length > 1 ? 'need' : 'needs'} weight files that are not fetched (${listed}). Run: ${fetchHint(model)}, or add whenFetched to show it only when fetched.`,
    ],
  };
}

/** A Zod issue as an author reads it: the prop, what is wrong, and how to write it in MDX. */
function describeIssue(issue: z.core.$ZodIssue, raw: Record<string, unknown>, props: string[]): string {
  if (issue.code === 'unrecognized_keys') {
    const hint = issue.keys.length === 1 ? suggestion(issue.keys[0]!, props) : '';
    return `unknown prop ${issue.keys.map((k) => `"${k}"`).join(', ')}${hint}; valid props: ${props.join(', ')}`;
  }
  const where = issue.path.length ? `prop "${issue.path.join('.')}"` : 'props';
  const name = String(issue.path[0] ?? 'prop');
  return `${where}: ${issue.message}${choiceHint(issue, raw)}${mdxHint(issue, name, issue.path.length === 1 ? raw[name] : undefined)}`;
}

/** The closest valid choice to a misspelt one ("scraem": did you mean "scream"?), at any depth of the props. */
function choiceHint(issue: z.core.$ZodIssue, raw: Record<string, unknown>): string {
  if (issue.code !== 'invalid_value') return '';
  const value = issue.path.reduce<unknown>(
    (at, key) => (at && typeof at === 'object' ? (at as Record<PropertyKey, unknown>)[key] : undefined),
    raw,
  );
  return typeof value === 'string' ? suggestion(value, issue.values.map(String)) : '';
}

/** How to write a number, an array or a boolean in MDX, when the author wrote a string instead. */
function mdxHint(issue: z.core.$ZodIssue, name: string, value: unknown): string {
  if (typeof value !== 'string') return '';
  const expected =
    issue.code === 'invalid_type' ? [issue.expected] : issue.code === 'invalid_union' ? unionTypes(issue) : [];
  if (expected.includes('array')) return `; write arrays as JSON in braces, e.g. ${name}={[0, 1, 2]}`;
  if (expected.includes('number')) return `; write numbers in braces, e.g. ${name}={4}`;
  if (expected.includes('boolean')) return `; write ${name} alone for true, or ${name}={false}`;
  return '';
}

function unionTypes(issue: z.core.$ZodIssue): string[] {
  const errors = (issue as { errors?: z.core.$ZodIssue[][] }).errors ?? [];
  return errors.flat().flatMap((e) => (e.code === 'invalid_type' ? [e.expected] : []));
}
