import { LosantConfigError } from "./errors";

/** Where the API lives when nothing else is configured. */
export const DEFAULT_API_URL = "https://api.losant.com";

/** The stack config keys and environment variables that configure the connection. */
export const CONFIG_KEYS = {
  token: "losant:apiToken",
  url: "losant:apiUrl",
  tokenEnv: "LOSANT_API_TOKEN",
  urlEnv: "LOSANT_API_URL",
  timeoutEnv: "LOSANT_API_TIMEOUT_MS",
  retryDeadlineEnv: "LOSANT_API_RETRY_DEADLINE_MS",
} as const;

/** A token and the API's base URL, ready for {@link LosantClient}. */
export interface LosantConnection {
  readonly token: string;
  /** Base URL without a trailing slash. */
  readonly url: string;
}

/**
 * Settles the token and API URL: explicit values (stack config) win over the environment
 * (`LOSANT_API_TOKEN`, `LOSANT_API_URL`), and the URL falls back to {@link DEFAULT_API_URL}.
 *
 * @param explicit - values read from stack config, if any
 * @param env - the environment to fall back on
 * @throws LosantConfigError when no token is set, when the URL is not an http(s) URL, or when
 *   it is plain http to a host other than this machine (the token would travel in clear text)
 */
export function resolveConnection(
  explicit: { token?: string; url?: string },
  env: NodeJS.ProcessEnv = process.env,
): LosantConnection {
  const token = nonEmpty(explicit.token) ?? nonEmpty(env[CONFIG_KEYS.tokenEnv]);
  if (token === undefined) {
    throw new LosantConfigError(
      CONFIG_KEYS.token,
      `No Losant API token is configured. Set it with \`pulumi config set --secret ${CONFIG_KEYS.token} <token>\` ` +
        `or in the ${CONFIG_KEYS.tokenEnv} environment variable.`,
    );
  }
  const url = checkApiUrl(
    nonEmpty(explicit.url) ?? nonEmpty(env[CONFIG_KEYS.urlEnv]) ?? DEFAULT_API_URL,
  );
  return { token, url };
}

/**
 * The per-request timeout set in `LOSANT_API_TIMEOUT_MS`, in ms; undefined keeps the client's
 * default. For slow instances, and for tests that need "slower than the timeout" to be quick.
 *
 * @throws LosantConfigError when the variable is set but is not a positive integer
 */
export function resolveTimeout(env: NodeJS.ProcessEnv = process.env): number | undefined {
  return positiveMs(env, CONFIG_KEYS.timeoutEnv);
}

/**
 * How long a request keeps being retried, set in `LOSANT_API_RETRY_DEADLINE_MS`, in ms from
 * its first attempt; undefined keeps the client's default (60 s). For a CI job that should fail
 * fast while the API is rate-limiting it, and for tests of what happens when retries run out.
 *
 * @throws LosantConfigError when the variable is set but is not a positive integer
 */
export function resolveRetryDeadline(env: NodeJS.ProcessEnv = process.env): number | undefined {
  return positiveMs(env, CONFIG_KEYS.retryDeadlineEnv);
}

function positiveMs(env: NodeJS.ProcessEnv, variable: string): number | undefined {
  const raw = nonEmpty(env[variable]);
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) <= 0) {
    throw new LosantConfigError(
      variable,
      `${variable} must be a positive number of milliseconds, not "${raw}".`,
    );
  }
  return Number(raw);
}

/**
 * Validates an API base URL and strips its trailing slashes.
 *
 * @throws LosantConfigError when it is not http(s), or is http to a host that is not loopback
 */
export function checkApiUrl(raw: string): string {
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new LosantConfigError(CONFIG_KEYS.url, `The Losant API URL "${raw}" is not a valid URL.`);
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
    throw new LosantConfigError(
      CONFIG_KEYS.url,
      `The Losant API URL "${raw}" must use https (or http to a loopback address).`,
    );
  }
  if (parsed.protocol === "http:" && !isLoopbackHost(parsed.hostname)) {
    throw new LosantConfigError(
      CONFIG_KEYS.url,
      `Refusing to send the API token over plain http to ${parsed.hostname}: use https, ` +
        `or http only to a loopback address (localhost, 127.0.0.0/8, [::1]).`,
    );
  }
  return raw.replace(/\/+$/, "");
}

/** True for `localhost`, `127.0.0.0/8` and `::1`, the hosts plain http may reach. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  return host === "localhost" || host === "::1" || /^127(\.\d{1,3}){3}$/.test(host);
}

function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== "" ? value.trim() : undefined;
}
