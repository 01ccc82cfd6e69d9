// `pulumi-losant import` against the simulator over real HTTP: it must see every org of the
// instance across pages, write what the default program or a TypeScript program declares,
// and stop with a clear message, writing nothing, when the instance, the token or the target
// file is wrong.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import yaml from "js-yaml";
import { runImport, type ImportIo, type PulumiRunner } from "../../../cli/import";
import { LosantClient } from "../../../provider";
import { useSimulator } from "../../helpers/simulator";
import { declaredBy, membersDeclaredBy } from "../../unit/cli/import/generatedModule";

const sim = useSimulator();
const LIST = "GET /instances/:instanceId/orgs";
const MEMBERS = "GET /instances/:instanceId/orgs/:orgId/members";
let cwd: string;
let printed: string[];

beforeEach(() => {
  cwd = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-losant-import-"));
  printed = [];
});

afterEach(() => fs.rmSync(cwd, { recursive: true, force: true }));

/** The command's surroundings: the simulator in the environment, no Pulumi CLI unless given. */
function io(overrides: Partial<ImportIo> = {}): ImportIo {
  return {
    env: { LOSANT_API_URL: sim().url, LOSANT_API_TOKEN: sim().tokens.admin },
    cwd,
    pulumi: async () => {
      throw new Error("no pulumi in this test");
    },
    print: (line) => printed.push(line),
    ...overrides,
  };
}

/** A fresh instance holding orgs made from `bodies`, created in order; returns its ID. */
async function instanceWith(bodies: Array<Record<string, unknown>>): Promise<string> {
  const instanceId = sim().addInstance();
  const client = new LosantClient({ token: sim().tokens.admin, url: sim().url });
  // In batches: the order within one only matters to tests of a few orgs, each its own batch.
  const batch = bodies.length > 10 ? 25 : 1;
  for (let i = 0; i < bodies.length; i += batch) {
    const some = bodies.slice(i, i + batch) as Array<{ name: string }>;
    await Promise.all(some.map((body) => client.createOrg(instanceId, body)));
  }
  sim().requests.reset();
  return instanceId;
}

function stackOrgs(file: string): Array<Record<string, unknown>> {
  const document = yaml.load(fs.readFileSync(file, "utf8")) as { config: Record<string, never> };
  return document.config["losant-orgs:orgs"];
}

describe("yaml", () => {
  it("declares every org of the instance, read across pages, with orgId and the default fields", async () => {
    const bodies = Array.from({ length: 201 }, (_, i) => ({ name: `org ${i}` }));
    const instanceId = await instanceWith(bodies);
    await runImport(["--instance-id", instanceId, "--stack", "dev", "--format", "yaml"], io());

    const entries = stackOrgs(path.join(cwd, "Pulumi.dev.yaml"));
    expect(entries).toHaveLength(201);
    const held = sim().orgs(instanceId);
    const first = held.find((org) => org.name === "org 0")!;
    expect(entries.find((entry) => entry.orgId === first.id)).toEqual({
      resource: "org-0",
      orgId: first.id,
      name: "org 0",
      description: first.description,
      tags: first.tags,
      mfaMode: first.mfaMode,
      whitelistedEmailDomains: first.whitelistedEmailDomains,
      auditLogEnabled: first.auditLogEnabled,
    });
    expect(sim().requests.count({ route: LIST })).toBe(3);
    expect(sim().requests.count({ route: MEMBERS })).toBe(201);
    expect(sim().requests.entries.every((entry) => entry.method === "GET")).toBe(true);
  });

  it("names orgs that share a name apart, the oldest keeping the plain name", async () => {
    const instanceId = await instanceWith([{ name: "Twin" }, { name: "Twin" }]);
    await runImport(["--instance-id", instanceId, "--out", "twins.yaml", "--format", "yaml"], io());
    const [older, newer] = sim().orgs(instanceId);
    expect(stackOrgs(path.join(cwd, "twins.yaml")).map((e) => [e.resource, e.orgId])).toEqual([
      ["twin", older.id],
      [`twin-${newer.id}`, newer.id],
    ]);
  });

  it("reads the token, URL and instance from the stack's config in a project folder", async () => {
    const instanceId = await instanceWith([{ name: "From stack" }]);
    fs.writeFileSync(path.join(cwd, "Pulumi.yaml"), "name: losant-orgs\nruntime: nodejs\n");
    const calls: string[][] = [];
    const pulumi: PulumiRunner = async (args) => {
      calls.push([...args]);
      return JSON.stringify({
        "losant:apiToken": { value: sim().tokens.admin, secret: true },
        "losant:apiUrl": { value: sim().url, secret: false },
        "losant-orgs:instanceId": { value: instanceId, secret: false },
      });
    };
    await runImport(["--stack", "prod"], io({ env: {}, pulumi }));
    expect(calls).toEqual([["config", "--json", "--show-secrets", "--stack", "prod"]]);
    expect(stackOrgs(path.join(cwd, "Pulumi.prod.yaml")).map((e) => e.name)).toEqual([
      "From stack",
    ]);
  });
});

