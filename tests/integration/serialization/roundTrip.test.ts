// Guards what the engine really runs: the provider as serialized into the state, loaded in a
// fresh process by the dynamic provider host. A value the serializer cannot carry (a Set, a
// live handle), a dependency captured wrongly (a global `fetch` instead of node-fetch) or a
// token captured into the text only shows up here.
import { createServer } from "node:net";
import path from "node:path";
import { LosantClient, isLosantApiError, type LosantApiError } from "../../../provider";
import { runNode } from "../../helpers/process";
import { useSimulator } from "../../helpers/simulator";

const ROOT = path.resolve(__dirname, "../../..");
const HERE = path.relative(ROOT, __dirname);
const CONFIG_TOKEN = "configured-token-that-must-not-be-serialized";
const ENV_TOKEN = "environment-token-that-must-not-be-serialized";

const sim = useSimulator();
let serialized: string;
let refusedUrl: string;

beforeAll(async () => {
  // The compiled source tree, as a program in this repository uses it (npm test builds first).
  const result = await runNode([path.join(HERE, "serialize.js"), "./dist/provider"], {
    cwd: ROOT,
    env: { SERIALIZE_CONFIG_TOKEN: CONFIG_TOKEN, LOSANT_API_TOKEN: ENV_TOKEN },
  });
  serialized = result.stdout;
  refusedUrl = await closedLoopbackUrl();
}, 60_000);

async function closedLoopbackUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

/** What host.js prints: the results of each provider step, as JSON. */
interface HostOutcome {
  created: { id: string; outs: Record<string, unknown> };
  diffAfterCreate: { changes: boolean };
  read: { id: string };
  updated: { outs: { description?: string } };
  readAfterDelete: { id: string };
  deleteAgain: string;
  refused: Record<string, unknown>;
  check: { failures: unknown[] };
}

async function runInHost(): Promise<HostOutcome> {
  const result = await runNode([path.join(HERE, "host.js")], {
    cwd: ROOT,
    input: serialized,
    env: {
      HOST_API_URL: sim().url,
      HOST_API_TOKEN: sim().tokens.admin,
      HOST_INSTANCE_ID: sim().instanceId,
      HOST_REFUSED_URL: refusedUrl,
    },
  });
  return JSON.parse(result.stdout);
}

it("holds neither the configured token nor the environment's", () => {
  expect(serialized).not.toContain(CONFIG_TOKEN);
  expect(serialized).not.toContain(ENV_TOKEN);
  expect(serialized).toContain("exports.handler");
});

it("holds no schema validator compiled in the serializing process", () => {
  // ajv's generated code collects its errors in `vErrors`.
  expect(serialized).not.toContain("vErrors");
});

it("captures node-fetch v2 as a module, not the global fetch", () => {
  expect(serialized).toContain('require("node-fetch/lib/index.js")');
});

it("runs create, diff, read, update and delete in a fresh process against the API", async () => {
  const outcome = await runInHost();
  expect(outcome.created.outs).toMatchObject({ name: "serialized", limits: { device: 4 } });
  expect(outcome.diffAfterCreate).toMatchObject({ changes: false });
  expect(outcome.read.id).toBe(outcome.created.id);
  expect(outcome.updated.outs.description).toBe("updated");
  expect(outcome.readAfterDelete).toEqual({ id: "" });
  expect(outcome.deleteAgain).toBe("ok");
  expect(sim().requests.entries.map((entry) => entry.route)).toEqual([
    "POST /instances/:instanceId/orgs",
    "GET /instances/:instanceId/orgs/:orgId",
    "PATCH /instances/:instanceId/orgs/:orgId",
    "DELETE /instances/:instanceId/orgs/:orgId",
    "GET /instances/:instanceId/orgs/:orgId",
    "DELETE /instances/:instanceId/orgs/:orgId",
  ]);
  expect(outcome.check.failures).toEqual([
    { property: "limits", reason: "limits.dataTTL must be >= 86400 (minimum)" },
  ]);
}, 60_000);

it("classifies a refused connection as the in-process client does", async () => {
  const outcome = await runInHost();
  const inProcess = await new LosantClient({
    token: sim().tokens.admin,
    url: refusedUrl,
    retry: { retries: 0 },
  })
    .getOrg(sim().instanceId, outcome.created.id)
    .catch((err: unknown) => err);
  expect(isLosantApiError(inProcess)).toBe(true);
  const { type, apiMessage } = inProcess as LosantApiError;
  expect(outcome.refused).toMatchObject({ name: "LosantApiError", type, apiMessage });
  expect(apiMessage).toContain("ECONNREFUSED");
}, 60_000);
