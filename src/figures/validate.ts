/**
 * Checks a figure's props against the registry and the model topology, and turns them into a recipe.
 * Every problem names the valid choices, so an author can fix a typo without reading code.
 */
import { type z } from 'zod';
import type { Recipe } from '../engine/figures/recipe.ts';
import { isStyleRecipe } from '../engine/figures/style-recipe.ts';
import { getPack, imagePacks, modelPacks } from '../registry/index.ts';
import { layerShape, missingWeightFiles, modelInfo } from '../node/model-info.ts';
import type { BuildProfile } from './profiles.ts';
import { fetchHint } from '../node/paths.ts';
import { FIGURE_COMPONENTS, imageRef, toRecipe, type FigureComponent } from './props.ts';
import { isStyleComponent, styleFigureLayers, toStyleRecipe, type StyleComponent } from './style-props.ts';

export type Resolution =
  | { status: 'ok'; recipe: Recipe }
  | { status: 'not-fetched'; model: string; layer: string; missing: string[]; hint: string }
  | { status: 'invalid'; problems: string[] };

export function resolveFigure(
  component: FigureComponent,
  raw: Record<string, unknown>,
  photo: string,
  profile: BuildProfile,
): Resolution {
  const parsed = FIGURE_COMPONENTS[component].strict().safeParse(raw);
  if (!parsed.success) return { status: 'invalid', problems: parsed.error.issues.map(describeIssue) };
  const props = parsed.data as Record<string, unknown>;
  if (isStyleComponent(component)) return resolveStyleFigure(component, props, photo, profile);
  const problems = [...checkModelAndLayer(component, props), ...checkImage(props.image as string | undefined, photo)];
  if (problems.length) return { status: 'invalid', problems };
  const model = props.model as string;
  const layer = props.layer as string | undefined;
  if (layer) {
    const missing = missingWeightFiles(model, layer);
    if (missing.length) {
      if (props.whenFetched) return { status: 'not-fetched', model, layer, missing, hint: fetchHint(model) };
      return {
        status: 'invalid',
        problems: [
          `layer ${layer} of ${model} needs weight files that are not fetched (${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ', ...' : ''}). Run: ${fetchHint(model)}, or add whenFetched to show it only when fetched.`,
        ],
      };
    }
  }
  const channelCount = (m: string, l: string) => layerShape(m, l)!.at(-1)!;
  const recipe = toRecipe(component, props, { photo, channelCount, profile });
  const indexProblem = checkIndexes(recipe);
  return indexProblem ? { status: 'invalid', problems: [indexProblem] } : { status: 'ok', recipe };
}

/** Style figures: a painting, several layers (all must be fetched), and for fast style nine networks. */
function resolveStyleFigure(
  component: StyleComponent,
  props: Record<string, unknown>,
  photo: string,
  profile: BuildProfile,
): Resolution {
  const layers = [...new Set(styleFigureLayers(component, props))];
  const painting = props.style as string | undefined;
  const problems = [
    ...(component === 'FastStyle' ? [] : checkLayers(props.model as string, layers)),
    ...checkImage(props.image as string | undefined, photo),
    ...(painting === undefined ? [] : checkImage(painting, photo)),
  ];
  if (problems.length) return { status: 'invalid', problems };
  const model = props.model as string;
  const missing = layers
    .map((layer) => ({ layer, files: missingWeightFiles(model, layer) }))
    .filter((m) => m.files.length);
  if (missing.length) {
    const files = [...new Set(missing.flatMap((m) => m.files))];
    if (props.whenFetched)
      return { status: 'not-fetched', model, layer: missing[0]!.layer, missing: files, hint: fetchHint(model) };
    return {
      status: 'invalid',
      problems: [
        `layers ${missing.map((m) => m.layer).join(', ')} of ${model} need weight files that are not fetched (${files.slice(0, 3).join(', ')}${files.length > 3 ? ', ...' : ''}). Run: ${fetchHint(model)}, or add whenFetched to show the figure only when they are.`,
      ],
    };
  }
  const recipe = toStyleRecipe(
    component,
    props,
    profile,
    imageRef((props.image as string | undefined) ?? photo),
    painting === undefined ? '' : imageRef(painting),
  );
  const indexProblem = recipe.kind === 'gram' ? checkChannels(model, recipe.layer, [recipe.channels - 1]) : null;
  return indexProblem ? { status: 'invalid', problems: [indexProblem] } : { status: 'ok', recipe };
}

