import {
  CONFIG_KEYS,
  resolveConnection,
  resolveRetryDeadline,
  resolveTimeout,
} from "./losant/config";
import { LosantClient } from "./losant/client";
import { OrgReadBatcher } from "./losant/readBatch";
import { getProcessLocal, processLocal, setProcessLocal } from "./processLocal";

/** Settings read from the stack's configuration by the provider's `configure`. */
export interface ConnectionSettings {
  token?: string;
  url?: string;
}

// Process-local, never on the provider object or in a module variable: both are captured
// when the provider is serialized into the state, and the token must never land there.
const SETTINGS_KEY = "connectionSettings";

/** Stores the stack's settings for this process (called from the provider's `configure`). */
export function setConnectionSettings(settings: ConnectionSettings): void {
  setProcessLocal(SETTINGS_KEY, settings);
}

/** Reads `losant:apiToken` and `losant:apiUrl` from a dynamic provider's config. */
export function settingsFromConfig(config: {
  get(key: string): string | undefined;
}): ConnectionSettings {
  return { token: config.get(CONFIG_KEYS.token), url: config.get(CONFIG_KEYS.url) };
}

/**
 * A client for the configured API: stack config first, then `LOSANT_API_TOKEN` and
 * `LOSANT_API_URL`, read now (at run time), not when the program was written; the request
 * timeout from `LOSANT_API_TIMEOUT_MS` and the retry deadline from
 * `LOSANT_API_RETRY_DEADLINE_MS` when set. The same settings give the same client, so a
 * stack of many orgs resolves and checks them once, not once per request.
 *
 * @throws LosantConfigError when no token is configured, the URL is unsafe, or the timeout or
 *   retry deadline is not a positive integer
 */
export function connectedClient(): LosantClient {
  const settings = getProcessLocal<ConnectionSettings>(SETTINGS_KEY) ?? {};
  const env = process.env;
  const sources = [
    settings.token,
    settings.url,
    env[CONFIG_KEYS.tokenEnv],
    env[CONFIG_KEYS.urlEnv],
    env[CONFIG_KEYS.timeoutEnv],
    env[CONFIG_KEYS.retryDeadlineEnv],
  ];
  const cached = getProcessLocal<CachedClient>(CLIENT_KEY);
  if (cached !== undefined && sameSources(cached.sources, sources)) return cached.client;
  const deadlineMs = resolveRetryDeadline();
  const client = new LosantClient({
    ...resolveConnection(settings),
    timeoutMs: resolveTimeout(),
    retry: deadlineMs === undefined ? undefined : { deadlineMs },
  });
  setProcessLocal<CachedClient>(CLIENT_KEY, { sources, client });
  return client;
}

// Process-local like the settings: the client holds the token.
const CLIENT_KEY = "connectedClient";

interface CachedClient {
  sources: Array<string | undefined>;
  client: LosantClient;
}

function sameSources(a: ReadonlyArray<string | undefined>, b: ReadonlyArray<string | undefined>) {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

/**
 * The process's org reads, batched: reads the engine asks for together share one list
 * request (see `losant/readBatch.ts`). Each send uses {@link connectedClient}, so it throws
 * what that throws.
 */
export function orgReads(): OrgReadBatcher {
  return processLocal("orgReads", () => new OrgReadBatcher(connectedClient));
}

/**
 * Runs a write to the instance, dropping the process's list of the instance's orgs before and
 * after it (see `losant/readBatch.ts`), so no later read is answered from a list taken before
 * the write landed.
 *
 * @throws whatever `write` throws
 */
export async function writingTo<T>(instanceId: string, write: () => Promise<T>): Promise<T> {
  orgReads().forget(instanceId);
  try {
    return await write();
  } finally {
    orgReads().forget(instanceId);
  }
}
