// Guards the default transport: node-fetch v2, the CommonJS one the dynamic provider host can
// `require` on every Node. Its refused-connection error (NetworkError, "ECONNREFUSED" in the
// message) is the fingerprint the serialization round trip compares; Node's global fetch
// would say "fetch failed" instead.
import net from "node:net";
import nodeFetch from "node-fetch";
import { LosantClient } from "../../../provider/losant/client";
import { resolveClientOptions } from "../../../provider/losant/options";
import { INSTANCE_ID, ORG_ID, TOKEN, failureOf } from "./fakeFetch";

/** A loopback port nothing listens on: bound, noted, then closed. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve, reject) =>
    server.close((err) => (err ? reject(err) : resolve())),
  );
  return port;
}

describe("default transport", () => {
  it("is node-fetch when no fetch is given", () => {
    expect(resolveClientOptions({ token: TOKEN, url: "https://x.example.com" }).fetch).toBe(
      nodeFetch,
    );
  });

  it("fails a refused connection with type NetworkError whose apiMessage mentions ECONNREFUSED", async () => {
    const port = await closedPort();
    const client = new LosantClient({
      token: TOKEN,
      url: `http://127.0.0.1:${port}`,
      retry: { retries: 0 },
    });
    const err = await failureOf(client.getOrg(INSTANCE_ID, ORG_ID));
    expect(err).toMatchObject({ type: "NetworkError", status: undefined, outcomeUnknown: true });
    expect(err.apiMessage).toContain("ECONNREFUSED");
  });
});

describe("default options", () => {
  it("fill in a 30 s timeout, 4 retries, 250 ms to 8 s backoff and a 60 s deadline", () => {
    const options = resolveClientOptions({ token: TOKEN, url: "https://x.example.com/" });
    expect(options).toMatchObject({
      url: "https://x.example.com",
      timeoutMs: 30_000,
      retry: { retries: 4, minDelayMs: 250, maxDelayMs: 8_000, deadlineMs: 60_000 },
      random: Math.random,
      now: Date.now,
    });
  });

  it("keep the retry defaults for the settings a partial retry option leaves out", () => {
    const options = resolveClientOptions({ token: TOKEN, url: "https://x", retry: { retries: 1 } });
    expect(options.retry).toEqual({
      retries: 1,
      minDelayMs: 250,
      maxDelayMs: 8_000,
      deadlineMs: 60_000,
    });
  });
});
