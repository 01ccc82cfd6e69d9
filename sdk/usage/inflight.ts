/**
 * In-flight de-duplication: identical concurrent calls in one program share one request.
 * An entry lives only while its request runs, so a later call always fetches fresh data.
 */
const inflight = new Map<string, Promise<unknown>>();

/**
 * Runs `start` unless a call with the same key is still running, in which case it returns that
 * call's promise instead.
 *
 * @param key - says what the request is and how it is sent; must not hold the token in clear
 * @param start - sends the request
 * @returns the shared promise; it settles (and the entry goes) when the request settles
 */
export function shareInFlight<T>(key: string, start: () => Promise<T>): Promise<T> {
  const running = inflight.get(key);
  if (running !== undefined) return running as Promise<T>;
  const promise = Promise.resolve()
    .then(start)
    .finally(() => {
      if (inflight.get(key) === promise) inflight.delete(key);
    });
  inflight.set(key, promise);
  return promise;
}

/** How many requests are in flight now (for tests). */
export function inFlightCount(): number {
  return inflight.size;
}
