/**
 * The provider's configuration: `losant:apiToken`, `losant:apiUrl`, `losant:timeoutMs` and
 * `losant:instanceId` for the default provider, or the same names as inputs of an explicit
 * provider resource. Each falls back on its environment variable, as the dynamic resource does.
 */
import { setConnectionSettings } from "../provider/connection";
import { CONFIG_KEYS } from "../provider/losant/config";
import { LosantConfigError } from "../provider/losant/errors";
import { plainValue } from "./values";

/** One provider setting as the schema documents it. */
export interface ProviderSetting {
  type: "string" | "integer";
  description: string;
  secret?: boolean;
  environment?: string;
}

/** Every provider setting, by name. */
export const PROVIDER_CONFIG: Record<string, ProviderSetting> = {
  apiToken: {
    type: "string",
    secret: true,
    environment: CONFIG_KEYS.tokenEnv,
    description:
      "The Losant API token. Kept secret: never in state, outputs or logs in clear. `all.Instance` covers every call.",
  },
  apiUrl: {
    type: "string",
    environment: CONFIG_KEYS.urlEnv,
    description:
      "The API's base URL (default https://api.losant.com): https, or http to loopback only.",
  },
  timeoutMs: {
    type: "integer",
    environment: CONFIG_KEYS.timeoutEnv,
    description: "Timeout of each request, in milliseconds (default 30000).",
  },
  instanceId: {
    type: "string",
    description:
      "The instance `pulumi import` reads an org from, when the import ID is an org ID alone.",
  },
};

/** The settings one provider process was configured with. */
export interface PluginSettings {
  apiToken?: string;
  apiUrl?: string;
  timeoutMs?: number;
  instanceId?: string;
}

let current: PluginSettings = {};

/** The settings of the last Configure. */
export function pluginSettings(): PluginSettings {
  return current;
}

/**
 * Reads a Configure request's values: `args` (the provider's inputs) when the engine sends
 * them, else its config variables (`losant:config:apiToken` or `losant:apiToken`). Applies the
 * connection to the shared provider steps.
 *
 * @throws LosantConfigError naming `timeoutMs` when it is not a positive integer
 */
export function configure(
  args: Record<string, unknown> | undefined,
  variables: ReadonlyMap<string, string>,
): PluginSettings {
  const read = (key: string): string | undefined => {
    const value = plainValue(args?.[key]);
    if (typeof value === "string" && value !== "") return value;
    if (typeof value === "number") return String(value);
    return variables.get(`losant:config:${key}`) ?? variables.get(`losant:${key}`) ?? undefined;
  };
  const timeout = read("timeoutMs");
  if (timeout !== undefined && !/^\d+$/.test(timeout)) {
    throw new LosantConfigError(
      "losant:timeoutMs",
      `losant:timeoutMs must be a positive number of milliseconds, not "${timeout}".`,
    );
  }
  current = {
    apiToken: read("apiToken"),
    apiUrl: read("apiUrl"),
    timeoutMs: timeout === undefined ? undefined : Number(timeout),
    instanceId: read("instanceId"),
  };
  setConnectionSettings({ token: current.apiToken, url: current.apiUrl });
  // The shared steps read the timeout where the dynamic resource takes it from.
  if (current.timeoutMs !== undefined)
    process.env[CONFIG_KEYS.timeoutEnv] = String(current.timeoutMs);
  return current;
}
