/** TeX to MathML at build time, and slots: one marked element each, whatever the value, rewritable by text. */
import { describe, expect, it } from 'vitest';
import { numberSlot, relationSlot, texToMathml } from './mathml.ts';

describe('texToMathml', () => {
  it('typesets TeX as MathML, inline or as a block', () => {
    expect(texToMathml(String.raw`\frac{a}{b}`)).toMatch(/^<math><mfrac><mi>a<\/mi><mi>b<\/mi><\/mfrac><\/math>$/);
    expect(texToMathml('x', { display: true })).toMatch(/^<math display="block"/);
  });

  it('fills each slot with its value as one element, negative or separated numbers included', () => {
    const tex = String.raw`\frac{${numberSlot('a')} - 3}{2} ${relationSlot('r')} ${numberSlot('b')}`;
    const markup = texToMathml(tex, { values: { a: '−7', r: '≈', b: '30,730' } });
    expect(markup).toContain('<mn data-math-slot="a">−7</mn>');
    expect(markup).toContain('data-math-slot="r">≈</mo>');
    expect(markup).toContain('<mn data-math-slot="b">30,730</mn>');
    // The markup around the slots does not depend on their values.
    const other = texToMathml(tex, { values: { a: '5', r: '=', b: '1' } });
    const shape = (m: string) => m.replace(/(data-math-slot="\w+"[^>]*>)[^<]*</g, '$1<');
    expect(shape(other)).toBe(shape(markup));
  });

  it('refuses a slot without a value, a bad key, and a TeX error', () => {
    expect(() => texToMathml(numberSlot('a'))).toThrow(/slot "a" has no value/);
    expect(() => numberSlot('A,b=c')).toThrow(/lower-case letters/);
    expect(() => texToMathml(String.raw`\frac{1}`)).toThrow();
  });

  it('trusts \\data only (no \\class, \\style or \\href from TeX)', () => {
    expect(() => texToMathml(String.raw`\style{color:red}{x}`)).toThrow(/not trusted/);
  });
});