/** Each layer must be a conv layer of a layers model (the losses are measured on conv activations). */
function checkLayers(modelId: string, layers: string[]): string[] {
  const valid = modelPacks().filter((p) => p.format === 'keras-layers');
  const model = valid.find((p) => p.id === modelId);
  if (!model) return [`unknown model "${modelId}"; valid models: ${valid.map((p) => p.id).join(', ')}`];
  const convs = model.layers.filter((l) => layerShape(model.id, l)?.length === 3 && /conv/.test(l));
  const unknown = layers.filter((l) => !convs.includes(l));
  return unknown.length
    ? [
        `unknown layer ${unknown.map((l) => `"${l}"`).join(', ')} for model ${model.id}; valid layers: ${convs.join(', ')}`,
      ]
    : [];
}

/** Channels and classes a recipe names must exist in the layer (or the output). */
function checkIndexes(recipe: Recipe): string | null {
  if (isStyleRecipe(recipe)) return null;
  if (recipe.kind === 'class-dream') {
    const outputs = modelInfoOutputs(recipe.model);
    const bad = recipe.classes.filter((c) => c >= outputs);
    return bad.length
      ? `class ${bad.join(', ')} does not exist in ${recipe.model}; valid classes: 0-${outputs - 1}`
      : null;
  }
  if (!('layer' in recipe)) return null;
  if ('channels' in recipe) return checkChannels(recipe.model, recipe.layer, recipe.channels);
  if ('channel' in recipe) return checkChannels(recipe.model, recipe.layer, [recipe.channel]);
  return null;
}

function modelInfoOutputs(model: string): number {
  return modelInfo(model).rows.at(-1)!.outputShape.at(-1)!;
}

function checkModelAndLayer(component: FigureComponent, props: Record<string, unknown>): string[] {
  const valid = modelPacks().filter((p) => p.format === 'keras-layers');
  const model = valid.find((p) => p.id === props.model);
  if (!model) return [`unknown model "${String(props.model)}"; valid models: ${valid.map((p) => p.id).join(', ')}`];
  if (component === 'ClassDream' && !model.outputIsLogits) {
    return [
      `model ${model.id} outputs probabilities (a softmax), so its class scores cannot be dreamed; use a model whose output is logits (tiny-darknet)`,
    ];
  }
  const layer = props.layer as string | undefined;
  if (layer === undefined) return [];
  const convOnly = ['FilterGallery', 'DreamGallery', 'NaiveVsRecipe', 'DeepDream'].includes(component);
  const layers = convOnly
    ? model.layers.filter((l) => layerShape(model.id, l)?.length === 3 && /conv/.test(l))
    : model.layers;
  if (!layers.includes(layer))
    return [`unknown layer "${layer}" for model ${model.id}; valid layers: ${layers.join(', ')}`];
  return [];
}

function checkImage(image: string | undefined, photo: string): string[] {
  const ref = imageRef(image ?? photo);
  const [pack, file] = [ref.slice(0, ref.indexOf('/')), ref.slice(ref.indexOf('/') + 1)];
  const valid = imagePacks().flatMap((p) =>
    p.files
      .filter((f) => f.publish !== false)
      .map((f) => (p.id === 'images-photos' ? f.path : `${p.id.slice('images-'.length)}/${f.path}`)),
  );
  if (!getPackFiles(pack).has(file)) return [`unknown image "${image ?? photo}"; valid images: ${valid.join(', ')}`];
  if (getPack(pack).files.find((f) => f.path === file)?.publish === false) {
    return [`image "${image}" may not be published (its rights are not cleared); valid images: ${valid.join(', ')}`];
  }
  return [];
}

function getPackFiles(pack: string): Set<string> {
  const found = imagePacks().find((p) => p.id === pack);
  return new Set(found?.files.map((f) => f.path) ?? []);
}

function checkChannels(model: string, layer: string, channels: number[]): string | null {
  const count = layerShape(model, layer)!.at(-1)!;
  const bad = channels.filter((c) => c >= count);
  return bad.length
    ? `channel ${bad.join(', ')} does not exist in ${layer} of ${model}; valid channels: 0-${count - 1}`
    : null;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unknown prop ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  const where = issue.path.length ? `prop "${issue.path.join('.')}"` : 'props';
  return `${where}: ${issue.message}`;
}
