// Guards the `losant` provider plugin where a Pulumi YAML user meets it: the package installed
// from its npm pack tarball into a YAML project, the plugin found through Pulumi.yaml's
// `plugins.providers`, the plain `pulumi` CLI and the YAML language host. Two orgs and an
// invoke go through preview, up, no-change preview, refresh, a one-limit update and destroy;
// an explicit provider manages an org of a second instance with its own token; invalid inputs
// fail at preview with the property path; `pulumi import` adopts 50 orgs with 0 writes.
import fs from "node:fs";
import path from "node:path";
import yaml from "js-yaml";
import { startSimulator, type Simulator } from "../../simulator";
import { useSimulator } from "../helpers/simulator";
import { createOrg, orgNames, writesSeen } from "./api";
import { cli, describeUnlessMissing } from "./engine";
import {
  PLUGIN_PROVIDERS,
  itRejectsInvalidInput,
  itShowsNoChange,
  pluginProjectEnv,
} from "./pluginProject";
import {
  PLAIN_CLI_TIMEOUT,
  PULUMI_SDK,
  PlainProject,
  packRepository,
  useTemporaryDir,
} from "./plainCli";
import { seededInstall } from "./installSeeds";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { findYamlHost } = require("../../scripts/pulumi/yamlHost.js") as {
  findYamlHost(binDir: string): string | undefined;
};

const missing =
  cli === undefined
    ? "no Pulumi CLI was found on PATH or in the cache"
    : findYamlHost(cli.binDir) === undefined
      ? `no pulumi-language-yaml beside the Pulumi CLI in ${cli.binDir} (npm run pulumi:yaml)`
      : undefined;

const STACK = ["--stack", "dev"];
const ORG = "losant:index:InstanceOrg";

/** The YAML program: two orgs, one read through the invoke, one org of a second instance. */
function program(options: { acmeDevices: number; acmeName?: string }): Record<string, unknown> {
  return {
    name: "losant-yaml",
    runtime: "yaml",
    plugins: PLUGIN_PROVIDERS,
    config: {
      instanceId: { type: "string" },
      secondUrl: { type: "string" },
      secondToken: { type: "string", secret: true },
      secondInstanceId: { type: "string" },
    },
    resources: {
      acme: {
        type: ORG,
        properties: {
          instanceId: "${instanceId}",
          name: options.acmeName ?? "Acme (YAML)",
          limits: { device: options.acmeDevices },
        },
      },
      beta: { type: ORG, properties: { instanceId: "${instanceId}", name: "Beta (YAML)" } },
      second: {
        type: "pulumi:providers:losant",
        properties: { apiUrl: "${secondUrl}", apiToken: "${secondToken}" },
      },
      gamma: {
        type: ORG,
        properties: { instanceId: "${secondInstanceId}", name: "Gamma (second instance)" },
        options: { provider: "${second}" },
      },
    },
    variables: {
      acmeCounts: {
        "fn::invoke": {
          function: "losant:index:getDeviceCounts",
          arguments: { instanceId: "${instanceId}", orgId: "${acme.id}" },
        },
      },
    },
    outputs: {
      acmeId: "${acme.id}",
      gammaId: "${gamma.id}",
      acmeLatestDevices: "${acmeCounts.latestTotal}",
    },
  };
}

/** A YAML project with the package installed from `tarball`. */
async function yamlProject(
  dir: string,
  tarball: string,
  env: Record<string, string>,
): Promise<PlainProject> {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ private: true }));
  fs.copyFileSync(tarball, path.join(dir, path.basename(tarball)));
  const project = new PlainProject(dir, env);
  const specs = [`./${path.basename(tarball)}`, PULUMI_SDK];
  await seededInstall(dir, specs, async () => {
    const install = await project.bash(
      `npm install --no-audit --no-fund --prefer-offline ${specs.join(" ")}`,
    );
    if (install.code !== 0) throw new Error(`npm install failed:\n${install.stderr}`);
  });
  return project;
}

