import { describe, expect, it } from 'vitest';
import { proseWords, readingMinutes, WORDS_PER_MINUTE } from '../../src/site/reading-time.ts';

describe('reading time', () => {
  it('counts the prose and leaves out the frontmatter, figures with their captions, and math', () => {
    const mdx = [
      '---',
      'title: Ten words of frontmatter that must not be counted here',
      '---',
      '',
      '## Two words',
      '',
      'One two three, `four` five — $x^2 + y$ six.',
      '',
      '<FeatureMapGrid layer="conv2d_1">A caption of seven words, not counted.</FeatureMapGrid>',
      '',
      '$$',
      'a + b = c',
      '$$',
      '',
      '<Aside title="t">Asides are prose: five words.</Aside>',
    ].join('\n');
    expect(proseWords(mdx)).toBe(2 + 6 + 5);
  });

  it('rounds up to whole minutes, at least one', () => {
    expect(readingMinutes('Hello.')).toBe(1);
    const words = (n: number) => Array.from({ length: n }, () => 'word').join(' ');
    expect(readingMinutes(words(WORDS_PER_MINUTE))).toBe(1);
    expect(readingMinutes(words(WORDS_PER_MINUTE + 1))).toBe(2);
    expect(readingMinutes(words(WORDS_PER_MINUTE * 12))).toBe(12);
  });
});
