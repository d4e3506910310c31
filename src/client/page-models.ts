/** The specs of the models an article page uses, embedded by the server as JSON (#ll-models). */
import type { ModelSpec } from '../registry/schema.ts';

export function pageModelSpec(id: string): ModelSpec {
  const specs = JSON.parse(document.getElementById('ll-models')!.textContent!) as ModelSpec[];
  const spec = specs.find((s) => s.id === id);
  if (!spec) throw new Error(`model ${id} is not described on this page`);
  return spec;
}
