/**
 * A link-preview card (Open Graph, Twitter): 1200 x 630 PNG, the title on dark paper at the left and a
 * picture filling the right, composed with sharp at build time. The text is an SVG overlay drawn by librsvg
 * with the fonts fontconfig finds: DejaVu Serif and Sans where installed (Debian's fonts-dejavu-core, here and
 * on CI), else the generic serif and sans-serif, so a machine without them still makes a card.
 */
import sharp from 'sharp';
import { coverPixels } from './card-thumbnail.ts';

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
/** The picture's share of the card: the right 560 pixels, full height. */
const PICTURE_WIDTH = 560;
const TEXT_LEFT = 64;
const TEXT_WIDTH = CARD_WIDTH - PICTURE_WIDTH - TEXT_LEFT - 48;
/** The site's dark paper, ink and accent (global.css). */
const PAPER = '#16181c';
const INK = '#e6e4df';
const ACCENT = '#8ab4f8';
const MUTED = '#a3a9b5';
/** A bold serif's average advance, in ems: a little generous, so that wrapped lines never overflow. */
const ADVANCE = 0.55;

export interface CardPicture {
  /** An image file sharp reads. */
  file: string;
  width: number;
  height: number;
}

/** The card as PNG bytes: the site's name above the title, `footer` at the bottom. */
export async function previewCard(picture: CardPicture, title: string, footer: string): Promise<Buffer> {
  // A small figure (a few dozen pixels a side) is scaled up in blocks, as the pages draw it, not blurred.
  const small = picture.width < PICTURE_WIDTH / 2 || picture.height < CARD_HEIGHT / 2;
  // A picture far wider (a strip of tiles, a map) is shown whole on the paper rather than cropped to its middle.
  const shape = picture.width / picture.height / (PICTURE_WIDTH / CARD_HEIGHT);
  const fit = shape > 1.6 || shape < 1 / 1.6 ? 'contain' : 'cover';
  const image = await coverPixels(picture.file)
    .resize(PICTURE_WIDTH, CARD_HEIGHT, { fit, background: PAPER, kernel: small ? 'nearest' : 'lanczos3' })
    .flatten({ background: PAPER })
    .toBuffer();
  // A 256-colour palette keeps a photo's card near 100 KB instead of 400 (crawlers fetch it on every share).
  return sharp({ create: { width: CARD_WIDTH, height: CARD_HEIGHT, channels: 3, background: PAPER } })
    .composite([
      { input: image, left: CARD_WIDTH - PICTURE_WIDTH, top: 0 },
      { input: Buffer.from(textLayer(title, footer)), left: 0, top: 0 },
    ])
    .png({ palette: true, quality: 90, effort: 7 })
    .toBuffer();
}

/** The title wrapped to the text column (at most five lines: a long title gets a smaller size). */
function textLayer(title: string, footer: string): string {
  let size = 60;
  let lines = wrap(title, Math.floor(TEXT_WIDTH / (size * ADVANCE)));
  while (lines.length > 5 && size > 32) {
    size -= 4;
    lines = wrap(title, Math.floor(TEXT_WIDTH / (size * ADVANCE)));
  }
  const lineHeight = Math.round(size * 1.2);
  const top = Math.round(CARD_HEIGHT / 2 - (lines.length * lineHeight) / 2 + size * 0.8);
  const tspans = lines
    .map((line, i) => `<tspan x="${TEXT_LEFT}" y="${top + i * lineHeight}">${escapeXml(line)}</tspan>`)
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}">
<text x="${TEXT_LEFT}" y="104" font-family="DejaVu Sans, sans-serif" font-size="34" font-weight="bold" fill="${ACCENT}">LayerLens</text>
<text font-family="DejaVu Serif, serif" font-size="${size}" font-weight="bold" fill="${INK}">${tspans}</text>
<text x="${TEXT_LEFT}" y="${CARD_HEIGHT - 64}" font-family="DejaVu Sans, sans-serif" font-size="24" fill="${MUTED}">${escapeXml(footer)}</text>
</svg>`;
}

/** Words greedily into lines of at most `width` characters (a longer word has a line of its own). */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
