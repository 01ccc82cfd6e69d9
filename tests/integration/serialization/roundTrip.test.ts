// Guards what the engine really runs: the provider as serialized into the state, loaded in a
// fresh process by the dynamic provider host. A value the serializer cannot carry (a Set, a
// live handle), a dependency captured wrongly (a global `fetch` instead of node-fetch), a
// token captured into the text, or a provider that stops being captured by reference from an
// installed package (9.9 KB per org instead of a few hundred bytes) only shows up here.
// @profile-independent: what the serializer carries does not depend on how the server answers; runs under the default profile only.
import fs from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { LosantClient, isLosantApiError, type LosantApiError } from "../../../provider";
import { CHEAPEST_SUMMARY_FIELD } from "../../../provider/losant/org";
import { runNode } from "../../helpers/process";
import { useSimulator } from "../../helpers/simulator";
import { installedLayout } from "./installedLayout";

const ROOT = path.resolve(__dirname, "../../..");
const SERIALIZE = path.join(__dirname, "serialize.js");
const HOST = path.join(__dirname, "host.js");
const CONFIG_TOKEN = "configured-token-that-must-not-be-serialized";
const ENV_TOKEN = "environment-token-that-must-not-be-serialized";
/** The most provider text an org may carry in its inputs and again in its outputs. */
const MAX_INSTALLED_PROVIDER_BYTES = 1024;

const sim = useSimulator();
let refusedUrl: string;
let installedDir: string;

beforeAll(async () => {
  refusedUrl = await closedLoopbackUrl();
  installedDir = installedLayout();
});

afterAll(() => fs.rmSync(installedDir, { recursive: true, force: true }));

async function closedLoopbackUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

const texts = new Map<string, Promise<string>>();

/**
 * The provider's text as `pulumi.dynamic.Resource` serializes it, from a program in `cwd`
 * (serialized once per program folder).
 */
function serialize(cwd: string, providerModule: string): Promise<string> {
  if (!texts.has(cwd)) {
    const env = { SERIALIZE_CONFIG_TOKEN: CONFIG_TOKEN, LOSANT_API_TOKEN: ENV_TOKEN };
    texts.set(
      cwd,
      runNode([SERIALIZE, providerModule], { cwd, env }).then((result) => result.stdout),
    );
  }
  return texts.get(cwd)!;
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
  /** Whether ajv was loaded after every other step, just before `check`. */
  validatorBeforeCheck: boolean;
  validatorAfterCheck: boolean;
}

async function runInHost(cwd: string, serialized: string): Promise<HostOutcome> {
  const result = await runNode([HOST], {
    cwd,
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

/** Where a program runs, and how it names the module exporting `instanceOrgProvider`. */
interface Form {
  cwd: () => string;
  providerModule: string;
}

const FORMS: Array<[string, Form]> = [
  // The compiled source tree, as a program in this repository uses it (npm test builds first).
  ["the source tree", { cwd: () => ROOT, providerModule: "./dist/provider" }],
  [
    "the installed package",
    { cwd: () => installedDir, providerModule: "pulumi-losant/dist/provider/index.js" },
  ],
];

describe.each(FORMS)("the provider serialized from %s", (_name, form) => {
  let serialized: string;

  beforeAll(async () => {
    serialized = await serialize(form.cwd(), form.providerModule);
  }, 60_000);

  it("holds neither the configured token nor the environment's", () => {
    expect(serialized).not.toContain(CONFIG_TOKEN);
    expect(serialized).not.toContain(ENV_TOKEN);
    expect(serialized).toContain("exports.handler");
  });

  it("holds no schema validator compiled in the serializing process", () => {
    // ajv's generated code collects its errors in `vErrors`.
    expect(serialized).not.toContain("vErrors");
  });

  it("runs create, diff, read, update and delete in a fresh process against the API", async () => {
    const outcome = await runInHost(form.cwd(), serialized);
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

  it("loads the schema validator only when inputs are checked", async () => {
    // A refresh or destroy never checks inputs; ajv is most of what loading the provider costs.
    const outcome = await runInHost(form.cwd(), serialized);
    expect(outcome.validatorBeforeCheck).toBe(false);
    expect(outcome.validatorAfterCheck).toBe(true);
  }, 60_000);

  it("classifies a refused connection as the in-process client does", async () => {
    const outcome = await runInHost(form.cwd(), serialized);
    const inProcess = await new LosantClient({
      token: sim().tokens.admin,
      url: refusedUrl,
      retry: { retries: 0 },
    })
      // The same request as the provider's read, which names one summary field.
      .getOrg(sim().instanceId, outcome.created.id, { summaryInclude: [CHEAPEST_SUMMARY_FIELD] })
      .catch((err: unknown) => err);
    expect(isLosantApiError(inProcess)).toBe(true);
    const { type, apiMessage } = inProcess as LosantApiError;
    expect(outcome.refused).toMatchObject({ name: "LosantApiError", type, apiMessage });
    expect(apiMessage).toContain("ECONNREFUSED");
  }, 60_000);
});

describe("the provider serialized from the source tree", () => {
  it("captures node-fetch v2 as a module, not the global fetch", async () => {
    const serialized = await serialize(ROOT, "./dist/provider");
    expect(serialized).toContain('require("node-fetch/lib/index.js")');
  }, 60_000);
});

describe("the provider serialized from the installed package", () => {
  it("is a require of the provider module by its package path, and nothing else", async () => {
    const serialized = await serialize(installedDir, "pulumi-losant/dist/provider/index.js");
    expect(serialized.match(/require\("[^"]*"\)/g)).toEqual([
      'require("pulumi-losant/dist/provider/instanceOrgProvider.js")',
    ]);
    expect(Buffer.byteLength(serialized)).toBeLessThanOrEqual(MAX_INSTALLED_PROVIDER_BYTES);
  }, 60_000);
});
