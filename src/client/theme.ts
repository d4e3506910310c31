/**
 * The header's dark-mode toggle. Base.astro's inline head script has already applied a stored choice
 * (<html data-theme>) before the first paint; this module only wires the button. With no stored choice the
 * page follows the OS (prefers-color-scheme), and the button's pressed state follows it too. Choosing the
 * theme the OS already asks for forgets the choice, so a reader gets back to following the OS with one more
 * press, without a third state on the button.
 */
const KEY = 'layerlens-theme';
type Theme = 'light' | 'dark';

const osDark = (): MediaQueryList => window.matchMedia('(prefers-color-scheme: dark)');

/** The theme in force: the reader's choice if any, else the OS's. */
function current(): Theme {
  const chosen = document.documentElement.dataset['theme'];
  if (chosen === 'light' || chosen === 'dark') return chosen;
  return osDark().matches ? 'dark' : 'light';
}

/**
 * Stores the choice, or forgets it when it is the OS's; a browser that refuses storage (private mode, blocked)
 * still switches for this page.
 */
function choose(theme: Theme): void {
  const followsOs = theme === (osDark().matches ? 'dark' : 'light');
  if (followsOs) delete document.documentElement.dataset['theme'];
  else document.documentElement.dataset['theme'] = theme;
  try {
    if (followsOs) localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, theme);
  } catch {
    /* not remembered, but applied */
  }
}

export function initThemeToggle(): void {
  const button = document.querySelector<HTMLButtonElement>('#ll-theme');
  if (!button) return;
  const show = (): void => button.setAttribute('aria-pressed', String(current() === 'dark'));
  button.addEventListener('click', () => {
    choose(current() === 'dark' ? 'light' : 'dark');
    show();
  });
  osDark().addEventListener('change', show);
  show();
}
