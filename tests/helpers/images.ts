/** Test images come from the mirror's images folder (../shared/images beside ../shared/models). */
import path from 'node:path';
import { mirrorRoot } from '../../src/node/paths.ts';

export function imagesRoot(): string {
  const root = mirrorRoot();
  if (!root) throw new Error('Tests need LAYERLENS_MIRROR (../shared/models here) to find models and images.');
  return path.join(root, '../images');
}

export function photoPath(name: string): string {
  return path.join(imagesRoot(), 'photos', name);
}
