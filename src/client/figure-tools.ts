/**
 * Each figure's tools (FigureTools.astro): "Copy link" copies its permalink; "Download PNG" is a plain link
 * to the precomputed file, pointed at the live image while a reader's photo is in the figure; "Download
 * SVG" appears on figures that draw a chart and serializes it when pressed (figure-svg.ts, loaded then).
 */
import { figureImage } from './figure-view.ts';

export function initFigureTools(): void {
  for (const tools of document.querySelectorAll<HTMLElement>('.ll-figure .ll-figure-tools')) {
    const figure = tools.closest<HTMLElement>('.ll-figure')!;
    wireCopy(tools, figure);
    wirePng(tools, figure);
    wireSvg(tools, figure);
  }
}

/** Says what a tool did, for sighted readers and (role=status) screen readers alike. */
function say(tools: HTMLElement, text: string): void {
  tools.querySelector('.ll-figure-said')!.textContent = text;
}

function wireCopy(tools: HTMLElement, figure: HTMLElement): void {
  const button = tools.querySelector<HTMLButtonElement>('.ll-figure-copy');
  if (!button) return;
  button.addEventListener('click', async () => {
    const url = new URL(`#${figure.id}`, location.href).href;
    try {
      await navigator.clipboard.writeText(url);
      say(tools, 'Link copied.');
    } catch {
      // No clipboard (refused, or an insecure origin): the address bar then holds the link to copy.
      history.replaceState(null, '', `#${figure.id}`);
      say(tools, 'The address bar now links to this figure.');
    }
  });
}

/**
 * The live image is a blob: URL the engine's PNG was put in (figure-view.ts showPng); it is read at the
 * moment of the click, so the link always gives what the figure shows, and the precomputed file again
 * after the reader resets the photo.
 */
function wirePng(tools: HTMLElement, figure: HTMLElement): void {
  const link = tools.querySelector<HTMLAnchorElement>('.ll-figure-png');
  if (!link) return;
  const precomputed = link.href;
  link.addEventListener('click', () => {
    const shown = figureImage(figure)?.src ?? '';
    link.href = shown.startsWith('blob:') ? shown : precomputed;
  });
}

/** Charts are the figures that draw an <svg> of their own (not an icon inside a caption or a control). */
export function chartSvgs(figure: HTMLElement): SVGSVGElement[] {
  const caption = figure.querySelector(':scope > figcaption');
  return [...figure.querySelectorAll<SVGSVGElement>('svg')].filter(
    (svg) => !caption?.contains(svg) && !svg.parentElement!.closest('svg, button') && svg.clientWidth >= 48,
  );
}

/** Whether a DOM change added an <svg> (d3 draws some charts when their figure wakes). */
const addsSvg = (records: MutationRecord[]): boolean =>
  records.some((r) =>
    [...r.addedNodes].some((n) => n instanceof Element && (n.localName === 'svg' || !!n.querySelector('svg'))),
  );

function wireSvg(tools: HTMLElement, figure: HTMLElement): void {
  const button = tools.querySelector<HTMLButtonElement>('.ll-figure-svg')!;
  // Some charts are drawn when their figure wakes, so the button is offered once one is there.
  const offer = (): boolean => !(button.hidden = chartSvgs(figure).length === 0);
  if (!offer()) {
    const watch = new MutationObserver((records) => addsSvg(records) && offer() && watch.disconnect());
    watch.observe(figure, { childList: true, subtree: true });
  }
  button.addEventListener('click', async () => {
    const { figureSvg } = await import('./figure-svg.ts');
    const file = new File([figureSvg(chartSvgs(figure))], `${tools.dataset.file}.svg`, { type: 'image/svg+xml' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(file);
    link.download = file.name;
    link.click();
    // Let the URL go once the download surely has its own copy.
    setTimeout(() => URL.revokeObjectURL(link.href), 30_000);
  });
}
