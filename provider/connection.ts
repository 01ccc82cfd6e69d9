import { CONFIG_KEYS, resolveConnection, resolveTimeout } from "./losant/config";
import { LosantClient } from "./losant/client";
import { getProcessLocal, setProcessLocal } from "./processLocal";

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
 * timeout from `LOSANT_API_TIMEOUT_MS` when set.
 *
 * @throws LosantConfigError when no token is configured, the URL is unsafe or the timeout
 *   is not a positive integer
 */
export function connectedClient(): LosantClient {
  const settings = getProcessLocal<ConnectionSettings>(SETTINGS_KEY) ?? {};
  return new LosantClient({ ...resolveConnection(settings), timeoutMs: resolveTimeout() });
}
