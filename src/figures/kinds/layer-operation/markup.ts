/** The layer operation's tables, written by the server and rewritten for a reader's photo (same function). */
import { activate, activationName, type Block } from '../../common/conv-arithmetic.ts';
import { escapeHtml } from '../../common/html.ts';
import { maxPoolWindows, softmaxSteps } from '../../common/layer-arithmetic.ts';
import { formatValue } from '../../common/kernel-table.ts';
import type { LayerOperationData, MapOperationData, SoftmaxData } from './recipe.ts';

export function operationMarkup(data: LayerOperationData): string {
  if (data.op === 'softmax') return softmaxMarkup(data);
  return data.op === 'max-pool' ? poolMarkup(data) : rectifierMarkup(data);
}

function rectifierMarkup(data: MapOperationData): string {
  const after = data.input.values.map((v) => activate(data.activation, v));
  const matches = after.every((v, i) => Math.abs(v - data.model[i]!) < 1e-4);
  return `${matrix(`Before (${escapeHtml(data.inputLayer)})`, data.input, () => '', 'll-op-before')}
<span class="ll-op-arrow" aria-hidden="true">→ ${activationName(data.activation)} →</span>
${matrix('After', { ...data.input, values: after }, (_, i) => (data.input.values[i]! < 0 ? 'changed' : ''), 'll-op-after')}
<p class="ll-op-note">Patch at (${data.x}, ${data.y}); ${matches ? 'the same as' : 'NOT the same as'} the layer's own output there.</p>`;
}

function poolMarkup(data: MapOperationData): string {
  const { size, strides } = data.pool!;
  const windows = maxPoolWindows(data.input, size, strides);
  const shade = new Map<number, string>();
  windows.forEach((w, n) => w.cells.forEach((c) => shade.set(c, `win${n % 4}${c === w.argmax ? ' max' : ''}`)));
  const pooled: Block = {
    width: Math.sqrt(windows.length),
    height: Math.sqrt(windows.length),
    channels: 1,
    values: windows.map((w) => w.max),
  };
  const matches = windows.every((w, i) => Math.abs(w.max - data.model[i]!) < 1e-6);
  return `${matrix(`Input (${escapeHtml(data.inputLayer)})`, data.input, (_, i) => shade.get(i) ?? '', 'll-op-before')}
<span class="ll-op-arrow" aria-hidden="true">→ max of each ${size[0]}×${size[1]} window →</span>
${matrix('Pooled', pooled, (_, i) => `win${i % 4}`, 'll-op-after')}
<p class="ll-op-note">Patch at (${data.x}, ${data.y}); the largest value of each window is in bold; ${matches ? 'the same as' : 'NOT the same as'} the pool layer's own output.</p>`;
}

function softmaxMarkup(data: SoftmaxData): string {
  const { exps, sum, probabilities } = softmaxSteps(data.logits);
  const rows = data.top.map(
    (p) => `<tr><td>${escapeHtml(p.label)}</td><td class="num">${formatValue(data.logits[p.index]!)}</td>
<td class="num">${exps[p.index]!.toPrecision(4)}</td><td class="num">${(probabilities[p.index]! * 100).toFixed(2)}%</td>
<td class="num">${(p.probability * 100).toFixed(2)}%</td></tr>`,
  );
  return `<table class="ll-op-softmax"><thead><tr><th scope="col">Class</th><th scope="col" class="num">Score</th>
<th scope="col" class="num">exp(score − max)</th><th scope="col" class="num">÷ sum</th><th scope="col" class="num">Model</th></tr></thead>
<tbody>${rows.join('')}</tbody></table>
<p class="ll-op-note">Sum of exp over all ${data.logits.length} classes: <output class="ll-op-sum">${sum.toPrecision(6)}</output>.
Subtracting the largest score first changes no ratio and keeps exp from overflowing.</p>`;
}

function matrix(title: string, block: Block, classOf: (v: number, i: number) => string, extra: string): string {
  const rows = [...Array(block.height).keys()].map((r) => {
    const cells = [...Array(block.width).keys()].map((c) => {
      const i = r * block.width + c;
      const v = block.values[i]!;
      const cls = classOf(v, i);
      return `<td${cls ? ` class="${cls}"` : ''}>${formatValue(v)}</td>`;
    });
    return `<tr>${cells.join('')}</tr>`;
  });
  return `<table class="ll-op-matrix ${extra}"><caption>${title}</caption><tbody>${rows.join('')}</tbody></table>`;
}