describe("ts", () => {
  it("writes InstanceOrg declarations of the selected orgs only", async () => {
    const instanceId = await instanceWith([
      { name: "Acme Prod", tags: [{ key: "env", value: "prod" }] },
      { name: "Acme Dev", tags: [{ key: "env", value: "dev" }] },
      { name: "Globex", tags: [{ key: "env", value: "prod" }] },
    ]);
    const argv = ["--instance-id", instanceId, "--format", "ts", "--name-glob", "acme*"];
    await runImport([...argv, "--tag", "env=prod", "--fields", "name,tags"], io());
    const source = fs.readFileSync(path.join(cwd, "orgs.ts"), "utf8");
    expect(source).toContain('"acme-prod": new InstanceOrg("acme-prod", {');
    expect(source).toContain('name: "Acme Prod",');
    expect(source).not.toContain("Globex");
    expect(source).not.toContain("Acme Dev");
    expect(source).not.toContain("limits:");
  });
});

describe("the folder's project", () => {
  it("writes a TypeScript module in a user's project, and says how to use it", async () => {
    const instanceId = await instanceWith([{ name: "Mine" }]);
    fs.writeFileSync(path.join(cwd, "Pulumi.yaml"), "name: my-orgs\nruntime: nodejs\n");
    await runImport(["--instance-id", instanceId], io());
    expect(fs.readdirSync(cwd).sort()).toEqual(["Pulumi.yaml", "orgs.ts"]);
    expect(printed.join("\n")).toContain('add `import "./orgs";` to your program');
  });

  it("refuses yaml in a user's project, writing nothing", async () => {
    const instanceId = await instanceWith([{ name: "Mine" }]);
    fs.writeFileSync(path.join(cwd, "Pulumi.yaml"), "name: my-orgs\nruntime: nodejs\n");
    const run = runImport(
      ["--instance-id", instanceId, "--format", "yaml", "--stack", "dev"],
      io(),
    );
    await expect(run).rejects.toThrow(/Use --format ts/);
    expect(fs.readdirSync(cwd)).toEqual(["Pulumi.yaml"]);
    expect(sim().requests.entries).toEqual([]);
  });
});

