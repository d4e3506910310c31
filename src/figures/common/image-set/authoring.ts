/**
 * The author's side shared by the figures that compare a photo with a set: the props every one of them
 * takes, what they name for the build's checks, and the recipe fields they make.
 */
import { anyImageSet } from '../../image-packs.ts';
import { imageRef, type Names, type RecipeContext } from '../../contract/authoring.ts';
import { imageProp, modelProp } from '../props.ts';
import { setProp, setResizeProp } from './props.ts';
import type { SetRecipeBase } from './recipe.ts';

/** The props of every set figure (each adds its layer and its own). */
export const setFigureProps = { model: modelProp, image: imageProp, resize: setResizeProp, set: setProp };

/** The recipe fields of every set figure, from its props. */
export function setRecipeBase(
  props: { model: string; image?: string; resize: SetRecipeBase['resize']; set: string; layer: string },
  context: RecipeContext,
): SetRecipeBase {
  return {
    model: props.model,
    image: imageRef(props.image ?? context.photo),
    resize: props.resize,
    set: setPackId(props.set),
    layer: props.layer,
  };
}

export function setNames(props: { model: string; layer: string; image?: string; set: string }): Names {
  return {
    model: props.model,
    layers: props.layer === 'logits' ? undefined : { names: [props.layer] },
    images: [props.image],
  };
}

/** The set's pack id from the name an author writes ("corpus"); unknown names fail with the valid sets. */
export function setPackId(name: string): string {
  return anyImageSet(name)[0]!.ref.split('/')[0]!;
}
