/**
 * The figure reference (/reference/) is made from the schemas the build validates with: every prop of every
 * registered kind appears with a doc line, a type as an author writes it and its default; the frontmatter and
 * the figure-level props too; every image it lists is one the build accepts, every model's classes are its
 * labels file's, in order.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AUTHORING, FIGURE_COMPONENTS } from '../../src/figures/registry/authoring.ts';
import {
  figureLevelReference,
  figureReference,
  frontmatterReference,
  propsOf,
  type PropReference,
} from '../../src/figures/reference.ts';
import { figureLevelPropNames } from '../../src/figures/figure-props.ts';
import { ArticleFrontmatter } from '../../src/figures/frontmatter.ts';
import { imagePackReference, modelReference } from '../../src/figures/reference-packs.ts';
import { checkImage } from '../../src/figures/check-image.ts';
import { packDir } from '../../src/node/paths.ts';

const reference = figureReference();

function prop(component: string, name: string): PropReference {
  const found = reference.find((c) => c.component === component)?.props.find((p) => p.name === name);
  if (!found) throw new Error(`no prop ${name} of ${component} in the reference`);
  return found;
}

describe('the figure reference', () => {
  it('lists every registered component, in registry order', () => {
    expect(reference.map((c) => c.component)).toEqual(FIGURE_COMPONENTS);
    expect(reference.every((c) => c.summary.length > 10)).toBe(true);
  });

  it("lists every prop of every kind's schema, and every prop has a doc line", () => {
    for (const authoring of Object.values(AUTHORING)) {
      const listed = reference.find((c) => c.component === authoring.component)!.props.map((p) => p.name);
      expect(listed, authoring.component).toEqual(Object.keys(authoring.props.shape));
    }
    const undocumented = reference.flatMap((c) =>
      c.props.filter((p) => !p.doc.trim()).map((p) => `${c.component}.${p.name}`),
    );
    expect(undocumented, 'props without a .describe() doc line').toEqual([]);
  });

  it('notices a prop without a doc line', () => {
    expect(propsOf(z.object({ a: z.number().describe('An a.'), b: z.string() })).map((p) => p.doc)).toEqual([
      'An a.',
      '',
    ]);
  });

  it('writes types and defaults as an author writes them', () => {
    expect(prop('FeatureMapGrid', 'layer')).toMatchObject({ type: 'string', required: true, default: null });
    expect(prop('FeatureMapGrid', 'columns')).toMatchObject({
      type: 'integer (1 to 64)',
      default: null,
      describedDefault: 'near-square',
      required: false,
    });
    expect(prop('FeatureMapGrid', 'channels')).toMatchObject({
      type: '"all" or array of integers (≥ 0)',
      default: '"all"',
    });
    expect(prop('FeatureMapGrid', 'resize')).toMatchObject({
      type: 'one of "squash" | "center-crop" | "short-side"',
      default: '"squash"',
    });
    expect(prop('FilterGallery', 'columns')).toMatchObject({ default: '16', describedDefault: null });
    expect(prop('StyleGrid', 'iterations').default).toBe('[10, 100, 1000]');
    expect(prop('FilterSlide', 'patch').default).toBe('{"x": 24, "y": 24, "width": 8, "height": 8}');
    expect(prop('TopK', 'k')).toMatchObject({ type: 'integer (1 to 20)', default: '5' });
    expect(prop('ChannelSweep', 'fps')).toMatchObject({ type: 'number (> 0, ≤ 30)', default: '3' });
    expect(prop('ClassDream', 'classes')).toMatchObject({ type: 'array of (integer (≥ 0) or string)', required: true });
    expect(prop('SaliencyMap', 'unit').type).toBe('object {"x": integer (≥ 0), "y": integer (≥ 0)}');
    expect(prop('SaliencyMap', 'class').describedDefault).toBe("the photo's top class (follows a reader's photo)");
    expect(prop('EmbeddingMap', 'methods').type).toBe('array of (one of "pca" | "umap"), 1 to 2 items');
    expect(prop('DreamGallery', 'size').describedDefault).toBe("the build profile's");
  });

  it('lists the props every figure takes and the frontmatter fields, documented', () => {
    expect(figureLevelReference().map((p) => p.name)).toEqual(figureLevelPropNames(true));
    expect(figureLevelReference().find((p) => p.name === 'width')?.type).toBe('one of "column" | "wide" | "full"');
    const fields = frontmatterReference();
    expect(fields.map((f) => f.name)).toEqual(Object.keys(ArticleFrontmatter.shape));
    expect(fields.filter((f) => !f.doc.trim())).toEqual([]);
    expect(fields.find((f) => f.name === 'date')).toMatchObject({ type: 'date, YYYY-MM-DD', required: false });
    expect(fields.find((f) => f.name === 'author')?.type).toBe('string or array of strings');
    expect(fields.find((f) => f.name === 'title')?.required).toBe(true);
  });
});

describe('the images and models an author may name', () => {
  it('lists images the build accepts, as an author writes them, and not those it refuses', () => {
    const packs = imagePackReference();
    const names = packs.flatMap((p) => p.images);
    expect(names).toContain('chelsea.png');
    expect(names).toContain('textures/brick.png');
    expect(names).not.toContain('styles/la_muse.jpg');
    expect(names.filter((name) => checkImage(name, name).length)).toEqual([]);
    expect(checkImage('styles/la_muse.jpg', 'chelsea.png')).not.toEqual([]);
    const corpus = packs.find((p) => p.id === 'images-corpus')!;
    expect(corpus).toMatchObject({ pattern: 'corpus/<file>', images: [] });
    expect(corpus.setSize).toBeGreaterThan(100);
  });

  it("lists each model's layers and its classes by output index, as its labels file has them", () => {
    const models = modelReference();
    const darknet = models.find((m) => m.id === 'tiny-darknet')!;
    const labels = readFileSync(path.join(packDir('tiny-darknet'), 'labels.txt'), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    expect(darknet.classes.map((c) => c.label)).toEqual(labels);
    expect(darknet.classes.map((c) => c.index)).toEqual(labels.map((_, i) => i));
    expect(darknet.classes.every((c) => /^n\d{8}$/.test(c.wnid ?? ''))).toBe(true);
    expect(darknet.layers.find((l) => l.name === 'conv2d_16')?.shape?.at(-1)).toBe(labels.length);
    const vgg = models.find((m) => m.id === 'tiny-vgg')!;
    expect(vgg.classes.map((c) => c.label)).toContain('ladybug');
    expect(vgg.layers.map((l) => l.name)).toContain('conv_1_1');
    expect(models.map((m) => m.id)).not.toContain('fast-style-udnie');
  });
});
