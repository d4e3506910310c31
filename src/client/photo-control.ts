/**
 * The reader's photo: picked, taken with the camera (phones), dropped anywhere on the page, or pasted. The
 * file goes to the page's engine (in a worker), which checks and decodes it on the device; every figure that
 * follows the photo is then recomputed. The engine loads on the first photo, never before, and the button
 * says beforehand how much that downloads. A photo that worked is remembered on the device (photo-memory.ts)
 * and used again by the next article, until the reader clears it.
 */
import {
  download,
  downloadText,
  formatBytes,
  likelyBackend,
  modelsUsed,
  requestedBackend,
  type EngineBytes,
  type ModelDownload,
} from './download-size.ts';
import { forgetPhoto, recallPhoto, rememberPhoto } from './photo-memory.ts';

export function initPhotoControl(): void {
  const control = document.getElementById('ll-photo');
  if (!control) return;
  // Shown from the first paint (no layout shift); a page with no figure to recompute has no use for it.
  control.hidden = !document.querySelector('.ll-figure[data-recipe]');
  if (control.hidden) return;
  trackHeight(control);
  const inputs = control.querySelectorAll<HTMLInputElement>('input[type=file]');
  const reset = control.querySelector<HTMLButtonElement>('.ll-photo-reset')!;
  const status = control.querySelector<HTMLElement>('.ll-photo-status')!;
  const size = control.querySelector<HTMLElement>('.ll-photo-size')!;
  const say = (text: string, state = 'info') => {
    status.textContent = text;
    status.dataset.state = state;
  };
  const fetching = download(
    control.dataset.engineBytes === 'pending' ? null : (JSON.parse(control.dataset.engineBytes!) as EngineBytes),
    likelyBackend(requestedBackend(), 'gpu' in navigator),
    control.dataset.gradients !== undefined,
    modelsUsed(JSON.parse(control.dataset.weights!) as ModelDownload[], recomputedRecipes()),
  );
  // The words are in the page from the first paint; the number fills its slot (none in `astro dev`).
  const bytes = size.querySelector<HTMLElement>('.ll-photo-bytes')!;
  bytes.textContent = fetching.bytes === null ? 'size unknown)' : `${formatBytes(fetching.bytes)})`;
  size.querySelector('.ll-photo-what')!.textContent = `${fetching.what}, `;
  control.dataset.downloadBytes = String(fetching.bytes ?? '');
  let loaded = false;
  let given = false;

  const usePhoto = async (file: Blob, name: string, remembered = false) => {
    given = true;
    // The first photo of a page downloads the engine and weights: the line says so while it happens.
    const downloading = loaded ? '' : ` and ${downloadText(fetching).replace(/^downloads/, 'downloading')}`;
    say(
      remembered
        ? `Using your photo ${name}, kept on this device${downloading}...`
        : `Reading ${name}${downloading}...`,
      'busy',
    );
    try {
      const [{ liveEngine }, { recomputeArticle }, { setReaderPhoto }] = await Promise.all([
        import('./live-engine.ts'),
        import('./recompute.ts'),
        import('./figure-state.ts'),
      ]);
      const { client } = await liveEngine();
      const photo = await client.readPhoto(file, name);
      if (!photo.ok) return say(photo.message, 'error');
      setReaderPhoto({ ref: photo.ref, name });
      setThumbnail(control, file, name);
      reset.hidden = false;
      const kept = remembered || (await rememberPhoto({ file, name }));
      const memory = kept
        ? ' It stays on this device for the other articles until you clear it.'
        : ' This browser does not let the page keep it, so it will not be remembered on other pages.';
      const notes = photo.notes.length ? ` (${photo.notes.join('; ')})` : '';
      say(`Recomputing every figure for ${name}${notes}${downloading}...`, 'busy');
      const outcome = await recomputeArticle((done, total) =>
        say(`Recomputing for ${name}${notes}: ${done} of ${total} figures done.`, 'busy'),
      );
      if (!outcome) return;
      loaded = true;
      size.textContent = '(already downloaded)';
      say(
        `All ${outcome.figures} figures show ${name}${notes}, computed on this device with ${outcome.backend}.${memory}`,
        'done',
      );
    } catch (error) {
      say(`Could not use ${name}: ${error instanceof Error ? error.message : String(error)}`, 'error');
    }
  };

  // The reader chose to keep their photo across the site: it is used here as if they had dropped it again.
  // Unless they gave one here first (a drop while the database opened).
  void recallPhoto().then((photo) => {
    control.dataset.remembered = photo ? photo.name : '';
    if (photo && !given) void usePhoto(photo.file, photo.name, true);
  });

  for (const input of inputs)
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (file) void usePhoto(file, file.name || 'camera photo');
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
    const [{ restoreArticle }, { setReaderPhoto, setReaderClass }] = await Promise.all([
      import('./recompute.ts'),
      import('./figure-state.ts'),
    ]);
    setReaderPhoto(null);
    const forgotten = await forgetPhoto();
    // The precomputed figures explain the top class: a class the reader picked goes with the photo.
    setReaderClass(null);
    document.dispatchEvent(new Event('ll-reader-class'));
    await restoreArticle();
    setThumbnail(control, null, control.dataset.articlePhoto!.split('/').pop()!);
    reset.hidden = true;
    const memory = forgotten ? ' Your photo is cleared from this device.' : '';
    say(`Back to the article's photo: the figures are the precomputed ones.${memory}`, 'done');
  });
}

/** Recipes of the figures a reader's photo recomputes at once (not those that wait for a click). */
function recomputedRecipes(): string[] {
  const figures = document.querySelectorAll<HTMLElement>('.ll-figure[data-recipe][data-follows]:not([data-on-demand])');
  return [...figures].map((figure) => figure.dataset.recipe!);
}

let thumbnailUrl: string | null = null;

function setThumbnail(control: HTMLElement, file: Blob | null, name: string): void {
  if (thumbnailUrl) URL.revokeObjectURL(thumbnailUrl);
  thumbnailUrl = file ? URL.createObjectURL(file) : null;
  control.querySelector<HTMLImageElement>('.ll-photo-thumb')!.src = thumbnailUrl ?? control.dataset.articlePhoto!;
  control.querySelector('.ll-photo-name')!.textContent = name;
}

/** Keeps --ll-photo-height at the sticky control's height, so a linked figure lands below it (figure-tools.css). */
function trackHeight(control: HTMLElement): void {
  const root = document.documentElement;
  new ResizeObserver(() => root.style.setProperty('--ll-photo-height', `${control.offsetHeight}px`)).observe(control);
}
