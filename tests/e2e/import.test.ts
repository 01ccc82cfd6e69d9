// `pulumi-losant import` followed by the real engine: what it generates must adopt every org
// with no write at all (0 POST, 0 PATCH), and the next preview must show no change, for both
// outputs: the TypeScript module and the default program's stack config. Guards the promise
// that an existing instance comes under management in one step without touching it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import yaml from "js-yaml";
import { runImport } from "../../cli/import";
import { readSettings } from "../../program/settings";
import type { InstanceOrgArgs } from "../../sdk";
import type { Simulator } from "../../simulator";
import { useSimulator } from "../helpers/simulator";
import { declaredBy } from "../unit/cli/import/generatedModule";
import { createOrg, writesSeen } from "./api";
import { ENGINE_TIMEOUT, describeEngine, useEngineStack, type ProgramSpec } from "./engine";
import { useSourceTreeProgram } from "./programDir";

/** Orgs as people make them: shared names, glob characters, every default field set. */
const EXISTING: Array<Record<string, unknown>> = [
  { name: "Acme", tags: [{ key: "env", value: "prod" }], limits: { device: 50 } },
  { name: "Acme", description: "the second Acme", mfaMode: "required" },
  { name: "Glob*Chars?[x]", whitelistedEmailDomains: ["b.example", "a.example"] },
  { name: "Ünïcødé 名前", auditLogEnabled: true, iconColor: "#AbCdEf" },
  { name: "Bannered", banner: { message: "hello", level: "info" }, isReadOnly: true },
];

/** Runs the import in a folder of its own against the simulator; returns the written text. */
async function generate(sim: () => Simulator, argv: string[]): Promise<string> {
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-losant-import-e2e-"));
  try {
    const result = await runImport(argv, {
      env: { LOSANT_API_URL: sim().url, LOSANT_API_TOKEN: sim().tokens.admin },
      cwd,
      pulumi: async () => {
        throw new Error("not needed: the environment has the connection");
      },
      print: () => {},
    });
    return fs.readFileSync(result.file!, "utf8");
  } finally {
    fs.rmSync(cwd, { recursive: true, force: true });
  }
}

/**
 * The two steps after an import, on a stack of its own: `up` adopts what `declare` generated
 * with no write, then `preview` shows no change.
 */
function adoptionSuite(sim: () => Simulator, declare: () => Promise<ProgramSpec>): void {
  const stack = useEngineStack(sim, useSourceTreeProgram());
  let spec: ProgramSpec;

  it(
    "is adopted by up with no POST and no PATCH",
    async () => {
      spec = await declare();
      expect(Object.keys(spec.orgs)).toHaveLength(EXISTING.length);
      const { resourceChanges } = await stack().up(spec);
      expect(resourceChanges).toEqual({ create: EXISTING.length + 1 });
      expect(writesSeen(sim())).toEqual([]);
    },
    ENGINE_TIMEOUT,
  );

  it(
    "previews no change afterwards",
    async () => {
      expect(await stack().preview(spec)).toEqual({ same: EXISTING.length + 1 });
      expect(writesSeen(sim())).toEqual([]);
    },
    ENGINE_TIMEOUT,
  );
}

describeEngine("pulumi-losant import, then the Pulumi engine", () => {
  const sim = useSimulator();

  beforeAll(async () => {
    for (const body of EXISTING) await createOrg(sim(), body);
  });

  describe("the TypeScript module, default fields", () => {
    adoptionSuite(sim, async () => {
      const source = await generate(sim, ["--instance-id", sim().instanceId, "--format", "ts"]);
      return { orgs: Object.fromEntries(declaredBy(source)) as Record<string, InstanceOrgArgs> };
    });
  });

  describe("the default program's stack config, every field", () => {
    adoptionSuite(sim, async () => {
      const argv = ["--instance-id", sim().instanceId, "--stack", "dev", "--fields", "all"];
      argv.push("--format", "yaml", "--all-limits");
      const document = yaml.load(await generate(sim, argv)) as { config: Record<string, never> };
      const settings = readSettings({
        instanceId: document.config["losant-orgs:instanceId"],
        orgs: document.config["losant-orgs:orgs"],
      });
      const orgs = settings.orgs.map(({ resource, args }) => [
        resource,
        { ...args, instanceId: settings.instanceId },
      ]);
      return { orgs: Object.fromEntries(orgs) };
    });
  });
});
