/**
 * Viridis, the perceptually uniform colormap, as a 256-entry lookup table interpolated from ten anchor
 * colours. Feature maps use it so bright means "more activation" for every reader, colour-blind included.
 */
const ANCHORS = [
  [0x44, 0x01, 0x54],
  [0x48, 0x28, 0x78],
  [0x3e, 0x49, 0x89],
  [0x31, 0x68, 0x8e],
  [0x26, 0x82, 0x8e],
  [0x1f, 0x9e, 0x89],
  [0x35, 0xb7, 0x79],
  [0x6e, 0xce, 0x58],
  [0xb5, 0xde, 0x2b],
  [0xfd, 0xe7, 0x25],
] as const;

function buildTable(): Uint8Array {
  const table = new Uint8Array(256 * 3);
  for (let i = 0; i < 256; i++) {
    const position = (i / 255) * (ANCHORS.length - 1);
    const low = Math.min(Math.floor(position), ANCHORS.length - 2);
    const t = position - low;
    for (let c = 0; c < 3; c++) table[i * 3 + c] = Math.round(ANCHORS[low]![c]! * (1 - t) + ANCHORS[low + 1]![c]! * t);
  }
  return table;
}

/** RGB triples for the 256 levels 0 (lowest) to 255 (highest). */
export const VIRIDIS: Uint8Array = buildTable();
