/** "Did you mean": typos get the closest valid name; names too far from every choice get none. */
import { describe, expect, it } from 'vitest';
import { didYouMean } from './suggest.ts';

describe('did you mean', () => {
  it.each([
    ['dog.jpeg', ['chelsea.png', 'dog.jpg', 'eagle.jpg'], 'dog.jpg'],
    ['colums', ['model', 'layer', 'columns'], 'columns'],
    ['conv2d_99', ['conv2d_1', 'conv2d_9', 'conv2d_10'], 'conv2d_9'],
    ['Tiny-Darknet', ['tiny-darknet', 'tiny-vgg'], 'tiny-darknet'],
    ['clounms', ['columns', 'channels'], 'columns'],
  ])('%s -> %s', (input, choices, expected) => {
    expect(didYouMean(input, choices)).toBe(expected);
  });

  it('offers nothing for a name far from every choice, or for an exact one', () => {
    expect(didYouMean('resnet50', ['tiny-darknet', 'tiny-vgg', 'vgg19'])).toBeNull();
    expect(didYouMean('layer', ['layer', 'model'])).toBeNull();
  });
});
