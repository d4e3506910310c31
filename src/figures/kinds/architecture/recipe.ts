/** <ArchitectureTable>: a model's layers like a Keras summary, from its topology. */
import type { SummaryRow } from '../../../engine/index.ts';

export interface ArchitectureRecipe {
  kind: 'architecture';
  model: string;
}

export interface ArchitectureData {
  rows: SummaryRow[];
  input: { width: number; height: number };
}
