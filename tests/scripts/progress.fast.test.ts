/** Durations as the progress bar and the phase table print them. */
import { describe, expect, it } from 'vitest';
import { formatSeconds } from '../../scripts/lib/progress.ts';

describe('formatSeconds', () => {
  it.each([
    [4.26, '4.3s'],
    [42.4, '42s'],
    [59.7, '1m00s'],
    [179.6, '3m00s'],
    [402.4, '6m42s'],
  ])('%d s reads %s', (seconds, text) => {
    expect(formatSeconds(seconds)).toBe(text);
  });
});
