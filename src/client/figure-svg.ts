/**
 * A chart figure as a standalone SVG file: its <svg> elements, placed as the page lays them out, each
 * element's computed style written into it (the page's CSS and its theme variables do not travel with
 * the file), on the paper colour. Always in the light theme: a file is read on white far more often
 * than on dark paper, whatever theme the reader had when they downloaded it.
 */
const NS = 'http://www.w3.org/2000/svg';

/** Properties a child inherits: written only where they differ from the parent's. */
const INHERITED = [
  'color',
  'fill',
  'fill-opacity',
  'fill-rule',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'paint-order',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'visibility',
];
/** Properties that are not inherited, with the initial value that need not be written. */
const OWN: Record<string, string> = { opacity: '1', 'mix-blend-mode': 'normal' };

export function figureSvg(svgs: SVGSVGElement[]): string {
  const root = document.documentElement;
  const theme = root.dataset['theme'];
  // Switched and restored within this one task, so the page never paints the light theme.
  root.dataset['theme'] = 'light';
  try {
    return new XMLSerializer().serializeToString(compose(svgs, getComputedStyle(root).backgroundColor));
  } finally {
    if (theme === undefined) delete root.dataset['theme'];
    else root.dataset['theme'] = theme;
  }
}

/** One outer <svg> the size of the charts' union, each chart nested at its place, on the paper. */
function compose(svgs: SVGSVGElement[], paper: string): SVGSVGElement {
  const boxes = svgs.map((svg) => svg.getBoundingClientRect());
  const left = Math.min(...boxes.map((b) => b.left));
  const top = Math.min(...boxes.map((b) => b.top));
  const width = Math.max(...boxes.map((b) => b.right)) - left;
  const height = Math.max(...boxes.map((b) => b.bottom)) - top;
  const outer = element('svg', { width, height, viewBox: `0 0 ${width} ${height}` });
  outer.append(element('rect', { width, height, fill: paper }));
  svgs.forEach((svg, i) => {
    const copy = inlined(svg);
    const box = boxes[i]!;
    for (const [name, value] of Object.entries({
      x: box.left - left,
      y: box.top - top,
      width: box.width,
      height: box.height,
    }))
      copy.setAttribute(name, String(value));
    outer.append(copy);
  });
  return outer;
}

function element(name: string, attributes: Record<string, string | number>): SVGSVGElement {
  const node = document.createElementNS(NS, name) as SVGSVGElement;
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  return node;
}

/** A deep copy of the chart with each element's computed style as its style attribute. */
function inlined(svg: SVGSVGElement): SVGSVGElement {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...svg.querySelectorAll('*')];
  const copies = [copy, ...copy.querySelectorAll('*')];
  originals.forEach((original, i) => {
    const target = copies[i]!;
    const style = getComputedStyle(original);
    const parent = original === svg ? null : getComputedStyle(original.parentElement!);
    const written = INHERITED.filter((p) => !parent || style.getPropertyValue(p) !== parent.getPropertyValue(p))
      .map((p) => `${p}:${style.getPropertyValue(p)}`)
      .concat(
        Object.entries(OWN).flatMap(([p, initial]) =>
          style.getPropertyValue(p) === initial ? [] : [`${p}:${style.getPropertyValue(p)}`],
        ),
      )
      .concat(style.display === 'none' ? ['display:none'] : []);
    target.removeAttribute('class');
    target.setAttribute('style', written.join(';'));
    // An <image>'s relative address means nothing in a file on its own.
    const href = target.getAttribute('href');
    if (href && target.localName === 'image') target.setAttribute('href', new URL(href, location.href).href);
  });
  copy.removeAttribute('tabindex');
  return copy;
}
