import { createHash } from "node:crypto";
import { LosantClient } from "../provider/losant/client";
import { CONFIG_KEYS, resolveConnection } from "../provider/losant/config";
import type { FetchLike } from "../provider/losant/options";
import { pulumiSdk } from "./pulumiSdk";

/**
 * How a usage function reaches the API. Every field is optional: what is left out comes
 * from stack config (`losant:apiToken`, `losant:apiUrl`), then from the environment
 * (`LOSANT_API_TOKEN`, `LOSANT_API_URL`), and the URL falls back to `https://api.losant.com`.
 */
export interface LosantConnectionOptions {
  /** The API token; wins over `losant:apiToken` and `LOSANT_API_TOKEN`. Never logged. */
  apiToken?: string;
  /** The API's base URL; wins over `losant:apiUrl` and `LOSANT_API_URL`. */
  apiUrl?: string;
  /** The HTTP transport; node-fetch v2 when absent. */
  fetch?: FetchLike;
  /** Timeout of each request in milliseconds (default 30000). */
  timeoutMs?: number;
}

/** A client ready to call, with a key that tells connections apart without the token in it. */
export interface SettledConnection {
  readonly client: LosantClient;
  /**
   * The URL, a digest of the token, the transport and the timeout: equal for two calls that
   * would send the same request the same way. The token itself never appears in it.
   */
  readonly key: string;
}

/**
 * Reads one stack config value the way a Pulumi program sees it, at call time. Uses
 * `pulumi.runtime.getConfig`, which returns the plain value without the warning
 * `Config.get` prints for secrets. Outside a Pulumi program the config store is empty, so this
 * returns undefined; any failure of the runtime to read config counts as "not set".
 *
 * @param key - the full key, for example `losant:apiToken`
 */
export function readStackConfig(key: string): string | undefined {
  try {
    const value: unknown = pulumiSdk().runtime.getConfig(key);
    return typeof value === "string" && value.trim() !== "" ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Settles the connection of one usage call: `options` first, then stack config, then the
 * environment (see {@link LosantConnectionOptions}); read at call time, never cached.
 *
 * @param options - per-call overrides
 * @param env - the environment to fall back on
 * @returns a client for the connection and its key for sharing in-flight requests
 * @throws LosantConfigError when no token is set anywhere, or the URL is not https (or plain
 *   http to a loopback host); the message names both ways to set the token, never its value
 */
export function settleConnection(
  options: LosantConnectionOptions = {},
  env: NodeJS.ProcessEnv = process.env,
): SettledConnection {
  const connection = resolveConnection(
    {
      token: firstSet(options.apiToken, readStackConfig(CONFIG_KEYS.token)),
      url: firstSet(options.apiUrl, readStackConfig(CONFIG_KEYS.url)),
    },
    env,
  );
  const client = new LosantClient({
    token: connection.token,
    url: connection.url,
    fetch: options.fetch,
    timeoutMs: options.timeoutMs,
  });
  const tokenDigest = createHash("sha256").update(connection.token).digest("hex").slice(0, 32);
  const transport = options.fetch === undefined ? "default" : `fetch#${transportId(options.fetch)}`;
  const key = [connection.url, tokenDigest, transport, options.timeoutMs ?? "default"].join("|");
  return { client, key };
}

function firstSet(...values: (string | undefined)[]): string | undefined {
  return values.find((value) => value !== undefined && value.trim() !== "");
}

const transportIds = new WeakMap<FetchLike, number>();
let transportCount = 0;

/** A number per distinct `fetch` function, so calls through different transports never share. */
function transportId(fetch: FetchLike): number {
  let id = transportIds.get(fetch);
  if (id === undefined) {
    id = ++transportCount;
    transportIds.set(fetch, id);
  }
  return id;
}
