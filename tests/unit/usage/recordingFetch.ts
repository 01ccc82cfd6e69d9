/**
 * A transport for unit tests of the usage functions: answers every request with one JSON
 * body and records the URLs asked, so a test can prove that nothing was sent (validation
 * runs first) or what the query was. Integration tests use the simulator instead.
 */
import type { FetchLike } from "../../../provider/losant/options";
import type { LosantConnectionOptions } from "../../../sdk";

/** 24-hex IDs as the API uses them. */
export const INSTANCE_ID = "5f0c8a1b2c3d4e5f60718293";
export const ORG_ID = "60a1b2c3d4e5f60718293a4b";
/** A token that must never show up in an error or a key. */
export const TOKEN = "tok-usage-Sup3rSecret-0123456789";

/** A recording transport and the connection options that use it. */
export interface Recording {
  /** Every URL requested, in order. */
  urls: URL[];
  options: LosantConnectionOptions;
  /** Resolves every request held by `hold`. */
  release(): void;
}

/**
 * @param body - the JSON answer of every request
 * @param hold - when true, answers wait for `release()` (to keep requests in flight)
 */
export function recordingFetch(body: unknown = { counts: [] }, hold = false): Recording {
  const urls: URL[] = [];
  const waiting: (() => void)[] = [];
  const fetch: FetchLike = async (url) => {
    urls.push(new URL(url));
    if (hold) await new Promise<void>((resolve) => waiting.push(resolve));
    return { status: 200, headers: { get: () => null }, text: async () => JSON.stringify(body) };
  };
  return {
    urls,
    options: { apiToken: TOKEN, apiUrl: "https://losant.example.test", fetch },
    release: () => waiting.splice(0).forEach((resolve) => resolve()),
  };
}
