/**
 * The arithmetic figure in the reader's browser. Its number inputs recompute the layer with the build's
 * own modules (arithmetic.ts, view.ts, drawing.ts); the page then rewrites the typeset numbers (the
 * MathML slots the build marked: text only, no math engine), the sentences, the parts shown and the
 * drawing. Step and Play move the window one position at a time, row by row.
 */
import { setSlots } from '../../../math/slots.ts';
import type { LiveKind } from '../../contract/live.ts';
import { layerArithmetic, positionCount, refusal, type LayerField, type LayerSpec } from './arithmetic.ts';
import { drawLayer } from './drawing.ts';
import type { LayerArithmeticData } from './recipe.ts';
import { arithmeticView, isHidden, type Flag } from './view.ts';

/** The attribute that marks the figure's plain-text slots (sentences, the legend, the readout). */
const TEXT_SLOT = 'data-slot';
/** A whole sweep takes about this long at most (small layers step slower, so each step can be followed). */
const SWEEP_MS = 12_000;

interface State {
  root: HTMLElement;
  spec: LayerSpec;
  index: number;
  timer?: ReturnType<typeof setInterval>;
}

export const live: LiveKind<LayerArithmeticData> = { wake };

function wake(figure: HTMLElement): void {
  const root = figure.querySelector<HTMLElement>('.ll-arith');
  if (!root || root.dataset.awake !== undefined) return;
  root.dataset.awake = '';
  const state: State = { root, spec: JSON.parse(root.dataset.spec!) as LayerSpec, index: 0 };
  const controls = root.querySelector<HTMLFieldSetElement>('.ll-arith-controls')!;
  controls.hidden = false;
  controls.addEventListener('input', (event) => change(state, event.target as HTMLInputElement));
  const player = root.querySelector<HTMLElement>('.ll-arith-player');
  if (!player) return;
  player.hidden = false;
  player.querySelector('.ll-arith-step')!.addEventListener('click', () => {
    pause(state);
    step(state);
  });
  player.querySelector('.ll-arith-play')!.addEventListener('click', () => (state.timer ? pause(state) : play(state)));
}

/** A value typed or stepped: refused with the reason (the figure keeps the last valid layer), or drawn. */
function change(state: State, input: HTMLInputElement): void {
  const field = input.dataset.field as LayerField | undefined;
  if (!field) return;
  const problem = refusal(field, input.valueAsNumber);
  const message = state.root.querySelector<HTMLElement>('.ll-arith-refusal')!;
  input.setAttribute('aria-invalid', String(problem !== null));
  const label = input.labels?.[0]?.querySelector('span')?.textContent ?? field;
  message.textContent = problem ? `${label}: ${problem}. The figure shows the last valid layer.` : '';
  if (problem) return;
  state.spec = { ...state.spec, [field]: input.valueAsNumber };
  state.index = 0;
  render(state);
}

function render(state: State): void {
  const { root, spec } = state;
  const layer = layerArithmetic(spec);
  const view = arithmeticView(spec, layer);
  const drawing = drawLayer(spec, layer, state.index);
  setSlots(root, view.values);
  setSlots(root, { ...view.values, legend: drawing.legend, readout: drawing.readout }, TEXT_SLOT);
  for (const part of root.querySelectorAll<HTMLElement>('[data-when], [data-unless]')) {
    const { when, unless } = part.dataset;
    part.hidden = isHidden(view.flags, when as Flag | undefined, unless as Flag | undefined);
  }
  root.querySelector('.ll-arith-drawing')!.innerHTML = drawing.svg;
  // Nothing to step through when no window fits.
  for (const button of root.querySelectorAll<HTMLButtonElement>('.ll-arith-player button'))
    button.disabled = positionCount(layer) < 2;
}

/** One position on; false at the last (the next step starts again from the first). */
function step(state: State): boolean {
  const total = positionCount(layerArithmetic(state.spec));
  const next = total ? (state.index + 1) % total : 0;
  state.index = next;
  render(state);
  return next + 1 < total;
}

function play(state: State): void {
  const total = positionCount(layerArithmetic(state.spec));
  if (total < 2) return;
  if (state.index === total - 1) state.index = -1;
  setPlaying(state, true);
  state.timer = setInterval(
    () => {
      if (!step(state)) pause(state);
    },
    Math.min(600, Math.max(40, SWEEP_MS / total)),
  );
}

function pause(state: State): void {
  clearInterval(state.timer);
  state.timer = undefined;
  setPlaying(state, false);
}

/** The button says what it will do; the readout is announced only while the reader steps by hand. */
function setPlaying(state: State, playing: boolean): void {
  state.root.querySelector('.ll-arith-play')!.textContent = playing ? 'Pause' : 'Play';
  state.root.querySelector('.ll-arith-readout')?.setAttribute('aria-live', playing ? 'off' : 'polite');
}
