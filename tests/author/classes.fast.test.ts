/**
 * Classes by name: an output index or a label (any case) resolves; a label two classes share is refused
 * with both written as "label (wnid)", which resolves, as does the bare WordNet id; typos get the closest
 * name. Tiny Darknet's labels and WordNet ids are read from the mirror.
 */
import { describe, expect, it } from 'vitest';
import { resolveComponent } from '../helpers/figures.ts';
import {
  classDisplayName,
  classProp,
  resolveClass,
  resolveClassProp,
  type ClassLabel,
} from '../../src/figures/common/classes.ts';
import { PROFILES } from '../../src/figures/profiles.ts';
import { nearest } from '../../src/figures/suggest.ts';
import { recipeContext } from '../../src/figures/validate.ts';
import { classLabels } from '../../src/node/model-info.ts';

const MODEL = 'tiny-darknet';
const labels = classLabels(MODEL);
// Tiny Darknet's classes in its own (Darknet) order: labels.txt and wnids.txt, line n is index n - 1.
const TABBY = 173;
const CRANE_BIRD = 428; // n02012849
const CRANE_MACHINE = 544; // n03126707

function problemOf(value: number | string, classes: ClassLabel[] = labels): string {
  const resolved = resolveClass(value, classes, MODEL);
  return 'problem' in resolved ? resolved.problem : `resolved to ${resolved.index}`;
}

