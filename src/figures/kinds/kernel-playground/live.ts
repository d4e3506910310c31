/**
 * The kernel playground in the reader's browser: the preset select and the nine weights recompute the
 * figure in the page's engine (the same compute as the build: the engine's tfjs conv2d), on the reader's
 * photo once given. The engine starts as the reader first reaches for the controls, so most of its start-up
 * is over by the first change; edits made while one runs are gathered into the next run. The figure's recipe
 * (data-recipe) carries the reader's kernel, so a new photo is computed with it too.
 */
import { liveEngine } from '../../../client/live-engine.ts';
import { runLive } from '../../../client/live-run.ts';
import type { LiveKind } from '../../contract/live.ts';
import { CUSTOM, drawingLine, handAlt, kernelLine, learnedMarkup } from './markup.ts';
import { KERNEL_PRESETS, presetOf, weightText, type KernelName } from './presets.ts';
import type { KernelPlaygroundData, KernelPlaygroundRecipe } from './recipe.ts';

interface Playground {
  /** The precomputed figure's recipe and text (what "back to the article's photo" shows). */
  original: KernelPlaygroundRecipe;
  text: { drawing: string; learned: string; alt: string };
  running: boolean;
  /** The kernel changed while a run was on: run once more when it ends. */
  again: boolean;
}

const playgrounds = new WeakMap<HTMLElement, Playground>();

const parts = (figure: HTMLElement) => ({
  select: figure.querySelector<HTMLSelectElement>('.ll-kp-preset select')!,
  inputs: [...figure.querySelectorAll<HTMLInputElement>('.ll-kp-grid input')],
  does: figure.querySelector<HTMLElement>('.ll-kp-does')!,
  drawing: figure.querySelector<HTMLElement>('.ll-kp-drawing')!,
  learned: figure.querySelector<HTMLElement>('.ll-kp-learned')!,
  output: figure.querySelector<HTMLImageElement>('img.ll-figure-image')!,
});

function recipeOf(figure: HTMLElement): KernelPlaygroundRecipe {
  return JSON.parse(figure.dataset.recipe!) as KernelPlaygroundRecipe;
}

/** The pictures' size as the figure writes it ("224×224"). */
function sizeOf(figure: HTMLElement): string {
  return figure.querySelector<HTMLElement>('.ll-kp')!.dataset.size!;
}

/** The reader's kernel becomes the figure's recipe; the figure recomputes. */
function apply(figure: HTMLElement, kernel: number[]): void {
  const recipe = { ...recipeOf(figure), kernel };
  figure.dataset.recipe = JSON.stringify(recipe);
  const { does, output } = parts(figure);
  does.textContent = kernelLine(kernel, recipe.kernels);
  output.alt = handAlt(kernel, recipe.kernels, sizeOf(figure));
  void run(figure);
}

async function run(figure: HTMLElement): Promise<void> {
  const playground = playgrounds.get(figure)!;
  if (playground.running) {
    playground.again = true;
    return;
  }
  playground.running = true;
  try {
    do {
      playground.again = false;
      await runLive(figure, recipeOf(figure), {
        doneText: (outcome) => `Recomputed with this kernel on ${outcome.backend} in ${Math.round(outcome.ms)} ms.`,
      });
    } while (playground.again);
  } finally {
    playground.running = false;
  }
}

function onPreset(figure: HTMLElement): void {
  const { select, inputs } = parts(figure);
  if (select.value === CUSTOM) return; // "Your own": the weights as they stand
  const weights = KERNEL_PRESETS[select.value as KernelName].weights;
  inputs.forEach((input, i) => {
    input.value = weightText(weights[i]!);
    input.removeAttribute('aria-invalid');
  });
  apply(figure, [...weights]);
}

function onWeight(figure: HTMLElement): void {
  const { select, inputs } = parts(figure);
  const weights = inputs.map((input) => input.valueAsNumber);
  inputs.forEach((input, i) => input.toggleAttribute('aria-invalid', !Number.isFinite(weights[i])));
  // Half-typed ("-", "") waits for the number.
  if (!weights.every(Number.isFinite)) return;
  const preset = presetOf(weights, recipeOf(figure).kernels);
  select.value = preset ?? CUSTOM;
  // Typed back to a preset (0.1111 for 1/9): the preset's own weights, so its output is the preset's.
  apply(figure, preset ? [...KERNEL_PRESETS[preset].weights] : weights);
}

/** The other two panels show the same (new) image as the output panel, each its own third. */
function syncPanels(figure: HTMLElement): void {
  const { output } = parts(figure);
  for (const image of figure.querySelectorAll<HTMLImageElement>('img.ll-kp-image:not(.ll-figure-image)')) {
    image.dataset.original ??= image.getAttribute('src') ?? '';
    image.src = output.src;
  }
}

export const live: LiveKind<KernelPlaygroundData> = {
  wake(figure) {
    const { select, inputs, drawing, learned, output } = parts(figure);
    const text = { drawing: drawing.innerHTML, learned: learned.innerHTML, alt: output.alt };
    playgrounds.set(figure, { original: recipeOf(figure), text, running: false, again: false });
    const controls = figure.querySelector<HTMLFieldSetElement>('.ll-kp-controls')!;
    controls.disabled = false;
    // The engine (tfjs, the model's first layer) starts as the reader reaches for a control.
    const warm = () => void liveEngine().catch(() => undefined);
    controls.addEventListener('focusin', warm, { once: true });
    controls.addEventListener('pointerdown', warm, { once: true });
    select.addEventListener('change', () => onPreset(figure));
    for (const input of inputs) input.addEventListener('input', () => onWeight(figure));
  },
  show(figure, data) {
    syncPanels(figure);
    const { drawing, learned, output } = parts(figure);
    output.alt = handAlt(data.kernel, recipeOf(figure).kernels, sizeOf(figure));
    drawing.textContent = drawingLine(data);
    learned.innerHTML = learnedMarkup(data);
  },
  restore(figure) {
    const playground = playgrounds.get(figure);
    if (!playground) return;
    const { drawing, learned, output } = parts(figure);
    drawing.innerHTML = playground.text.drawing;
    learned.innerHTML = playground.text.learned;
    output.alt = playground.text.alt;
    // The precomputed image is the author's kernel: the reader's own is recomputed on the article's photo.
    const kernel = recipeOf(figure).kernel;
    if (kernel.some((w, i) => w !== playground.original.kernel[i])) void run(figure);
  },
};
