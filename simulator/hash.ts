/**
 * Small deterministic number sources: integer hashing for usage series and summaries, and
 * a seeded PRNG for probabilistic faults. Neither is cryptographic; both only need to be
 * repeatable across runs and processes, and fast: a long usage range hashes hundreds of
 * thousands of buckets.
 */

/** murmur3's finalizer: spreads neighbouring inputs (consecutive bucket times) apart. */
function finalize(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hashes a string (an org ID, a salt name) to an unsigned 32-bit seed (FNV-1a). */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return finalize(h);
}

/**
 * Hashes a seed and numbers to an unsigned 32-bit integer. Numbers may exceed 32 bits
 * (millisecond timestamps): both halves are mixed in.
 */
export function hashNumbers(seed: number, ...values: readonly number[]): number {
  let h = seed >>> 0;
  for (const value of values) {
    for (const word of [value >>> 0, Math.floor(value / 4294967296) >>> 0]) {
      h = Math.imul(h ^ word, 0xcc9e2d51);
      h = Math.imul((h << 15) | (h >>> 17), 0x1b873593);
    }
  }
  return finalize(h);
}

/** A deterministic integer in `[0, range)` for the seed and numbers. */
export function hashInt(range: number, seed: number, ...values: readonly number[]): number {
  return hashNumbers(seed, ...values) % range;
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
