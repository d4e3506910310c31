/**
 * Wakes the style figures' controls (no engine here: it loads on the first Run): the Gatys panel's form,
 * the fast-style picker, and the d3 Gram charts, drawn one at a time as they scroll into view.
 */
const backend = () => new URLSearchParams(location.search).get('backend');

export function initStyleControls(): void {
  for (const form of document.querySelectorAll<HTMLFormElement>('.ll-gatys-form')) {
    form.hidden = false;
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const { runPanel } = await import('./gatys-panel.ts');
      await runPanel(form.closest<HTMLElement>('.ll-figure')!, form, backend());
    });
  }
  for (const picker of document.querySelectorAll<HTMLElement>('.ll-fast-picker')) {
    picker.hidden = false;
    const button = picker.querySelector<HTMLButtonElement>('.ll-fast-run')!;
    button.addEventListener('click', async () => {
      button.disabled = true;
      const { stylizeLarge } = await import('./fast-picker.ts');
      await stylizeLarge(picker.closest<HTMLElement>('.ll-figure')!, backend());
      button.disabled = false;
    });
  }
  initGramCharts();
}

function initGramCharts(): void {
  const figures = [...document.querySelectorAll<HTMLElement>('.ll-figure[data-figure="gram"]')];
  if (!figures.length) return;
  const draw = async (figure: HTMLElement) => (await import('./gram-chart.ts')).drawGramChart(figure);
  const observer = new IntersectionObserver((entries) => {
    for (const entry of entries.filter((e) => e.isIntersecting)) {
      observer.unobserve(entry.target);
      void draw(entry.target as HTMLElement);
    }
  });
  for (const figure of figures) {
    observer.observe(figure);
    // A reader's photo (or the way back) changes the matrices: redraw a chart already drawn.
    figure.addEventListener('ll-figure-updated', () => figure.classList.contains('ll-gram-drawn') && void draw(figure));
  }
}
