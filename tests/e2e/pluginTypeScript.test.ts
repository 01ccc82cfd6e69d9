// Guards the TypeScript SDK generated from the plugin's schema (plugin/sdks/nodejs, Pulumi's
// own code generator) on the plain `pulumi` CLI: the SDK compiled and installed beside the
// package from its npm pack tarball; one program manages orgs of two instances through the
// default provider and an explicit one with its own token, reads device counts through the
// invoke, and goes through preview, up, no-change preview and refresh, a one-limit update and
// destroy; an invalid input fails at preview with its property path.
import fs from "node:fs";
import path from "node:path";
import { startSimulator, type Simulator } from "../../simulator";
import { useSimulator } from "../helpers/simulator";
import { writesSeen } from "./api";
import {
  itRejectsInvalidInput,
  itShowsNoChange,
  pluginProjectEnv,
  pluginProjectFile,
} from "./pluginProject";
import {
  PLAIN_CLI_TIMEOUT,
  PULUMI_SDK,
  PlainProject,
  describePlainCli,
  packRepository,
  useTemporaryDir,
} from "./plainCli";

const ROOT = path.resolve(__dirname, "../..");
const TSC = path.join(ROOT, "node_modules/typescript/bin/tsc");
const STACK = ["--stack", "dev"];

/** The program, with `device` as acme's device limit. */
function program(device: number): string {
  return `import * as pulumi from "@pulumi/pulumi";
import * as losant from "@pulumi-losant/losant";

const config = new pulumi.Config();
const instanceId = config.require("instanceId");
const second = new losant.Provider("second", {
  apiUrl: config.require("secondUrl"),
  apiToken: config.requireSecret("secondToken"),
});
const acme = new losant.InstanceOrg("acme", { instanceId, name: "Acme (TS SDK)", limits: { device: ${device} } });
const gamma = new losant.InstanceOrg(
  "gamma",
  { instanceId: config.require("secondInstanceId"), name: "Gamma (TS SDK)" },
  { provider: second },
);
export const acmeId = acme.id;
export const gammaId = gamma.id;
export const acmeLatestDevices = losant
  .getDeviceCountsOutput({ instanceId, orgId: acme.id })
  .apply((counts) => counts.latestTotal);
`;
}

describePlainCli("the generated TypeScript SDK on the plain pulumi CLI", () => {
  const sim = useSimulator();
  const tmp = useTemporaryDir("pulumi-losant-tssdk-");
  let second: Simulator;
  let project: PlainProject;

  beforeAll(async () => {
    second = await startSimulator();
    const tarball = await packRepository(tmp());
    // The SDK as a publisher builds it: tsc into bin/, the manifest beside it.
    const sdk = path.join(tmp(), "sdk");
    fs.cpSync(path.join(ROOT, "plugin/sdks/nodejs"), sdk, { recursive: true });
    const manifest = JSON.parse(fs.readFileSync(path.join(sdk, "package.json"), "utf8"));
    manifest.version = "0.1.0";
    const dir = path.join(tmp(), "program");
    fs.mkdirSync(dir);
    fs.writeFileSync(
      path.join(dir, "package.json"),
      JSON.stringify({ private: true, dependencies: {} }),
    );
    project = new PlainProject(dir, pluginProjectEnv(tmp(), sim(), "tssdk"));
    const install = await project.bash(
      [
        `npm install --no-audit --no-fund --prefer-offline ${tarball} ${PULUMI_SDK} typescript@^5.9.0 @types/node@^20.19.0`,
        `cd ${sdk} && ln -s ${dir}/node_modules node_modules && node ${TSC} -p .`,
        `cp ${sdk}/README.md ${sdk}/bin/ && echo '${JSON.stringify(manifest)}' > ${sdk}/bin/package.json`,
        // Packed, as a registry would serve it: a folder install would only link it.
        `rm ${sdk}/node_modules && cd ${sdk}/bin && npm pack --pack-destination ${sdk} >/dev/null`,
        `cd ${dir} && npm install --no-audit --no-fund --prefer-offline ${sdk}/pulumi-losant-losant-0.1.0.tgz`,
      ].join(" && "),
    );
    if (install.code !== 0)
      throw new Error(`install failed:\n${install.stdout}\n${install.stderr}`);
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), pluginProjectFile("losant-ts-sdk", "nodejs"));
    // The TypeScript setup the examples document (docs/typescript.md).
    fs.copyFileSync(
      path.join(ROOT, "examples/basic/tsconfig.json"),
      path.join(dir, "tsconfig.json"),
    );
    fs.writeFileSync(path.join(dir, "index.ts"), program(100));
    await project.pulumi(["stack", "init", "dev"]);
    await project.pulumi(["config", "set", "instanceId", sim().instanceId]);
    await project.pulumi(["config", "set", "secondUrl", second.url]);
    await project.pulumi(["config", "set", "secondInstanceId", second.instanceId]);
    await project.pulumi(["config", "set", "--secret", "secondToken"], second.tokens.admin);
  }, PLAIN_CLI_TIMEOUT);

  // The seeded simulator's log starts empty in each test (useSimulator); the second's too.
  beforeEach(() => second?.requests.reset());
  afterAll(async () => {
    await second?.close();
  });

  it(
    "preview plans an org in each instance and sends no write",
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
    "up creates each org in its own instance, with its own token, and reads device counts",
    async () => {
      await project.pulumi(["up", ...STACK, "--yes"]);
      expect(
        sim()
          .orgs()
          .map((org) => org.name),
      ).toEqual(["Acme (TS SDK)"]);
      expect(second.orgs().map((org) => org.name)).toEqual(["Gamma (TS SDK)"]);
      const { stdout } = await project.pulumi(["stack", "output", ...STACK, "--json"]);
      expect(typeof JSON.parse(stdout).acmeLatestDevices).toBe("number");
      const state = await project.pulumi(["stack", "export", ...STACK]);
      expect(state.stdout).not.toContain(second.tokens.admin);
      expect(project.backendText()).not.toContain(second.tokens.admin);
    },
    PLAIN_CLI_TIMEOUT,
  );

  const suite = { project: () => project, sims: () => [sim(), second], stack: STACK };
  itShowsNoChange(suite);

  itRejectsInvalidInput(
    suite,
    "limits.device",
    () => fs.writeFileSync(path.join(project.dir, "index.ts"), program(-1)),
    () => fs.writeFileSync(path.join(project.dir, "index.ts"), program(100)),
  );

  it(
    "a one-limit change sends exactly one PATCH, then destroy deletes both orgs",
    async () => {
      fs.writeFileSync(path.join(project.dir, "index.ts"), program(120));
      await project.pulumi(["up", ...STACK, "--yes"]);
      expect(writesSeen(sim())).toEqual(["PATCH /instances/:instanceId/orgs/:orgId"]);
      await project.pulumi(["destroy", ...STACK, "--yes"]);
      expect(sim().orgs()).toEqual([]);
      expect(second.orgs()).toEqual([]);
    },
    PLAIN_CLI_TIMEOUT,
  );
});
