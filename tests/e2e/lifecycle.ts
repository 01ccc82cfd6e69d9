/**
 * The InstanceOrg lifecycle on the real engine, in the order a platform team lives it. Guards
 * what no in-process test sees: the plan the engine makes from check and diff, the state it
 * keeps between runs (refresh, drift, deletion, adoption, replacement), and what it prints and
 * stores. The tests run in order on one stack; each one's first line says what it changes.
 */
import type { ProfileName, Simulator } from "../../simulator";
import { useSimulator } from "../helpers/simulator";
import { createOrg, deleteOrg, patchOrg, writesSeen } from "./api";
import { ENGINE_TIMEOUT, type ProgramSpec, useEngineStack } from "./engine";
import type { ProgramDir } from "./programDir";

const POST = "POST /instances/:instanceId/orgs";
const PATCH = "PATCH /instances/:instanceId/orgs/:orgId";
const DELETE = "DELETE /instances/:instanceId/orgs/:orgId";
/** The engine's marker of a secret value in an exported deployment. */
const SECRET_SIGNATURE = "4dabf18193072939515e22adb298388d";

/** The org named `name` on the simulator, in any instance. */
function serverOrg(sim: Simulator, name: string): Record<string, unknown> | undefined {
  return sim.orgs().find((org) => org.name === name) as Record<string, unknown> | undefined;
}

/** The paths in `value` of every string holding `needle`, such as `resources.2.inputs.x`. */
function pathsHolding(value: unknown, needle: string, at = ""): string[] {
  if (typeof value === "string") return value.includes(needle) ? [at] : [];
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, child]) =>
    pathsHolding(child, needle, at ? `${at}.${key}` : key),
  );
}

/**
 * Registers the lifecycle tests for a program that gets the SDK from `program`, against a
 * simulator answering as `profile` (the one `LOSANT_SIM_PROFILE` names, else `documented`,
 * when absent): the same tests must pass whichever answer the real API gives.
 */
