/** <ArchitectureTable model="tiny-vgg" />: props and the recipe. */
import { z } from 'zod';
import { defineAuthoring } from '../../contract/authoring.ts';
import { modelProp } from '../../common/props.ts';

export const architectureTable = defineAuthoring({
  kind: 'architecture',
  component: 'ArchitectureTable',
  summary: "the model's layers, types, output shapes and parameters; conv rows link to their feature-map grid",
  props: z.object({ model: modelProp }),
  names: (p) => ({ model: p.model }),
  toRecipe: (p) => ({ kind: 'architecture', model: p.model }),
  cost: () => 0.2,
});
