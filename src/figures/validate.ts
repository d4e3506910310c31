/**
 * Checks a figure's props against the registry and the model topology, and turns them into a recipe.
 * The same rules for every kind (each kind says what its props name); every problem names the valid
 * choices, so an author can fix a typo without reading code.
 */
import type { z } from 'zod';
import { getPack, imagePacks, modelPacks } from '../registry/index.ts';
import { convLayers, fetchedConvLayers, layerShape, missingWeightFiles, modelInfo } from '../node/model-info.ts';
import { fetchHint } from '../node/paths.ts';
import { imageRef, type Names, type RecipeContext } from './contract/authoring.ts';
import type { BuildProfile } from './profiles.ts';
import { AUTHORING } from './registry/authoring.ts';
import type { RecipeKind, RecipeOf } from './registry/types.ts';

export type Resolution<K extends RecipeKind = RecipeKind> =
  | { status: 'ok'; recipe: RecipeOf<K> }
  | { status: 'not-fetched'; model: string; layer: string; missing: string[]; hint: string }
  | { status: 'invalid'; problems: string[] };

/** The context recipes are made in: the article's photo, the topology, the build profile. */
export function recipeContext(photo: string, profile: BuildProfile): RecipeContext {
  return {
    photo: imageRef(photo),
    channelCount: (model, layer) => layerShape(model, layer)!.at(-1)!,
    classCount: (model) => modelInfo(model).rows.at(-1)!.outputShape.at(-1)!,
    profile,
    fetchedConvLayers,
  };
}

export function resolveFigure<K extends RecipeKind>(
  kind: K,
  raw: Record<string, unknown>,
  photo: string,
  profile: BuildProfile,
): Resolution<K> {
  const authoring = AUTHORING[kind];
  const parsed = authoring.props.strict().safeParse(raw);
  if (!parsed.success) return { status: 'invalid', problems: parsed.error.issues.map(describeIssue) };
  const { names, recipe } = authoring.read(parsed.data);
  const problems = [...checkNames(names), ...(names.images ?? []).flatMap((image) => checkImage(image, photo))];
  if (problems.length) return { status: 'invalid', problems };
  const fetched = checkFetched(names);
  if (fetched) return fetched;
  const context = recipeContext(photo, profile);
  const made = recipe(context);
  const recipeProblems = authoring.check?.(made, context) ?? [];
  return recipeProblems.length ? { status: 'invalid', problems: recipeProblems } : { status: 'ok', recipe: made };
}

/** The model exists (and gives logits where asked); every layer named is one of its valid layers. */
function checkNames(names: Names): string[] {
  if (names.model === undefined) return [];
  const valid = modelPacks().filter((p) => p.format === 'keras-layers');
  const model = valid.find((p) => p.id === names.model);
  if (!model) return [`unknown model "${names.model}"; valid models: ${valid.map((p) => p.id).join(', ')}`];
  if (names.logits && !model.outputIsLogits) {
    return [
      `model ${model.id} outputs probabilities (a softmax), so its class scores cannot be used; use a model whose output is logits (${valid
        .filter((p) => p.outputIsLogits)
        .map((p) => p.id)
        .join(', ')})`,
    ];
  }
  if (!names.layers) return [];
  const layers = names.layers.only === 'conv' ? convLayers(model.id) : model.layers;
  const unknown = names.layers.names.filter((layer) => !layers.includes(layer));
  if (!unknown.length) return [];
  const quoted = unknown.map((l) => `"${l}"`).join(', ');
  return [`unknown layer ${quoted} for model ${model.id}; valid layers: ${layers.join(', ')}`];
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

function checkImage(image: string | undefined, photo: string): string[] {
  const ref = imageRef(image ?? photo);
  const [pack, file] = [ref.slice(0, ref.indexOf('/')), ref.slice(ref.indexOf('/') + 1)];
  const valid = imagePacks().flatMap((p) =>
    p.files
      .filter((f) => f.publish !== false)
      .map((f) => (p.id === 'images-photos' ? f.path : `${p.id.slice('images-'.length)}/${f.path}`)),
  );
  const found = imagePacks()
    .find((p) => p.id === pack)
    ?.files.find((f) => f.path === file);
  if (!found) return [`unknown image "${image ?? photo}"; valid images: ${valid.join(', ')}`];
  if (getPack(pack).files.find((f) => f.path === file)?.publish === false) {
    return [`image "${image}" may not be published (its rights are not cleared); valid images: ${valid.join(', ')}`];
  }
  return [];
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unknown prop ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  const where = issue.path.length ? `prop "${issue.path.join('.')}"` : 'props';
  return `${where}: ${issue.message}`;
}