export function lifecycleSuite(program: () => ProgramDir, profile?: ProfileName): void {
  const sim = useSimulator(profile === undefined ? {} : { profile });
  const stack = useEngineStack(sim, program);
  let orgs: ProgramSpec["orgs"];
  const spec = (): ProgramSpec => ({ orgs, deviceCountsOf: "alpha" });
  const ids: Record<string, string> = {};
  let firstOutputs: Record<string, unknown>;

  beforeAll(() => {
    orgs = {
      alpha: {
        instanceId: sim().instanceId,
        name: "alpha",
        description: "first",
        limits: { device: 10 },
        tags: [{ key: "team", value: "a" }],
      },
      beta: { instanceId: sim().instanceId, name: "beta", description: "second" },
    };
  });

  it(
    "previews two new orgs as creates and sends no request",
    async () => {
      expect(await stack().preview(spec())).toEqual({ create: 3 });
      expect(sim().requests.entries).toEqual([]);
    },
    ENGINE_TIMEOUT,
  );

  it(
    "creates them on up, one POST each",
    async () => {
      const { resourceChanges, outputs } = await stack().up(spec());
      expect(resourceChanges).toEqual({ create: 3 });
      expect(writesSeen(sim())).toEqual([POST, POST]);
      expect(serverOrg(sim(), "alpha")).toMatchObject({
        description: "first",
        limits: { device: 10 },
        tags: [{ key: "team", value: "a" }],
      });
      expect(serverOrg(sim(), "beta")).toMatchObject({ description: "second" });
      firstOutputs = outputs;
      for (const name of ["alpha", "beta"]) ids[name] = (outputs[name] as { orgId: string }).orgId;
      expect(ids.alpha).toBe(serverOrg(sim(), "alpha")!.id);
    },
    ENGINE_TIMEOUT,
  );

  it("puts the device counts read with getDeviceCountsOutput in the stack outputs", () => {
    expect(firstOutputs.deviceCounts).toMatchObject({
      instanceId: sim().instanceId,
      orgId: ids.alpha,
      resolution: "day",
      latestTotal: expect.any(Number),
    });
    expect((firstOutputs.deviceCounts as { counts: unknown[] }).counts.length).toBeGreaterThan(0);
  });

  it(
    "previews no change right after up",
    async () => {
      expect(await stack().preview(spec())).toEqual({ same: 3 });
      expect(writesSeen(sim())).toEqual([]);
    },
    ENGINE_TIMEOUT,
  );

  it(
    "sends exactly one PATCH when one field changes",
    async () => {
      orgs.alpha = { ...orgs.alpha, description: "changed" };
      expect((await stack().up(spec())).resourceChanges).toEqual({ same: 2, update: 1 });
      expect(writesSeen(sim())).toEqual([PATCH]);
      expect(serverOrg(sim(), "alpha")).toMatchObject({ description: "changed" });
    },
    ENGINE_TIMEOUT,
  );

  it(
    "shows a change made out of band in the state after refresh",
    async () => {
      await patchOrg(sim(), ids.beta, { description: "drifted" });
      sim().requests.reset();
      expect(await stack().refresh(spec())).toEqual({ same: 2, update: 1 });
      expect(writesSeen(sim())).toEqual([]);
      expect((await stack().org("beta"))?.outputs).toMatchObject({ description: "drifted" });
    },
    ENGINE_TIMEOUT,
  );

  it(
    "previews the drifted org as an update after refresh",
    async () => {
      expect(await stack().preview(spec())).toEqual({ same: 2, update: 1 });
      expect(writesSeen(sim())).toEqual([]);
    },
    ENGINE_TIMEOUT,
  );

  it(
    "restores the declared value on the next up",
    async () => {
      expect((await stack().up(spec())).resourceChanges).toEqual({ same: 2, update: 1 });
      expect(writesSeen(sim())).toEqual([PATCH]);
      expect(serverOrg(sim(), "beta")).toMatchObject({ description: "second" });
    },
    ENGINE_TIMEOUT,
  );

  it(
    "keeps a drifted value the program ignores: after refresh, the preview shows no change",
    async () => {
      // The refresh hands the live value back as the input, which ignoreChanges then keeps.
      await patchOrg(sim(), ids.beta, { description: "drifted again" });
      await stack().refresh(spec());
      sim().requests.reset();
      const ignoring = { ...spec(), ignoreChanges: { beta: ["description"] } };
      expect(await stack().preview(ignoring)).toEqual({ same: 3 });
      expect((await stack().up(spec())).resourceChanges).toEqual({ same: 2, update: 1 });
      expect(writesSeen(sim())).toEqual([PATCH]);
      expect(serverOrg(sim(), "beta")).toMatchObject({ description: "second" });
    },
    ENGINE_TIMEOUT,
  );

  it(
    "drops an org deleted out of band from the state on refresh",
    async () => {
      await deleteOrg(sim(), ids.beta);
      sim().requests.reset();
      expect(await stack().refresh(spec())).toEqual({ same: 2, delete: 1 });
      expect(writesSeen(sim())).toEqual([]);
      expect(await stack().org("beta")).toBeUndefined();
    },
    ENGINE_TIMEOUT,
  );

  it(
    "creates it again on the next up",
    async () => {
      const { resourceChanges, outputs } = await stack().up(spec());
      expect(resourceChanges).toEqual({ same: 2, create: 1 });
      expect(writesSeen(sim())).toEqual([POST]);
      const recreated = (outputs.beta as { orgId: string }).orgId;
      expect(recreated).not.toBe(ids.beta);
      expect(serverOrg(sim(), "beta")).toMatchObject({ id: recreated, description: "second" });
      ids.beta = recreated;
    },
    ENGINE_TIMEOUT,
  );

  it(
    "adopts an existing org through orgId without a POST",
    async () => {
      ids.gamma = await createOrg(sim(), { name: "gamma", description: "made by hand" });
      sim().requests.reset();
      orgs.gamma = { instanceId: sim().instanceId, orgId: ids.gamma, description: "adopted" };
      expect((await stack().up(spec())).resourceChanges).toEqual({ same: 3, create: 1 });
      expect(writesSeen(sim())).toEqual([PATCH]);
      expect((await stack().org("gamma"))?.id).toBe(ids.gamma);
      expect(serverOrg(sim(), "gamma")).toMatchObject({ id: ids.gamma, description: "adopted" });
    },
    ENGINE_TIMEOUT,
  );

  it(
    "previews no change right after adopting",
    async () => {
      expect(await stack().preview(spec())).toEqual({ same: 4 });
      expect(writesSeen(sim())).toEqual([]);
    },
    ENGINE_TIMEOUT,
  );

  it(
    "plans a replacement when instanceId changes",
    async () => {
      orgs.alpha = { ...orgs.alpha, instanceId: sim().addInstance() };
      expect(await stack().preview(spec())).toEqual({ same: 3, replace: 1 });
      expect(writesSeen(sim())).toEqual([]);
    },
    ENGINE_TIMEOUT,
  );

  it(
    "replaces it on up: created in the new instance, then deleted from the old",
    async () => {
      expect((await stack().up(spec())).resourceChanges).toEqual({ same: 3, replace: 1 });
      expect(writesSeen(sim())).toEqual([POST, DELETE]);
      const moved = sim().orgs(orgs.alpha.instanceId as string);
      expect(moved.map((org) => org.name)).toEqual(["alpha"]);
      expect(
        sim()
          .orgs(sim().instanceId)
          .map((org) => org.name),
      ).not.toContain("alpha");
    },
    ENGINE_TIMEOUT,
  );

  it(
    "keeps the token out of the state: encrypted at rest, and in the export only as a secret",
    async () => {
      const token = sim().tokens.admin;
      expect(stack().backendText()).not.toContain(token);
      // exportStack() decrypts secrets (--show-secrets): the stack's config reaches the
      // engine's default pulumi-nodejs provider as its inputs, a secret there; nowhere else.
      const deployment = await stack().exportStack();
      const secretConfig = (deployment.resources ?? []).flatMap((resource, index) =>
        resource.type === "pulumi:providers:pulumi-nodejs"
          ? (["inputs", "outputs"] as const).map((side) => {
              expect(resource[side]?.["losant:apiToken"]).toHaveProperty(SECRET_SIGNATURE);
              return `resources.${index}.${side}.losant:apiToken.plaintext`;
            })
          : [],
      );
      expect(secretConfig.length).toBeGreaterThan(0);
      expect(pathsHolding(deployment, token).sort()).toEqual(secretConfig.sort());
    },
    ENGINE_TIMEOUT,
  );

  it(
    "deletes every org on destroy",
    async () => {
      expect(await stack().destroy(spec())).toEqual({ delete: 4 });
      expect(writesSeen(sim())).toEqual([DELETE, DELETE, DELETE]);
      expect(sim().orgs()).toEqual([]);
    },
    ENGINE_TIMEOUT,
  );

  it(
    "fails preview of a schema-invalid input with its property path, sending no request",
    async () => {
      const invalid = { instanceId: sim().instanceId, name: "bad", limits: { dataTTL: 3600 } };
      const error = await stack().failure("preview", { orgs: { bad: invalid } });
      expect(error).toContain("limits.dataTTL must be >= 86400");
      expect(sim().requests.entries).toEqual([]);
    },
    ENGINE_TIMEOUT,
  );

  it("never printed the token in any operation's output", () => {
    expect(stack().log).toContain("Previewing update");
    expect(stack().log).not.toContain(sim().tokens.admin);
  });
}
