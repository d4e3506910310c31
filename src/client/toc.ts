/**
 * The table of contents follows the reading position: the link of the section being read gets
 * aria-current="location". That section is the last whose heading has passed the reading line, a third of
 * the way down the window (the first, before any has); at the end of the page, the last. On a wide screen
 * (the margin list, toc.css's breakpoint) the disclosure is opened, since the list is always shown there.
 */
const WIDE = '(min-width: 73rem)';
/** The reading line, as a share of the window's height from its top. */
const LINE = 1 / 3;

export function initToc(): void {
  const toc = document.querySelector<HTMLElement>('.ll-toc');
  if (!toc) return;
  const links = [...toc.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')];
  const targets = links.map((a) => document.getElementById(decodeURIComponent(a.hash.slice(1))));
  const wide = window.matchMedia(WIDE);
  const details = toc.querySelector('details');
  const openWhenWide = (): void => {
    if (wide.matches && details) details.open = true;
  };
  wide.addEventListener('change', openWhenWide);
  openWhenWide();

  const mark = (): void => {
    const current = currentSection(targets);
    links.forEach((link, i) => {
      if (i === current) link.setAttribute('aria-current', 'location');
      else link.removeAttribute('aria-current');
    });
  };
  // Headings crossing the reading line (or the window's edges) are the only moments the answer can change.
  const observer = new IntersectionObserver(mark, { rootMargin: `0px 0px -${Math.round(100 - LINE * 100)}% 0px` });
  for (const target of targets) if (target) observer.observe(target);
  // The end of the page, where the last headings may never reach the line.
  window.addEventListener('scroll', () => atEnd() && mark(), { passive: true });
  mark();
}

/** The index of the section being read. */
function currentSection(targets: (HTMLElement | null)[]): number {
  if (atEnd()) return targets.length - 1;
  const line = window.innerHeight * LINE;
  let current = 0;
  targets.forEach((target, i) => {
    if (target && target.getBoundingClientRect().top <= line) current = i;
  });
  return current;
}

function atEnd(): boolean {
  return window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2;
}
