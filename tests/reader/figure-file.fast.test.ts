/** Download file names: "<article>-<figure id>", one file name even for a nested article. */
import { describe, expect, it } from 'vitest';
import { figureFileBase } from '../../src/components/figures/figure-file.ts';

describe('figureFileBase', () => {
  it('names a download after its article and its figure', () => {
    expect(figureFileBase('what-each-layer-sees', 'first-grid')).toBe('what-each-layer-sees-first-grid');
  });

  it('turns a nested article id into one file name', () => {
    expect(figureFileBase('series/part-1', 'figure-ab12cd34ef')).toBe('series-part-1-figure-ab12cd34ef');
  });
});
