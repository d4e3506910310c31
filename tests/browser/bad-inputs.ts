/** The bad or unusual files a reader may give the page, made with sharp from the test photos. */
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { photoPath } from '../helpers/images.ts';

export interface BadInput {
  name: string;
  type: string;
  bytes: () => Promise<Buffer>;
  /** 'error': refused with a message; 'done': used, with a note. */
  outcome: 'error' | 'done';
  message: RegExp;
}

export const BAD_INPUTS: BadInput[] = [
  {
    name: 'damaged.jpg',
    type: 'image/jpeg',
    bytes: async () =>
      Buffer.concat([(await readFile(photoPath('dog.jpg'))).subarray(0, 20), Buffer.alloc(4000, 0x5a)]),
    outcome: 'error',
    message: /could not be decoded: the file looks damaged/,
  },
  {
    name: 'notes.txt',
    type: 'text/plain',
    bytes: async () => Buffer.from('these are not pixels\n'),
    outcome: 'error',
    message: /not an image this page can read/,
  },
  {
    name: 'drawing.svg',
    type: 'image/svg+xml',
    bytes: async () =>
      Buffer.from(
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>',
      ),
    outcome: 'error',
    message: /SVG drawing, not a photo/,
  },
  {
    // The header of an iPhone HEIC photo (an ISO-BMFF 'ftyp' box with brand heic): what the page inspects.
    name: 'IMG_0001.HEIC',
    type: 'image/heic',
    bytes: async () =>
      Buffer.concat([
        Buffer.from([0, 0, 0, 0x18]),
        Buffer.from('ftypheic'),
        Buffer.from([0, 0, 0, 0]),
        Buffer.from('mif1heic'),
        Buffer.alloc(2000),
      ]),
    outcome: 'error',
    message: /HEIC photo, which this browser cannot read/,
  },
  {
    name: 'huge.png',
    type: 'image/png',
    bytes: () =>
      sharp({ create: { width: 12000, height: 12000, channels: 3, background: { r: 40, g: 120, b: 200 } } })
        .png()
        .toBuffer(),
    outcome: 'done',
    message: /downscaled from 12000×12000 to 2048×2048/,
  },
  {
    name: 'dot.png',
    type: 'image/png',
    bytes: () =>
      sharp({ create: { width: 1, height: 1, channels: 3, background: '#c83' } })
        .png()
        .toBuffer(),
    outcome: 'done',
    message: /only 1×1 pixels/,
  },
  {
    name: 'grey.png',
    type: 'image/png',
    bytes: () => sharp(photoPath('coffee.png')).greyscale().png().toBuffer(),
    outcome: 'done',
    message: /black and white/,
  },
  {
    name: 'cmyk.jpg',
    type: 'image/jpeg',
    bytes: () => sharp(photoPath('coffee.png')).toColourspace('cmyk').jpeg().toBuffer(),
    outcome: 'done',
    message: /CMYK JPEG converted to RGB/,
  },
  {
    name: 'cutout.png',
    type: 'image/png',
    bytes: async () => {
      // Coffee with its right half fully transparent.
      const { data, info } = await sharp(photoPath('coffee.png'))
        .ensureAlpha()
        .raw()
        .toBuffer({ resolveWithObject: true });
      for (let y = 0; y < info.height; y++)
        for (let x = info.width >> 1; x < info.width; x++) data[(y * info.width + x) * 4 + 3] = 0;
      return sharp(data, { raw: { width: info.width, height: info.height, channels: 4 } })
        .png()
        .toBuffer();
    },
    outcome: 'done',
    message: /transparent areas are shown on white/,
  },
];
