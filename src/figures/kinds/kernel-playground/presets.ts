/**
 * The hand-made kernels a <KernelPlayground> offers: each one's name (the prop value), its label, what it
 * does in one line, and its nine weights (row-major, as a conv layer applies them: not flipped). Plain
 * data, shared by the props, the server's markup and the live controls.
 */

export const KERNEL_NAMES = ['identity', 'box-blur', 'sharpen', 'sobel-x', 'sobel-y'] as const;
export type KernelName = (typeof KERNEL_NAMES)[number];

export interface KernelPreset {
  label: string;
  /** What it does, in one line. */
  does: string;
  weights: readonly number[];
}

export const KERNEL_PRESETS: Record<KernelName, KernelPreset> = {
  identity: {
    label: 'Identity',
    does: 'keeps each pixel and ignores its neighbours: the output is the grey photo itself.',
    weights: [0, 0, 0, 0, 1, 0, 0, 0, 0],
  },
  'box-blur': {
    label: 'Box blur',
    does: 'averages each pixel with its 8 neighbours: fine detail and noise soften.',
    weights: Array<number>(9).fill(1 / 9),
  },
  sharpen: {
    label: 'Sharpen',
    does: 'adds to each pixel how much it differs from its 4 neighbours: edges get crisper.',
    weights: [0, -1, 0, -1, 5, -1, 0, -1, 0],
  },
  'sobel-x': {
    label: 'Sobel x',
    does: 'right column minus left column: bright on vertical edges, where brightness changes left to right.',
    weights: [-1, 0, 1, -2, 0, 2, -1, 0, 1],
  },
  'sobel-y': {
    label: 'Sobel y',
    does: 'bottom row minus top row: bright on horizontal edges, where brightness changes top to bottom.',
    weights: [-1, -2, -1, 0, 0, 0, 1, 2, 1],
  },
};

/** A weight as the kernel's number inputs show it: at most four decimals (1/9 reads 0.1111). */
export function weightText(weight: number): string {
  return String(Number(weight.toFixed(4)));
}

/**
 * The preset these weights are, as the inputs show them (0.1111 nine times is the box blur), if any: an
 * edited kernel that matches one is that one again.
 */
export function presetOf(weights: readonly number[], among: readonly KernelName[] = KERNEL_NAMES): KernelName | null {
  const shown = (w: readonly number[]) => w.map(weightText).join(' ');
  return among.find((name) => shown(KERNEL_PRESETS[name].weights) === shown(weights)) ?? null;
}
