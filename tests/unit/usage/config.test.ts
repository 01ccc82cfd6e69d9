// Guards how a usage call finds its connection: per-call options, then stack config, then
// the environment, read at call time; and that the token never shows in a key or an error.
import * as pulumi from "@pulumi/pulumi";
import { getDeviceCounts, isLosantConfigError } from "../../../sdk";
import { readStackConfig, settleConnection } from "../../../sdk/config";
import { INSTANCE_ID, ORG_ID, recordingFetch, TOKEN } from "./recordingFetch";

const ENV_URL = "https://env.example.test";
const env = { LOSANT_API_TOKEN: "env-token", LOSANT_API_URL: ENV_URL };

afterEach(() => {
  pulumi.runtime.setAllConfig({});
});

/** The base URL a settled connection sends to, read through one request. */
async function urlUsed(opts: Parameters<typeof getDeviceCounts>[1]): Promise<string> {
  const recording = recordingFetch();
  await getDeviceCounts(
    { instanceId: INSTANCE_ID, orgId: ORG_ID },
    { ...opts, fetch: recording.options.fetch },
  );
  return recording.urls[0].origin;
}

describe("settleConnection", () => {
  it("falls back to the environment when neither options nor stack config set anything", () => {
    expect(settleConnection({}, env).key).toMatch(/^https:\/\/env\.example\.test\|/);
  });

  it("prefers stack config over the environment", () => {
    pulumi.runtime.setConfig("losant:apiUrl", "https://config.example.test");
    expect(settleConnection({}, env).key).toMatch(/^https:\/\/config\.example\.test\|/);
  });

  it("prefers per-call options over stack config", () => {
    pulumi.runtime.setConfig("losant:apiUrl", "https://config.example.test");
    expect(settleConnection({ apiUrl: "https://option.example.test" }, env).key).toMatch(
      /^https:\/\/option\.example\.test\|/,
    );
  });

  it("keeps the token out of the connection key", () => {
    expect(settleConnection({ apiToken: TOKEN }, env).key).not.toContain(TOKEN);
  });

  it("gives different tokens different keys", () => {
    expect(settleConnection({ apiToken: "a" }, env).key).not.toBe(
      settleConnection({ apiToken: "b" }, env).key,
    );
  });

  it("names both ways to set the token when none is set", () => {
    let error: unknown;
    try {
      settleConnection({}, {});
    } catch (err) {
      error = err;
    }
    expect(isLosantConfigError(error)).toBe(true);
    expect((error as Error).message).toMatch(/losant:apiToken.*LOSANT_API_TOKEN/);
  });

  it("refuses plain http to a host that is not loopback", () => {
    expect(() => settleConnection({ apiToken: TOKEN, apiUrl: "http://example.com" }, {})).toThrow(
      /plain http/,
    );
  });
});

describe("readStackConfig", () => {
  it("reads a value set in stack config", () => {
    pulumi.runtime.setConfig("losant:apiToken", "from-config");
    expect(readStackConfig("losant:apiToken")).toBe("from-config");
  });

  it("returns undefined when the key is not set, as outside a Pulumi program", () => {
    expect(readStackConfig("losant:apiToken")).toBeUndefined();
  });
});

describe("usage calls", () => {
  it("use the URL from stack config when the options leave it out", async () => {
    pulumi.runtime.setConfig("losant:apiUrl", "https://config.example.test");
    expect(await urlUsed({ apiToken: TOKEN })).toBe("https://config.example.test");
  });

  it("read stack config at call time, not when the module was loaded", async () => {
    pulumi.runtime.setConfig("losant:apiUrl", "https://first.example.test");
    await urlUsed({ apiToken: TOKEN });
    pulumi.runtime.setConfig("losant:apiUrl", "https://second.example.test");
    expect(await urlUsed({ apiToken: TOKEN })).toBe("https://second.example.test");
  });
});
