import nodeFetch from "node-fetch";
import { checkApiUrl } from "./config";
import { sharedRateGate, type RateGate } from "./rateGate";

/** The part of a `fetch` response the client reads. node-fetch v2 and Node's fetch both fit. */
export interface FetchResponse {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
}

/** The request options the client passes to `fetch`. */
export interface FetchInit {
  method: string;
  headers: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
}

/** A `fetch` function: node-fetch v2 by default, any compatible one when injected. */
export type FetchLike = (url: string, init: FetchInit) => Promise<FetchResponse>;

/** How failed requests are retried. */
export interface RetryOptions {
  /**
   * Retries after the first attempt (default 4). A 429 is not counted: the server is pacing
   * the client, which waits as told within `deadlineMs`.
   */
  retries?: number;
  /** Base of the exponential backoff, in ms (default 250). */
  minDelayMs?: number;
  /** Cap of one backoff delay, in ms (default 8000). */
  maxDelayMs?: number;
  /** No attempt starts after this many ms from the first one (default 60000). */
  deadlineMs?: number;
}

/** Options of {@link LosantClient}. Only `token` and `url` are required. */
export interface LosantClientOptions {
  /** The API token, sent as a Bearer token and never logged. */
  token: string;
  /** The API's base URL, for example `https://api.losant.com`. */
  url: string;
  /** The transport; node-fetch v2 when absent. */
  fetch?: FetchLike;
  /** Timeout of each request, in ms (default 30000). */
  timeoutMs?: number;
  retry?: RetryOptions;
  /** Injected so tests need no real waiting. */
  sleep?: (ms: number) => Promise<void>;
  /** Injected so tests control the jitter; returns [0, 1). */
  random?: () => number;
  /** Injected clock, ms since the epoch. */
  now?: () => number;
  /**
   * The rate-limit pause this client honours and sets; default: the one every client of the
   * same URL shares in this process. Injected so tests do not share it.
   */
  rateGate?: RateGate;
}

/** The options with every default filled in: one place for defaults. */
export type ResolvedClientOptions = Required<Omit<LosantClientOptions, "retry">> & {
  retry: Required<RetryOptions>;
};

/**
 * Fills in the defaults of {@link LosantClientOptions}.
 *
 * @throws LosantConfigError when the URL is unsafe for the token (see `checkApiUrl`)
 */
export function resolveClientOptions(options: LosantClientOptions): ResolvedClientOptions {
  const url = checkApiUrl(options.url);
  return {
    token: options.token,
    url,
    fetch: options.fetch ?? (nodeFetch as unknown as FetchLike),
    timeoutMs: options.timeoutMs ?? 30_000,
    retry: {
      retries: options.retry?.retries ?? 4,
      minDelayMs: options.retry?.minDelayMs ?? 250,
      maxDelayMs: options.retry?.maxDelayMs ?? 8_000,
      deadlineMs: options.retry?.deadlineMs ?? 60_000,
    },
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    random: options.random ?? Math.random,
    now: options.now ?? Date.now,
    rateGate: options.rateGate ?? sharedRateGate(url),
  };
}
