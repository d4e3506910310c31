/** Author-side pieces the Gatys figures share: the recipe's common fields, what they name, their cost. */
import { imageRef, type Names, type RecipeContext } from '../contract/authoring.ts';
import type { StyleRecipeBase } from './recipe-parts.ts';

interface StyleProps {
  model: string;
  image?: string;
  style: string;
  maxSide?: number;
}

/** Model, photo, painting and size: the author's, else the article's photo and the build profile's size. */
export function styleBase(p: StyleProps, context: RecipeContext): StyleRecipeBase {
  return {
    model: p.model,
    image: imageRef(p.image ?? context.photo),
    style: imageRef(p.style),
    maxSide: p.maxSide ?? context.profile.style.maxSide,
    profile: context.profile.name,
  };
}

/** The layers named (all conv layers of VGG19, the losses are measured there), the photo and the painting. */
export function styleNames(p: StyleProps, layers: string[], whenFetched = false): Names {
  return {
    model: p.model,
    layers: { names: [...new Set(layers)], only: 'conv' },
    images: [p.image, p.style],
    whenFetched,
  };
}

/** Cost in 224x224 Tiny Darknet passes: VGG19 through block 3 costs about 20, a step about 3 forward passes. */
export function gatysCost(recipe: { maxSide: number }, iterations: number): number {
  return iterations * 3 * 20 * ((recipe.maxSide * recipe.maxSide) / (224 * 224));
}
