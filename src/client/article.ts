/**
 * The article page's script. It stays small: lightbox, sweeps and the photo control. The engine (tfjs) is
 * imported only when a reader gives a photo.
 */
import { initLightbox } from './lightbox.ts';
import { initSweeps } from './sweep.ts';
import { initStyleControls } from './style-controls.ts';

export function initArticle(): void {
  initLightbox();
  initSweeps();
  initPhotoControl();
  initReruns();
  initStyleControls();
}

/** Optimisation figures offer a live re-run of their recipe; the engine loads on the first click. */
function initReruns(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('.ll-figure[data-rerun] .ll-rerun')) {
    button.hidden = false;
    button.addEventListener('click', async () => {
      button.disabled = true;
      const { rerunFigure } = await import('./rerun.ts');
      await rerunFigure(
        button.closest<HTMLElement>('.ll-figure')!,
        new URLSearchParams(location.search).get('backend'),
      );
      button.disabled = false;
    });
  }
}

function initPhotoControl(): void {
  const control = document.getElementById('ll-photo');
  if (!control || !document.querySelector('.ll-figure[data-recipe]')) return;
  control.hidden = false;
  const input = control.querySelector<HTMLInputElement>('input[type=file]')!;
  const reset = control.querySelector<HTMLButtonElement>('.ll-photo-reset')!;
  const status = control.querySelector<HTMLElement>('.ll-photo-status')!;
  const say = (text: string, state = 'info') => {
    status.textContent = text;
    status.dataset.state = state;
  };

  const usePhoto = async (file: Blob, name: string) => {
    say(`Reading ${name}...`, 'busy');
    const { readPhoto } = await import('./photo-input.ts');
    const photo = await readPhoto(file, name);
    if (!photo.ok) return say(photo.message, 'error');
    setThumbnail(control, file, name);
    reset.hidden = false;
    const notes = photo.notes.length ? ` (${photo.notes.join('; ')})` : '';
    say(`Recomputing every figure for ${name}${notes}...`, 'busy');
    const { recomputeArticle } = await import('./recompute.ts');
    const outcome = await recomputeArticle(photo.pixels, name, (done, total) =>
      say(`Recomputing for ${name}${notes}: ${done} of ${total} figures done.`, 'busy'),
    );
    if (outcome)
      say(
        `All ${outcome.figures} figures show ${name}${notes}, computed on this device with ${outcome.backend}.`,
        'done',
      );
  };

  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file) void usePhoto(file, file.name);
    input.value = '';
  });
  document.addEventListener('dragover', (event) => {
    event.preventDefault();
    document.body.classList.add('ll-dragging');
  });
  document.addEventListener('dragleave', () => document.body.classList.remove('ll-dragging'));
  document.addEventListener('drop', (event) => {
    event.preventDefault();
    document.body.classList.remove('ll-dragging');
    const file = event.dataTransfer?.files[0];
    if (file) void usePhoto(file, file.name || 'dropped image');
  });
  document.addEventListener('paste', (event) => {
    const file = [...(event.clipboardData?.files ?? [])][0];
    if (file) void usePhoto(file, file.name || 'pasted image');
  });
  reset.addEventListener('click', async () => {
    const { restoreArticle } = await import('./restore.ts');
    restoreArticle();
    setThumbnail(control, null, control.dataset.articlePhoto!.split('/').pop()!);
    reset.hidden = true;
    say("Back to the article's photo: the figures are the precomputed ones.", 'done');
  });
}

let thumbnailUrl: string | null = null;

function setThumbnail(control: HTMLElement, file: Blob | null, name: string): void {
  if (thumbnailUrl) URL.revokeObjectURL(thumbnailUrl);
  thumbnailUrl = file ? URL.createObjectURL(file) : null;
  control.querySelector<HTMLImageElement>('.ll-photo-thumb')!.src = thumbnailUrl ?? control.dataset.articlePhoto!;
  control.querySelector('.ll-photo-name')!.textContent = name;
}
