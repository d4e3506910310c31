/**
 * Click a tile of a feature-map grid or filter gallery: that channel opens full size with its value range.
 * The page script only wires the clicks; the code that opens a tile loads on the first one.
 */
export function initLightbox(): void {
  const dialog = document.getElementById('ll-lightbox') as HTMLDialogElement | null;
  if (!dialog) return;
  for (const image of document.querySelectorAll<HTMLImageElement>('img.ll-atlas[data-layout]')) {
    image.tabIndex = 0;
    image.title = 'Click a tile to open it full size';
    image.addEventListener('click', async (event) => {
      const rect = image.getBoundingClientRect();
      const [u, v] = [(event.clientX - rect.left) / rect.width, (event.clientY - rect.top) / rect.height];
      const { openTile } = await import('./lightbox-open.ts');
      await openTile(dialog, image, u, v);
    });
  }
}
