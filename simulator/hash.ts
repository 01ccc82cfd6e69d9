/**
 * Small deterministic number sources: a string hash for usage series and summaries, and a
 * seeded PRNG for probabilistic faults. Neither is cryptographic; both only need to be
 * repeatable across runs and processes.
 */

/**
 * Hashes its parts to an unsigned 32-bit integer (FNV-1a, then a murmur3 finalizer so
 * neighbouring inputs such as consecutive bucket times spread over the whole range).
 */
export function hash32(...parts: readonly (string | number)[]): number {
  const text = parts.join("\u0000");
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A deterministic integer in `[0, range)` for the given parts. */
export function hashInt(range: number, ...parts: readonly (string | number)[]): number {
  return hash32(...parts) % range;
}

/**
 * A seeded PRNG (mulberry32) returning numbers in `[0, 1)`.
 * @param seed - any integer; the same seed gives the same sequence.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