describe('resolving a class', () => {
  it("reads one label and WordNet id per output from the model's pack", () => {
    expect(labels).toHaveLength(1000);
    expect(labels[TABBY]).toEqual({ label: 'tabby', wnid: 'n02123045' });
    expect(labels[CRANE_BIRD]).toEqual({ label: 'crane', wnid: 'n02012849' });
    expect(labels[CRANE_MACHINE]).toEqual({ label: 'crane', wnid: 'n03126707' });
  });

  it.each([
    [947, 947],
    [0, 0],
    ['947', 947],
    ['tabby', TABBY],
    ['Tabby', TABBY],
    ['TABBY', TABBY],
    ['  tabby ', TABBY],
    ['crane (n02012849)', CRANE_BIRD],
    ['crane (n03126707)', CRANE_MACHINE],
    ['Crane(N03126707)', CRANE_MACHINE],
    ['n02012849', CRANE_BIRD],
    ['n03126707', CRANE_MACHINE],
    ['n02123045', TABBY],
  ] as const)('%j is class %i', (value, index) => {
    expect(resolveClass(value, labels, MODEL)).toEqual({ index });
  });

  it('refuses a name two classes share, writing both so that each resolves', () => {
    expect(problemOf('crane')).toBe(
      'class "crane" names 2 classes of tiny-darknet; write "crane (n02012849)" (index 428) or "crane (n03126707)" (index 544)',
    );
    // Labels that differ only in case are shared too (the dog and the sweater).
    expect(problemOf('cardigan')).toMatch(
      /^class "cardigan" names 2 classes of tiny-darknet; write "Cardigan \(n\d{8}\)"/,
    );
  });

  it('suggests the closest name for a typo, with the nearest valid names and the index range', () => {
    expect(problemOf('tabbby')).toMatch(
      /^unknown class "tabbby" for model tiny-darknet \(did you mean "tabby"\?\); valid classes: 0-999 or one of its 1000 names \(nearest: "tabby", /,
    );
    expect(problemOf('crane (n02012848)')).toMatch(
      /unknown class "crane \(n02012848\)" .*\(did you mean "crane \(n02012849\)"\?\)/,
    );
    // A part of some names gets those names rather than a guessed typo ("cab").
    expect(problemOf('cat')).toBe(
      'unknown class "cat" for model tiny-darknet; valid classes: 0-999 or one of its 1000 names (nearest: "polecat", "tiger cat", "catamaran", "Persian cat", "Siamese cat")',
    );
    expect(problemOf('tabby (n02012849)')).toBe(
      'class "tabby (n02012849)": n02012849 is "crane (n02012849)" in tiny-darknet',
    );
  });

  it('gives the valid range for an index past the end', () => {
    expect(problemOf(1000)).toBe('class 1000 does not exist in tiny-darknet; valid classes: 0-999');
    expect(problemOf('1000')).toBe('class 1000 does not exist in tiny-darknet; valid classes: 0-999');
  });

  it('names every class so that the name resolves back to it', () => {
    expect(classDisplayName(TABBY, labels)).toBe('tabby');
    expect(classDisplayName(CRANE_BIRD, labels)).toBe('crane (n02012849)');
    expect(classDisplayName(CRANE_MACHINE, labels)).toBe('crane (n03126707)');
    for (const index of labels.keys()) {
      expect(resolveClass(classDisplayName(index, labels), labels, MODEL)).toEqual({ index });
    }
  });

  it('handles models without WordNet ids, without names, and with few classes', () => {
    const few: ClassLabel[] = [{ label: 'cat' }, { label: 'dog' }, { label: 'cat' }];
    expect(problemOf('cat', few)).toBe('class "cat" names 2 classes of tiny-darknet; give its output index: 0 or 2');
    expect(classDisplayName(2, few)).toBe('cat (class 2)');
    expect(problemOf('dgo', few)).toBe(
      'unknown class "dgo" for model tiny-darknet (did you mean "dog"?); valid classes: 0-2 or "cat (class 0)", "dog", "cat (class 2)"',
    );
    const unnamed: ClassLabel[] = [{ label: '' }, { label: '' }];
    expect(problemOf('cat', unnamed)).toBe(
      'model tiny-darknet names no classes; give the class as its output index, 0-1',
    );
    expect(classDisplayName(1, unnamed)).toBe('class 1');
  });

  it('ranks the nearest names: those containing the input first, then by edits', () => {
    expect(nearest('cat', ['tabby', 'tiger cat', 'car', 'Persian cat'], 3)).toEqual([
      'tiger cat',
      'Persian cat',
      'car',
    ]);
  });

  it('takes an index or a name as the prop, and refuses anything else', () => {
    expect(classProp.safeParse(3).success).toBe(true);
    expect(classProp.safeParse('tabby').success).toBe(true);
    expect(classProp.safeParse(-1).success).toBe(false);
    expect(classProp.safeParse(1.5).success).toBe(false);
    expect(classProp.safeParse('  ').success).toBe(false);
    expect(classProp.description).toMatch(/output index or its name/);
  });

  it('resolves a prop in one line from the recipe context', () => {
    const context = recipeContext('chelsea.png', PROFILES.cpu);
    expect(resolveClassProp('tabby', context, MODEL)).toBe(TABBY);
    expect(() => resolveClassProp('crane', context, MODEL)).toThrow(/names 2 classes/);
  });
});

describe('<ClassDream> classes by name', () => {
  it('resolves names to output indexes in the recipe', () => {
    const result = resolveComponent('ClassDream', { classes: ['tabby', 947] }, 'chelsea.png', PROFILES.cpu);
    expect(result).toMatchObject({ status: 'ok', recipe: { kind: 'class-dream', classes: [TABBY, 947] } });
    // No label is shared: the engine's labels name the tiles, and the recipe is what indexes alone make.
    expect(result.status === 'ok' && 'labels' in result.recipe).toBe(false);
    const byIndex = resolveComponent('ClassDream', { classes: [TABBY, 947] }, 'chelsea.png', PROFILES.cpu);
    expect(byIndex).toEqual(result);
  });

  it('labels tiles of a shared name with their WordNet ids', () => {
    const result = resolveComponent(
      'ClassDream',
      { classes: ['crane (n02012849)', 'n03126707', 'tabby'] },
      'chelsea.png',
      PROFILES.cpu,
    );
    expect(result).toMatchObject({
      status: 'ok',
      recipe: {
        classes: [CRANE_BIRD, CRANE_MACHINE, TABBY],
        labels: ['crane (n02012849)', 'crane (n03126707)', 'tabby'],
      },
    });
  });

  it('reports every class that does not resolve, as the author wrote it', () => {
    const result = resolveComponent('ClassDream', { classes: ['crane', 'tabbby', 1000] }, 'chelsea.png', PROFILES.cpu);
    expect(result.status).toBe('invalid');
    expect(result.status === 'invalid' && result.problems).toEqual([
      expect.stringMatching(/^class "crane" names 2 classes of tiny-darknet; write "crane \(n02012849\)"/),
      expect.stringMatching(/^unknown class "tabbby" for model tiny-darknet \(did you mean "tabby"\?\)/),
      'class 1000 does not exist in tiny-darknet; valid classes: 0-999',
    ]);
  });
});
