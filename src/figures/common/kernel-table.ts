/**
 * A filter's weights as HTML: one small table per input channel (R, G, B), each weight tinted by its sign.
 * Written by the server and rewritten live with the same function, by every figure that shows a kernel
 * (its component imports kernel-table.css).
 */
import type { Block } from './conv-arithmetic.ts';

const CHANNEL_NAMES = ['R', 'G', 'B'];

/** A value as the figures print it: three decimals, a real minus sign. */
export function formatValue(value: number): string {
  return value.toFixed(3).replace('-', '\u2212');
}

/** The name of input channel c of a first layer (R, G, B; a number past them). */
export function channelName(c: number): string {
  return CHANNEL_NAMES[c] ?? `channel ${c}`;
}

/** One table per input channel of a [kh, kw, cin] kernel, captioned with the channel; `extra` adds a class. */
export function kernelTables(kernel: Block, extra = ''): string {
  return [...Array(kernel.channels).keys()]
    .map((c) => {
      const rows = [...Array(kernel.height).keys()].map((ky) => {
        const cells = [...Array(kernel.width).keys()].map((kx) => {
          const w = kernel.values[(ky * kernel.width + kx) * kernel.channels + c]!;
          return `<td class="${w < 0 ? 'neg' : 'pos'}">${formatValue(w)}</td>`;
        });
        return `<tr>${cells.join('')}</tr>`;
      });
      return `<table class="ll-kernel-table ${extra}"><caption>${channelName(c)}</caption><tbody>${rows.join('')}</tbody></table>`;
    })
    .join('');
}
