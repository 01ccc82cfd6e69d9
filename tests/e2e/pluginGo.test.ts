// Guards the `losant` plugin from a Pulumi Go program on the plain CLI: the Go SDK generated
// from the schema (plugin/sdks/go) as the program's dependency, the plugin from the package's
// npm pack tarball, the Go language host. Two orgs and an invoke go through preview (0
// writes), up, no-change preview, refresh, a one-limit update and destroy; an invalid input
// fails at preview with its property path.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { useSimulator } from "../helpers/simulator";
import { orgNames, writesSeen } from "./api";
import {
  itRejectsInvalidInput,
  itShowsNoChange,
  pluginProjectEnv,
  pluginProjectFile,
} from "./pluginProject";
import { cli, describeUnlessMissing } from "./engine";
import {
  PLAIN_CLI_TIMEOUT,
  PULUMI_SDK,
  PlainProject,
  packRepository,
  useTemporaryDir,
} from "./plainCli";
import { seededInstall } from "./installSeeds";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { findGoHost } = require("../../scripts/pulumi/goHost.js") as {
  findGoHost(binDir: string): string | undefined;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { cacheBaseDir } = require("../../scripts/pulumi/cache.js") as { cacheBaseDir(): string };

const ROOT = path.resolve(__dirname, "../..");
const SDK_MODULE = "github.com/pulumi-losant/pulumi-losant/sdk";
const GO_SDK_VERSION = PULUMI_SDK.split("@").pop()!;
const STACK = ["--stack", "dev"];
/** Building the program the first time compiles the Pulumi Go SDK: minutes on two cores. */
const FIRST_BUILD_TIMEOUT = 900_000;

const missing =
  cli === undefined
    ? "no Pulumi CLI was found on PATH or in the cache"
    : spawnSync("go", ["version"]).status !== 0
      ? "no go on PATH"
      : findGoHost(cli.binDir) === undefined
        ? `no pulumi-language-go beside the Pulumi CLI in ${cli.binDir} (npm run pulumi:go)`
        : undefined;

/** The program, with `device` as acme's device limit. */
function program(device: number): string {
  return `package main

import (
	"github.com/pulumi-losant/pulumi-losant/sdk/go/losant"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		instanceId := config.New(ctx, "").Require("instanceId")
		acme, err := losant.NewInstanceOrg(ctx, "acme", &losant.InstanceOrgArgs{
			InstanceId: pulumi.String(instanceId),
			Name:       pulumi.String("Acme (Go)"),
			Limits:     losant.InstanceOrgLimitsArgs{Device: pulumi.Int(${device})},
		})
		if err != nil {
			return err
		}
		if _, err := losant.NewInstanceOrg(ctx, "beta", &losant.InstanceOrgArgs{
			InstanceId: pulumi.String(instanceId),
			Name:       pulumi.String("Beta (Go)"),
		}); err != nil {
			return err
		}
		counts := losant.GetDeviceCountsOutput(ctx, losant.GetDeviceCountsOutputArgs{
			InstanceId: pulumi.String(instanceId),
			OrgId:      acme.ID().ToStringOutput(),
		})
		ctx.Export("acmeId", acme.ID())
		ctx.Export("acmeLatestDevices", counts.LatestTotal())
		return nil
	})
}
`;
}

/**
 * The generated SDK as a Go module of its own, in the user's cache under a name made of its
 * content: Go's build cache keys a package by its folder, so a fixed folder lets later runs
 * reuse the SDK's compiled package (the first build compiles it for most of a minute).
 * @returns the module's folder
 */
function goSdkModule(): string {
  const source = path.join(ROOT, "plugin/sdks/go");
  const goMod = `module ${SDK_MODULE}\n\ngo 1.24\n\nrequire github.com/pulumi/pulumi/sdk/v3 v${GO_SDK_VERSION}\n`;
  const hash = createHash("sha256").update(goMod);
  for (const file of (
    fs.readdirSync(source, { recursive: true, encoding: "utf8" }) as string[]
  ).sort()) {
    const full = path.join(source, file);
    if (fs.statSync(full).isFile()) hash.update(file).update(fs.readFileSync(full));
  }
  const dir = path.join(cacheBaseDir(), "go-sdk", hash.digest("hex").slice(0, 16));
  if (!fs.existsSync(path.join(dir, "go.mod"))) {
    // Built beside, then renamed: a run stopped halfway leaves no half module behind.
    const partial = `${dir}.${process.pid}.partial`;
    fs.rmSync(partial, { recursive: true, force: true });
    fs.cpSync(source, path.join(partial, "go"), { recursive: true });
    fs.writeFileSync(path.join(partial, "go.mod"), goMod);
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    fs.renameSync(partial, dir);
  }
  return dir;
}

describeUnlessMissing(missing, "the losant plugin in a Pulumi Go program", () => {
  const sim = useSimulator();
  const tmp = useTemporaryDir("pulumi-losant-go-");
  let project: PlainProject;

  function write(device: number): void {
    fs.writeFileSync(path.join(project.dir, "main.go"), program(device));
  }

  beforeAll(async () => {
    const tarball = await packRepository(tmp());
    const sdk = goSdkModule();
    const dir = path.join(tmp(), "program");
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ private: true }));
    fs.writeFileSync(
      path.join(dir, "go.mod"),
      `module losant-go-program\n\ngo 1.24\n\nrequire (\n\tgithub.com/pulumi/pulumi/sdk/v3 v${GO_SDK_VERSION}\n\t${SDK_MODULE} v0.0.0\n)\n\nreplace ${SDK_MODULE} => ${sdk}\n`,
    );
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), pluginProjectFile("losant-go", "go"));
    // -ldflags=-w: the engine builds the program before each operation, and leaving out the
    // debug information no test reads takes about a fifth off each build (3.5 to 2.9 s of CPU).
    project = new PlainProject(
      dir,
      pluginProjectEnv(tmp(), sim(), "go", { GOFLAGS: "-mod=mod -ldflags=-w" }),
    );
    write(100);
    await seededInstall(dir, [tarball, PULUMI_SDK], async () => {
      const install = await project.bash(
        `npm install --no-audit --no-fund --prefer-offline ${tarball} ${PULUMI_SDK}`,
      );
      if (install.code !== 0) throw new Error(`npm install failed:\n${install.stderr}`);
    });
    const setup = await project.bash(`(cd ${sdk} && test -f go.sum || go mod tidy) && go mod tidy`);
    if (setup.code !== 0) throw new Error(`setup failed:\n${setup.stdout}\n${setup.stderr}`);
    await project.pulumi(["stack", "init", "dev"]);
    await project.pulumi(["config", "set", "instanceId", sim().instanceId]);
  }, PLAIN_CLI_TIMEOUT);

  it(
    "preview plans both orgs and sends no write",
    async () => {
      const { stdout } = await project.pulumi(["preview", ...STACK]);
      expect(stdout).toMatch(/\+\s+losant:index:InstanceOrg\s+acme\s+create/);
      expect(stdout).toMatch(/\+\s+losant:index:InstanceOrg\s+beta\s+create/);
      expect(writesSeen(sim())).toEqual([]);
    },
    FIRST_BUILD_TIMEOUT,
  );

  it(
    "up creates both orgs and reads device counts through the invoke",
    async () => {
      await project.pulumi(["up", ...STACK, "--yes"]);
      expect(orgNames(sim())).toEqual(["Acme (Go)", "Beta (Go)"]);
      const { stdout } = await project.pulumi(["stack", "output", ...STACK, "--json"]);
      expect(typeof JSON.parse(stdout).acmeLatestDevices).toBe("number");
    },
    PLAIN_CLI_TIMEOUT,
  );

  const suite = { project: () => project, sims: () => [sim()], stack: STACK };
  itShowsNoChange(suite);

  itRejectsInvalidInput(
    suite,
    "limits.device",
    () => write(-1),
    () => write(100),
  );

  it(
    "a one-limit change sends exactly one PATCH, then destroy deletes both orgs",
    async () => {
      write(130);
      await project.pulumi(["up", ...STACK, "--yes"]);
      expect(writesSeen(sim())).toEqual(["PATCH /instances/:instanceId/orgs/:orgId"]);
      await project.pulumi(["destroy", ...STACK, "--yes"]);
      expect(sim().orgs()).toEqual([]);
    },
    PLAIN_CLI_TIMEOUT,
  );
});