describeUnlessMissing(missing, "the losant plugin in a Pulumi YAML program", () => {
  const sim = useSimulator();
  const tmp = useTemporaryDir("pulumi-losant-yaml-");
  let second: Simulator;
  let project: PlainProject;
  let tarball: string;

  function write(spec: Record<string, unknown>): void {
    fs.writeFileSync(path.join(project.dir, "Pulumi.yaml"), yaml.dump(spec));
  }

  beforeAll(async () => {
    second = await startSimulator();
    tarball = await packRepository(tmp());
    const env = pluginProjectEnv(tmp(), sim(), "yaml");
    project = await yamlProject(path.join(tmp(), "yaml"), tarball, env);
    write(program({ acmeDevices: 100 }));
    await project.pulumi(["stack", "init", "dev"]);
    await project.pulumi(["config", "set", "instanceId", sim().instanceId, ...STACK]);
    await project.pulumi(["config", "set", "secondUrl", second.url, ...STACK]);
    await project.pulumi(["config", "set", "secondInstanceId", second.instanceId, ...STACK]);
    await project.pulumi(
      ["config", "set", "--secret", "secondToken", ...STACK],
      second.tokens.admin,
    );
  }, PLAIN_CLI_TIMEOUT);

  // The seeded simulator's log starts empty in each test (useSimulator); the second's too.
  beforeEach(() => second?.requests.reset());
  afterAll(async () => {
    await second?.close();
  });

  it(
    "preview plans the orgs and sends no write",
    async () => {
      const { stdout } = await project.pulumi(["preview", ...STACK]);
      expect(stdout).toMatch(/\+\s+losant:index:InstanceOrg\s+acme\s+create/);
      expect(stdout).toMatch(/\+\s+losant:index:InstanceOrg\s+gamma\s+create/);
      expect(writesSeen(sim())).toEqual([]);
      expect(writesSeen(second)).toEqual([]);
    },
    PLAIN_CLI_TIMEOUT,
  );

  it(
    "up creates two orgs, one in the second instance through the explicit provider, and reads device counts through the invoke",
    async () => {
      await project.pulumi(["up", ...STACK, "--yes"]);
      expect(orgNames(sim())).toEqual(["Acme (YAML)", "Beta (YAML)"]);
      expect(second.orgs().map((org) => org.name)).toEqual(["Gamma (second instance)"]);
      const { stdout } = await project.pulumi(["stack", "output", ...STACK, "--json"]);
      const outputs = JSON.parse(stdout);
      expect(outputs.acmeId).toBe(
        sim()
          .orgs()
          .find((org) => org.name === "Acme (YAML)")!.id,
      );
      expect(typeof outputs.acmeLatestDevices).toBe("number");
      expect(
        sim().requests.count({ route: "GET /instances/:instanceId/orgs/:orgId/deviceCounts" }),
      ).toBeGreaterThan(0);
    },
    PLAIN_CLI_TIMEOUT,
  );

  it("stores no provider text per org, and neither token in clear", async () => {
    const { stdout } = await project.pulumi(["stack", "export", ...STACK]);
    const resources = JSON.parse(stdout).deployment.resources as Array<{
      type: string;
      inputs?: Record<string, unknown>;
      outputs?: Record<string, unknown>;
    }>;
    const orgs = resources.filter((r) => r.type === ORG);
    expect(orgs).toHaveLength(3);
    for (const org of orgs) expect(JSON.stringify(org)).not.toContain("__provider");
    expect(stdout).not.toContain(sim().tokens.admin);
    expect(stdout).not.toContain(second.tokens.admin);
    expect(project.backendText()).not.toContain(second.tokens.admin);
  });

  const suite = { project: () => project, sims: () => [sim(), second], stack: STACK };
  itShowsNoChange(suite);

  itRejectsInvalidInput(
    suite,
    "limits.device",
    () => write(program({ acmeDevices: -1 })),
    () => write(program({ acmeDevices: 100 })),
  );

  it(
    "a one-limit change sends exactly one PATCH",
    async () => {
      write(program({ acmeDevices: 150 }));
      await project.pulumi(["up", ...STACK, "--yes"]);
      expect(writesSeen(sim())).toEqual(["PATCH /instances/:instanceId/orgs/:orgId"]);
      expect(
        sim()
          .orgs()
          .find((org) => org.name === "Acme (YAML)")!.limits?.device,
      ).toBe(150);
      await project.pulumi(["preview", ...STACK, "--expect-no-changes"]);
    },
    PLAIN_CLI_TIMEOUT,
  );

  it(
    "destroy deletes the orgs of both instances",
    async () => {
      await project.pulumi(["destroy", ...STACK, "--yes"]);
      expect(sim().orgs()).toEqual([]);
      expect(second.orgs()).toEqual([]);
    },
    PLAIN_CLI_TIMEOUT,
  );

  describe("pulumi import", () => {
    const COUNT = 50;
    let importer: PlainProject;
    let ids: string[];

    beforeAll(async () => {
      ids = [];
      for (let i = 0; i < COUNT; i++) ids.push(await createOrg(sim(), { name: `Existing ${i}` }));
      importer = await yamlProject(path.join(tmp(), "import"), tarball, project.env);
      fs.writeFileSync(
        path.join(importer.dir, "Pulumi.yaml"),
        yaml.dump({
          name: "losant-yaml-import",
          runtime: "yaml",
          plugins: PLUGIN_PROVIDERS,
        }),
      );
      await importer.pulumi(["stack", "init", "imp"]);
    }, PLAIN_CLI_TIMEOUT);

    it(
      `pulumi-losant import writes the input, pulumi import adopts ${COUNT} orgs with 0 POST and 0 PATCH and writes their declarations`,
      async () => {
        // What pulumi-losant import writes by default in a Pulumi YAML project.
        const bin = path.join(importer.dir, "node_modules/.bin/pulumi-losant");
        const written = await importer.bash(`${bin} import --instance-id ${sim().instanceId}`);
        expect(written.code).toBe(0);
        expect(written.stdout).toContain(`Wrote ${COUNT} of ${COUNT} orgs to import.json.`);
        const file = path.join(importer.dir, "import.json");
        sim().requests.reset();
        await importer.pulumi([
          "import",
          "--file",
          file,
          "--yes",
          // A preview first would read every org twice.
          "--skip-preview",
          "--out",
          path.join(importer.dir, "imported.yaml"),
          "--stack",
          "imp",
        ]);
        expect(writesSeen(sim())).toEqual([]);
        expect(sim().requests.count({ method: "GET" })).toBeLessThanOrEqual(COUNT + 1);
        const { stdout } = await importer.pulumi(["stack", "export", "--stack", "imp"]);
        const adopted = (
          JSON.parse(stdout).deployment.resources as Array<{ type: string; id: string }>
        )
          .filter((r) => r.type === ORG)
          .map((r) => r.id)
          .sort();
        expect(adopted).toEqual([...ids].sort());
      },
      PLAIN_CLI_TIMEOUT,
    );

    it(
      "the program with the generated declarations previews with no changes",
      async () => {
        const generated = yaml.load(
          fs.readFileSync(path.join(importer.dir, "imported.yaml"), "utf8"),
        ) as { resources: Record<string, unknown> };
        const file = path.join(importer.dir, "Pulumi.yaml");
        const spec = yaml.load(fs.readFileSync(file, "utf8")) as Record<string, unknown>;
        fs.writeFileSync(file, yaml.dump({ ...spec, resources: generated.resources }));
        await importer.pulumi(["preview", "--stack", "imp", "--expect-no-changes"]);
        expect(writesSeen(sim())).toEqual([]);
      },
      PLAIN_CLI_TIMEOUT,
    );
  });
});
