/** The eight block heights of a text sparkline, lowest first. */
const BLOCKS = "▁▂▃▄▅▆▇█";

/**
 * A one-line chart of `values`, one block per value, scaled between the series' minimum and
 * maximum (a flat series draws at the lowest height).
 *
 * @param values - the series, oldest first; non-finite values draw as a space
 * @param width - at most this many blocks: a longer series is averaged into `width` buckets
 */
export function sparkline(values: readonly number[], width = 30): string {
  const series = downsample(values, width);
  const finite = series.filter(Number.isFinite);
  if (finite.length === 0) return "";
  const min = Math.min(...finite);
  const span = Math.max(...finite) - min;
  return series
    .map((value) => {
      if (!Number.isFinite(value)) return " ";
      const level = span === 0 ? 0 : Math.round(((value - min) / span) * (BLOCKS.length - 1));
      return BLOCKS[level];
    })
    .join("");
}

function downsample(values: readonly number[], width: number): number[] {
  if (values.length <= width) return [...values];
  const buckets: number[] = [];
  for (let i = 0; i < width; i++) {
    const from = Math.floor((i * values.length) / width);
    const to = Math.floor(((i + 1) * values.length) / width);
    const slice = values.slice(from, to);
    buckets.push(slice.reduce((sum, v) => sum + v, 0) / slice.length);
  }
  return buckets;
}

/** A count made short for a summary line: 950, 12.3k, 4.5M. */
export function compactNumber(value: number): string {
  const units: Array<[number, string]> = [
    [1e9, "G"],
    [1e6, "M"],
    [1e3, "k"],
  ];
  for (const [size, suffix] of units) {
    if (Math.abs(value) >= size) return `${(value / size).toFixed(1).replace(/\.0$/, "")}${suffix}`;
  }
  return String(value);
}
