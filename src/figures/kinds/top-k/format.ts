/** A probability as the table shows it, on the server and live alike: one decimal, "12.3%". */
export function percent(probability: number): string {
  return `${(probability * 100).toFixed(1)}%`;
}
