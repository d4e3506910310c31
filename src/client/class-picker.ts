/**
 * The class picker: the figures that explain the photo's top class can explain another one instead. The
 * reader picks from the photo's top 5 (computed on first use) or types any class's name (the model's 1,000
 * labels, repeated names told apart by their WordNet ids). Figures whose class the author fixed stay.
 * Shown only on pages with such figures; the engine loads on first use, never before.
 */
import type { Recipe } from '../figures/registry/types.ts';

interface ClassName {
  index: number;
  name: string;
}

/** Figures whose recipe follows the top class, for `model`. */
function retargetable(model: string): (figure: HTMLElement) => boolean {
  return (figure) => {
    const recipe = JSON.parse(figure.dataset.recipe ?? '{}') as { model?: string; target?: { kind: string } };
    return recipe.target?.kind === 'top-class' && recipe.model === model;
  };
}

export function initClassPicker(): void {
  const first = [...document.querySelectorAll<HTMLElement>('.ll-figure[data-recipe]')].find((f) =>
    /"target":\{"kind":"top-class"\}/.test(f.dataset.recipe ?? ''),
  );
  if (!first) return;
  const base = {
    ...(JSON.parse(first.dataset.recipe!) as { model: string; image: string; resize: string }),
    follows: first.dataset.follows !== undefined,
  };
  const model = base.model;
  const picker = buildPicker();
  first.before(picker);
  const input = picker.querySelector<HTMLInputElement>('input')!;
  const status = picker.querySelector<HTMLElement>('.ll-class-status')!;
  const say = (text: string, state = 'info'): void => {
    status.textContent = text;
    status.dataset.state = state;
  };
  let names: Promise<ClassName[]> | null = null;
  const loadNames = () => (names ??= classNames(model, picker));

  input.addEventListener('focus', () => void loadNames(), { once: true });
  picker
    .querySelector('.ll-class-top5-load')!
    .addEventListener('click', () => void showTop5(base, loadNames(), picker, choose));
  picker.addEventListener('submit', (event) => {
    event.preventDefault();
    void (async () => {
      const typed = input.value.trim().toLowerCase();
      const all = await loadNames();
      const found = all.find((c) => c.name.toLowerCase() === typed || String(c.index) === typed);
      if (found) return choose(found);
      // Names containing what was typed, else names sharing its first three letters (a typo further on).
      const containing = all.filter((c) => c.name.toLowerCase().includes(typed));
      const near = (
        containing.length ? containing : all.filter((c) => c.name.toLowerCase().startsWith(typed.slice(0, 3)))
      ).slice(0, 5);
      say(
        `No class is named "${input.value}".${near.length ? ` Did you mean ${near.map((c) => `"${c.name}"`).join(', ')}?` : ''}`,
        'error',
      );
    })();
  });
  picker.querySelector('.ll-class-top')!.addEventListener('click', () => void choose(null));
  document.addEventListener('ll-reader-class', () => {
    input.value = '';
    say('Explaining the top class of the photo.', 'info');
  });

  async function choose(chosen: ClassName | null): Promise<void> {
    const [{ setReaderClass, readerPhoto }, { recomputeArticle, restoreArticle }] = await Promise.all([
      import('./figure-state.ts'),
      import('./recompute.ts'),
    ]);
    input.value = chosen?.name ?? '';
    setReaderClass(chosen && { index: chosen.index, label: chosen.name, model });
    const only = retargetable(model);
    if (!chosen && !readerPhoto()) {
      await restoreArticle(only);
      say('Explaining the top class of the photo.', 'done');
      return;
    }
    const what = chosen ? `"${chosen.name}"` : 'the top class';
    say(`Explaining ${what}...`, 'busy');
    const outcome = await recomputeArticle(
      (done, total) => say(`Explaining ${what}: ${done} of ${total} figures done.`, 'busy'),
      only,
    );
    if (outcome)
      say(`${outcome.figures} figures explain ${what}, computed on this device with ${outcome.backend}.`, 'done');
  }
}

function buildPicker(): HTMLFormElement {
  const form = document.createElement('form');
  form.className = 'll-class-picker';
  form.setAttribute('aria-label', 'Class the maps explain');
  form.innerHTML = `<label>Explain the class <input name="class" list="ll-class-names" autocomplete="off" placeholder="the photo's top class" /></label>
<datalist id="ll-class-names"></datalist>
<button type="submit">Explain</button>
<button type="button" class="ll-class-top">Top class</button>
<button type="button" class="ll-class-top5-load">Show the photo's top 5</button>
<span class="ll-class-top5"></span>
<p class="ll-class-status" role="status" data-state="info">The maps below explain the photo's top class; pick another to see what argues for it.</p>`;
  return form;
}

/** The model's class names, repeated labels told apart by WordNet id, from the files the site serves. */
async function classNames(model: string, picker: HTMLElement): Promise<ClassName[]> {
  const { dataUrl } = await import('./engine/backend.ts');
  const read = async (file: string) => {
    const response = await fetch(dataUrl(model, file));
    return response.ok
      ? (await response.text())
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean)
      : [];
  };
  const [labels, wnids] = await Promise.all([read('labels.txt'), read('wnids.txt')]);
  const counts = new Map<string, number>();
  for (const label of labels) counts.set(label.toLowerCase(), (counts.get(label.toLowerCase()) ?? 0) + 1);
  const names = labels.map((label, index) => ({
    index,
    name: counts.get(label.toLowerCase())! > 1 && wnids[index] ? `${label} (${wnids[index]})` : label,
  }));
  picker
    .querySelector('datalist')!
    .replaceChildren(...names.map((c) => Object.assign(document.createElement('option'), { value: c.name })));
  return names;
}

/** The current photo's top 5 as buttons (one top-k computation in the page's engine). */
async function showTop5(
  base: { model: string; image: string; resize: string; follows: boolean },
  names: Promise<ClassName[]>,
  picker: HTMLElement,
  choose: (c: ClassName) => Promise<void>,
): Promise<void> {
  const holder = picker.querySelector<HTMLElement>('.ll-class-top5')!;
  holder.textContent = 'Classifying the photo...';
  const { liveEngine, withReaderPhoto } = await import('./live-engine.ts');
  const { client } = await liveEngine();
  const recipe = withReaderPhoto({
    kind: 'top-k',
    model: base.model,
    image: base.image,
    resize: base.resize,
    k: 5,
  } as Recipe);
  const [outcome, all] = await Promise.all([client.compute(recipe, {}), names]);
  const predictions = (outcome.data as { predictions: { index: number; label: string; probability: number }[] })
    .predictions;
  holder.replaceChildren(
    ...predictions.map((p) => {
      const name = all[p.index]?.name ?? p.label;
      const text = `${name} ${(p.probability * 100).toFixed(1)}%`;
      const button = Object.assign(document.createElement('button'), { type: 'button', textContent: text });
      button.addEventListener('click', () => void choose({ index: p.index, name }));
      return button;
    }),
  );
}
