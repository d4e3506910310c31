/**
 * The filter slide in the reader's browser: Step moves the filter one position (the first step starts
 * over at the patch's top-left with an empty map), Play steps on its own until the map is full, Pause
 * stops. A reader's photo brings new data; the way back puts the precomputed data back.
 */
import type { LiveKind } from '../../contract/live.ts';
import { slideMarkup, workedPosition, type SlideState } from './markup.ts';
import type { FilterSlideData } from './recipe.ts';

const STEP_MS = 350;

interface Slide {
  data: FilterSlideData;
  state: SlideState;
  timer?: ReturnType<typeof setInterval>;
}

const slides = new WeakMap<HTMLElement, Slide>();

/** The precomputed data the server wrote into the figure. */
function ownData(figure: HTMLElement): FilterSlideData {
  return JSON.parse(figure.querySelector('.ll-fs-data')!.textContent!) as FilterSlideData;
}

/** Shown as the server shows it: the strongest position worked, the map full. */
function fullState(data: FilterSlideData): SlideState {
  return { position: workedPosition(data), filled: data.outputs.length };
}

function render(figure: HTMLElement, slide: Slide): void {
  figure.querySelector('.ll-fs-body')!.innerHTML = slideMarkup(slide.data, slide.state);
}

/** One position on; past a full map, start over with an empty one. */
function step(figure: HTMLElement, slide: Slide): void {
  const total = slide.data.outputs.length;
  const { filled } = slide.state;
  const position = filled >= total ? 0 : filled;
  slide.state = { position, filled: position + 1 };
  render(figure, slide);
  if (slide.state.filled >= total) pause(figure, slide);
}

function pause(figure: HTMLElement, slide: Slide): void {
  clearInterval(slide.timer);
  slide.timer = undefined;
  const play = figure.querySelector<HTMLButtonElement>('.ll-fs-play')!;
  play.textContent = 'Play';
  play.setAttribute('aria-pressed', 'false');
}

function play(figure: HTMLElement, slide: Slide): void {
  if (slide.state.filled >= slide.data.outputs.length) slide.state = { position: 0, filled: 0 };
  slide.timer = setInterval(() => step(figure, slide), STEP_MS);
  const button = figure.querySelector<HTMLButtonElement>('.ll-fs-play')!;
  button.textContent = 'Pause';
  button.setAttribute('aria-pressed', 'true');
}

function replace(figure: HTMLElement, data: FilterSlideData): void {
  const slide = slides.get(figure);
  if (!slide) return;
  pause(figure, slide);
  slide.data = data;
  slide.state = fullState(data);
  render(figure, slide);
}

export const live: LiveKind<FilterSlideData> = {
  wake(figure) {
    const data = ownData(figure);
    const slide: Slide = { data, state: fullState(data) };
    slides.set(figure, slide);
    figure.querySelector<HTMLElement>('.ll-fs-controls')!.hidden = false;
    figure.querySelector('.ll-fs-step')!.addEventListener('click', () => {
      pause(figure, slide);
      step(figure, slide);
    });
    figure
      .querySelector('.ll-fs-play')!
      .addEventListener('click', () => (slide.timer ? pause(figure, slide) : play(figure, slide)));
  },
  show: (figure, data) => replace(figure, data),
  restore: (figure) => replace(figure, ownData(figure)),
};