describe("limits and members", () => {
  it("leaves out the limits most orgs share, unless --all-limits", async () => {
    const instanceId = await instanceWith([
      { name: "Small", limits: { device: 10 } },
      { name: "Plain one" },
      { name: "Plain two" },
    ]);
    await runImport(["--instance-id", instanceId, "--no-members"], io());
    const declared = Object.fromEntries(
      declaredBy(fs.readFileSync(path.join(cwd, "orgs.ts"), "utf8")),
    );
    expect(declared.small.limits).toEqual({ device: 10 });
    expect(declared["plain-one"]).not.toHaveProperty("limits");

    fs.rmSync(path.join(cwd, "orgs.ts"));
    await runImport(["--instance-id", instanceId, "--no-members", "--all-limits"], io());
    const all = Object.fromEntries(declaredBy(fs.readFileSync(path.join(cwd, "orgs.ts"), "utf8")));
    expect(all["plain-one"].limits).toEqual(sim().orgs(instanceId)[1].limits);
  });

  it("declares each org's members by userId, and none with --no-members", async () => {
    const instanceId = await instanceWith([{ name: "Team" }]);
    const user = sim().users(instanceId)[0];
    const client = new LosantClient({ token: sim().tokens.admin, url: sim().url });
    const orgId = sim().orgs(instanceId)[0].id;
    await client.addMember(instanceId, orgId, { userId: user.id, role: "admin" });
    await runImport(["--instance-id", instanceId], io());
    const source = fs.readFileSync(path.join(cwd, "orgs.ts"), "utf8");
    expect(membersDeclaredBy(source)).toEqual([
      [`team/${user.email}`, { instanceId, orgId, userId: user.id, role: "admin" }, "team"],
    ]);
    expect(printed.join("\n")).toContain("1 of 1 orgs and their 1 members");

    fs.rmSync(path.join(cwd, "orgs.ts"));
    sim().requests.reset();
    await runImport(["--instance-id", instanceId, "--no-members"], io());
    expect(fs.readFileSync(path.join(cwd, "orgs.ts"), "utf8")).not.toContain("InstanceOrgMember");
    expect(sim().requests.count({ route: MEMBERS })).toBe(0);
  });
});

describe("--list", () => {
  it("prints resource name, ID and name of each selected org, and writes nothing", async () => {
    const instanceId = await instanceWith([{ name: "Listed" }, { name: "Other" }]);
    const result = await runImport(
      ["--instance-id", instanceId, "--list", "--name", "Listed"],
      io(),
    );
    const [listed] = sim().orgs(instanceId);
    expect(printed).toEqual([`listed\t${listed.id}\tListed`, "1 of 2 orgs selected"]);
    expect(result.file).toBeUndefined();
    expect(fs.readdirSync(cwd)).toEqual([]);
  });
});

describe("errors", () => {
  it("names an unknown instance and the URL it was looked for at", async () => {
    const missing = "0123456789abcdef01234567";
    await expect(runImport(["--instance-id", missing, "--stack", "s"], io())).rejects.toThrow(
      `instance ${missing} was not found at ${sim().url}`,
    );
    expect(fs.readdirSync(cwd)).toEqual([]);
  });

  it("says which scopes a token without the list scope needs", async () => {
    const token = sim().addToken(["instanceOrg.get"]);
    const env = { LOSANT_API_URL: sim().url, LOSANT_API_TOKEN: token };
    const run = runImport(["--instance-id", sim().instanceId, "--stack", "s"], io({ env }));
    await expect(run).rejects.toThrow(
      /the token cannot list the orgs of instance \w+ \(403 Forbidden\): it needs one of the scopes .*instanceOrgs\.get/,
    );
  });

  it("says a refused token is invalid or expired, naming no scope", async () => {
    const env = { LOSANT_API_URL: sim().url, LOSANT_API_TOKEN: "not-a-token" };
    const run = runImport(["--instance-id", sim().instanceId, "--stack", "s"], io({ env }));
    await expect(run).rejects.toThrow(
      /the token was refused listing the orgs of instance \w+ \(401 \w+\): it is invalid or expired/,
    );
    await expect(run).rejects.not.toThrow(/scope/);
  });

  it("never overwrites an existing file without --force, and replaces it with it", async () => {
    const instanceId = await instanceWith([{ name: "Kept" }]);
    const file = path.join(cwd, "orgs.ts");
    fs.writeFileSync(file, "// mine\n");
    const argv = ["--instance-id", instanceId, "--format", "ts"];
    await expect(runImport(argv, io())).rejects.toThrow(`${file} exists; pass --force`);
    expect(fs.readFileSync(file, "utf8")).toBe("// mine\n");
    await runImport([...argv, "--force"], io());
    expect(fs.readFileSync(file, "utf8")).toContain('"kept": new InstanceOrg("kept"');
  });

  it("asks for an instance ID when none is given anywhere", async () => {
    await expect(runImport([], io())).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringContaining("no instance ID: pass --instance-id ID"),
    });
  });
});
