/**
 * Channel sweeps: without JavaScript a CSS animation steps through the strip; with it, this script takes
 * over so the reader sees which channel is shown and can pause (and it starts paused for reduced motion).
 */
import type { LiveKind } from '../../contract/live.ts';
import type { ChannelSweepData } from './recipe.ts';

export const live: LiveKind<ChannelSweepData> = { wake };

function wake(figure: HTMLElement): void {
  for (const sweep of figure.querySelectorAll<HTMLElement>('.ll-sweep')) {
    const strip = sweep.querySelector<HTMLImageElement>('.ll-sweep-strip')!;
    const controls = figure.querySelector<HTMLElement>('.ll-sweep-controls')!;
    const toggle = controls.querySelector<HTMLButtonElement>('.ll-sweep-toggle')!;
    const label = controls.querySelector<HTMLElement>('.ll-sweep-label')!;
    const channels = JSON.parse(sweep.dataset.channels ?? '[]') as number[];
    const fps = Number(getComputedStyle(sweep).getPropertyValue('--fps')) || 3;
    let frame = 0;
    let timer: number | undefined;
    const show = () => {
      strip.style.transform = `translateX(${(-100 * frame) / channels.length}%)`;
      label.textContent = `channel ${channels[frame]} of ${channels.length}`;
    };
    const play = () => {
      timer = window.setInterval(() => {
        frame = (frame + 1) % channels.length;
        show();
      }, 1000 / fps);
      toggle.textContent = 'Pause';
    };
    const pause = () => {
      window.clearInterval(timer);
      timer = undefined;
      toggle.textContent = 'Play';
    };
    sweep.classList.add('scripted');
    controls.hidden = false;
    toggle.addEventListener('click', () => (timer === undefined ? play() : pause()));
    show();
    const still = matchMedia('(prefers-reduced-motion: reduce)');
    if (!still.matches) play();
    else pause();
    // Reduced motion turned on while it plays stops it; Play still plays, since the reader asks for it.
    still.addEventListener('change', () => still.matches && timer !== undefined && pause());
  }
}
