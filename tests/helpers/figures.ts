/** Resolving a figure by the MDX tag an author writes (the registry keys kinds; articles name components). */
import type { BuildProfile } from '../../src/figures/profiles.ts';
import { kindOfComponent } from '../../src/figures/registry/authoring.ts';
import { resolveFigure, type Resolution } from '../../src/figures/validate.ts';

export function resolveComponent(
  component: string,
  props: Record<string, unknown>,
  photo: string,
  profile: BuildProfile,
): Resolution {
  const kind = kindOfComponent(component);
  if (!kind) throw new Error(`<${component}> is not a figure component`);
  return resolveFigure(kind, props, photo, profile);
}
