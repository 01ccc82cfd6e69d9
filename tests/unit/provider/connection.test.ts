// The provider's connection: the settings `configure` stores, then the environment, resolved
// into one client that every step of the process shares until a setting changes.
import { connectedClient, setConnectionSettings } from "../../../provider/connection";
import { isLosantConfigError } from "../../../provider/losant/errors";

const ENV_KEYS = [
  "LOSANT_API_TOKEN",
  "LOSANT_API_URL",
  "LOSANT_API_TIMEOUT_MS",
  "LOSANT_API_RETRY_DEADLINE_MS",
] as const;
const saved = Object.fromEntries(ENV_KEYS.map((key) => [key, process.env[key]]));

beforeEach(() => {
  for (const key of ENV_KEYS) delete process.env[key];
  setConnectionSettings({ token: "token-a", url: "http://127.0.0.1:1" });
});

afterAll(() => {
  for (const key of ENV_KEYS) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
  setConnectionSettings({});
});

it("the same settings give the same client", () => {
  expect(connectedClient()).toBe(connectedClient());
});

it("new settings from configure give a new client", () => {
  const before = connectedClient();
  setConnectionSettings({ token: "token-b", url: "http://127.0.0.1:1" });
  expect(connectedClient()).not.toBe(before);
});

it("a changed environment variable gives a new client", () => {
  const before = connectedClient();
  process.env.LOSANT_API_TIMEOUT_MS = "1234";
  expect(connectedClient()).not.toBe(before);
});

it("a changed retry deadline gives a new client, and an invalid one is refused by name", () => {
  const before = connectedClient();
  process.env.LOSANT_API_RETRY_DEADLINE_MS = "5000";
  expect(connectedClient()).not.toBe(before);
  process.env.LOSANT_API_RETRY_DEADLINE_MS = "soon";
  expect(() => connectedClient()).toThrow("LOSANT_API_RETRY_DEADLINE_MS must be a positive");
});

it("no token anywhere is a LosantConfigError naming the setting, every time it is asked", () => {
  setConnectionSettings({});
  for (let i = 0; i < 2; i++) {
    let thrown: unknown;
    try {
      connectedClient();
    } catch (err) {
      thrown = err;
    }
    expect(isLosantConfigError(thrown)).toBe(true);
    expect((thrown as Error).message).toContain("losant:apiToken");
  }
});
