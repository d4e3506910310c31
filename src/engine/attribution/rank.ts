/** Spearman's rank correlation: how alike two maps order their pixels (Adebayo et al. 2018's similarity). */

/** Ranks from 1, ties sharing their mean rank. */
export function ranks(values: ArrayLike<number>): Float64Array {
  const order = Array.from({ length: values.length }, (_, i) => i).sort((a, b) => values[a]! - values[b]!);
  const out = new Float64Array(values.length);
  for (let start = 0; start < order.length;) {
    let end = start + 1;
    while (end < order.length && values[order[end]!] === values[order[start]!]) end++;
    const mean = (start + end + 1) / 2;
    for (let k = start; k < end; k++) out[order[k]!] = mean;
    start = end;
  }
  return out;
}

/**
 * Spearman's rho of two equal-length series, or null when either is constant (an all-zero map has no
 * ordering to compare: a rank correlation would be 0/0).
 */
export function spearman(a: ArrayLike<number>, b: ArrayLike<number>): number | null {
  if (a.length !== b.length) throw new Error(`spearman: ${a.length} values against ${b.length}.`);
  return pearson(ranks(a), ranks(b));
}

function pearson(a: Float64Array, b: Float64Array): number | null {
  const n = a.length;
  let [meanA, meanB] = [0, 0];
  for (let i = 0; i < n; i++) [meanA, meanB] = [meanA + a[i]! / n, meanB + b[i]! / n];
  let [cov, varA, varB] = [0, 0, 0];
  for (let i = 0; i < n; i++) {
    const [da, db] = [a[i]! - meanA, b[i]! - meanB];
    cov += da * db;
    varA += da * da;
    varB += db * db;
  }
  return varA === 0 || varB === 0 ? null : cov / Math.sqrt(varA * varB);
}
