/**
 * The reader's photo: picked, dropped anywhere on the page, or pasted. The file goes to the page's engine
 * (in a worker), which checks and decodes it on the device; every figure that follows the photo is then
 * recomputed. The engine loads on the first photo, never before.
 */
export function initPhotoControl(): void {
  const control = document.getElementById('ll-photo');
  if (!control) return;
  // Shown from the first paint (no layout shift); a page with no figure to recompute has no use for it.
  control.hidden = !document.querySelector('.ll-figure[data-recipe]');
  if (control.hidden) return;
  sayWhoFollows(control);
  const input = control.querySelector<HTMLInputElement>('input[type=file]')!;
  const reset = control.querySelector<HTMLButtonElement>('.ll-photo-reset')!;
  const status = control.querySelector<HTMLElement>('.ll-photo-status')!;
  const say = (text: string, state = 'info') => {
    status.textContent = text;
    status.dataset.state = state;
  };

  const usePhoto = async (file: Blob, name: string) => {
    say(`Reading ${name}...`, 'busy');
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
      const notes = photo.notes.length ? ` (${photo.notes.join('; ')})` : '';
      say(`Recomputing every figure for ${name}${notes}...`, 'busy');
      const outcome = await recomputeArticle((done, total) =>
        say(`Recomputing for ${name}${notes}: ${done} of ${total} figures done.`, 'busy'),
      );
      if (outcome)
        say(
          `All ${outcome.figures} figures show ${name}${notes}, computed on this device with ${outcome.backend}.`,
          'done',
        );
    } catch (error) {
      say(`Could not use ${name}: ${error instanceof Error ? error.message : String(error)}`, 'error');
    }
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
    const [{ restoreArticle }, { setReaderPhoto, setReaderClass }] = await Promise.all([
      import('./recompute.ts'),
      import('./figure-state.ts'),
    ]);
    setReaderPhoto(null);
    // The precomputed figures explain the top class: a class the reader picked goes with the photo.
    setReaderClass(null);
    document.dispatchEvent(new Event('ll-reader-class'));
    await restoreArticle();
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

/** "5 of 7 figures follow your photo": said when the author pinned some figures to their own image. */
function sayWhoFollows(control: HTMLElement): void {
  const photoFigures = document.querySelectorAll('.ll-figure[data-recipe]').length;
  const following = document.querySelectorAll('.ll-figure[data-follows]').length;
  if (following === photoFigures) return;
  const note = document.createElement('span');
  note.className = 'll-photo-follows';
  note.textContent = ` ${following} of ${photoFigures} figures follow the photo; the others keep their own image.`;
  control.querySelector('.ll-photo-title')!.append(note);
}
