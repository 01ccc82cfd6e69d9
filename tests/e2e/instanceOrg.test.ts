// InstanceOrg on the real Pulumi engine (the CLI through the Automation API, inline programs,
// a file backend) against the simulator, in both forms a program gets the SDK:
// - the source tree: the program requires this repository's compiled dist/, and the provider
//   is serialized by value from local modules;
// - the package as users get it, installed from an `npm pack` tarball into a program folder of
//   its own. Guards the package's shape (entry point, `exports` for the paths the serialized
//   provider requires, the peer `@pulumi/pulumi`) and the upgrade: refresh and destroy run the
//   provider text stored in the state, which requires the package's modules by path, against
//   whatever version is installed now.
import { useSimulator } from "../helpers/simulator";
import type { Simulator } from "../../simulator";
import { createOrg, patchOrg, writesSeen } from "./api";
import { ENGINE_TIMEOUT, describeEngine, useEngineStack, type ProgramSpec } from "./engine";
import { lifecycleSuite } from "./lifecycle";
import { useInstalledPackage, useSourceTreeProgram, useUpgradeFrom } from "./programDir";

/** The commit 0.1.0 was released from. */
const RELEASE_0_1_0 = "da924e6";
/** What the provider text of this build requires, from an installed package. */
const PROVIDER_MODULE = "pulumi-losant/dist/provider/instanceOrgProvider.js";

/** The orgs on the simulator, by name and description. */
function serverOrgs(sim: Simulator): Array<{ name: string; description?: string }> {
  return sim.orgs().map(({ name, description }) => ({ name, description }));
}

describeEngine("InstanceOrg on the Pulumi engine", () => {
  describe("program using the source tree", () => {
    const sourceTree = useSourceTreeProgram();

    describe("lifecycle", () => {
      lifecycleSuite(sourceTree);
    });

    // The engine's side of a partial create: the provider reports an org it adopted but could
    // not configure; the engine must keep it in the state, or the next up would adopt it anew
    // (or, for a created org, create a second one).
    describe("a create that fails after adopting the org", () => {
      const sim = useSimulator();
      const stack = useEngineStack(sim, sourceTree);
      let orgId: string;
      const spec = (): ProgramSpec => ({
        orgs: { held: { instanceId: sim().instanceId, orgId, description: "wanted" } },
      });

      it(
        "keeps the org in the state when its PATCH fails",
        async () => {
          orgId = await createOrg(sim(), { name: "held", description: "as found" });
          sim().faults.add({ kind: "status", status: 500, method: "PATCH", times: 10 });
          const error = await stack().failure("up", spec());
          expect(error).toContain(
            `instanceOrg.patch (PATCH /instances/${sim().instanceId}/orgs/${orgId}) failed: 500`,
          );
          expect(error).not.toContain(sim().tokens.admin);
          expect((await stack().org("held"))?.id).toBe(orgId);
          expect(serverOrgs(sim())).toEqual([{ name: "held", description: "as found" }]);
        },
        ENGINE_TIMEOUT,
      );

      it(
        "finishes the job on the next up with one PATCH",
        async () => {
          expect((await stack().up(spec())).resourceChanges).toEqual({ same: 1, update: 1 });
          expect(writesSeen(sim())).toEqual(["PATCH /instances/:instanceId/orgs/:orgId"]);
          expect(serverOrgs(sim())).toEqual([{ name: "held", description: "wanted" }]);
        },
        ENGINE_TIMEOUT,
      );
    });
  });

  describe("package installed from a tarball", () => {
    const installed = useInstalledPackage();

    // The source tree's run above meets the documented answers; this one meets the other
    // plausible answer of each open question the engine steps touch (limits replaced on
    // PATCH, the create answered in the org shape, stored values normalized), so between
    // them the engine proves the provider under every value.
    describe("lifecycle against a server answering as the strictest profile", () => {
      lifecycleSuite(installed.program, "strictest");
    });
  });

  // State written by 0.1.0 holds that release's provider text, which requires its modules by
  // path (compare.js, connection.js, ... under pulumi-losant/dist/provider/) and runs on
  // refresh and destroy against whatever version is installed now. Guards those paths and
  // exports: drop one and every 0.1.0 user's refresh and destroy fail after upgrading.
  describe("upgrade from the 0.1.0 release under a live stack", () => {
    const release = useUpgradeFrom(RELEASE_0_1_0);
    const sim = useSimulator();
    const stack = useEngineStack(sim, release.program);
    let keeperDescription = "kept";
    const spec = (): ProgramSpec => ({
      orgs: {
        keeper: { instanceId: sim().instanceId, name: "keeper", description: keeperDescription },
        other: { instanceId: sim().instanceId, name: "other", limits: { device: 7 } },
      },
    });
    /** The provider text the engine runs for an org's refresh and delete: its outputs'. */
    const storedProvider = async (name: string): Promise<string> =>
      String((await stack().org(name))?.outputs?.__provider);

    it(
      "creates the orgs with 0.1.0, whose state holds its provider's code by value",
      async () => {
        expect((await stack().up(spec())).resourceChanges).toEqual({ create: 3 });
        const provider = await storedProvider("keeper");
        expect(provider).toContain('require("pulumi-losant/dist/provider/compare.js")');
        expect(provider).not.toContain(PROVIDER_MODULE);
      },
      ENGINE_TIMEOUT,
    );

    it(
      "previews no change after the upgrade",
      async () => {
        await release.upgrade();
        stack().restartProcess();
        expect(await stack().preview(spec())).toEqual({ same: 3 });
        expect(writesSeen(sim())).toEqual([]);
      },
      ENGINE_TIMEOUT + 120_000,
    );

    it(
      "refreshes with the stored 0.1.0 provider, showing a change made out of band",
      async () => {
        const keeper = (await stack().org("keeper"))!;
        await patchOrg(sim(), keeper.id!, { description: "drifted" });
        expect(await stack().refresh(spec())).toEqual({ same: 2, update: 1 });
        expect((await stack().org("keeper"))?.outputs).toMatchObject({ description: "drifted" });
        expect(await storedProvider("keeper")).not.toContain(PROVIDER_MODULE);
      },
      ENGINE_TIMEOUT,
    );

    it(
      "updates with the new provider, whose text is then a require of its module",
      async () => {
        keeperDescription = "kept again";
        expect((await stack().up(spec())).resourceChanges).toEqual({ same: 2, update: 1 });
        expect(writesSeen(sim())).toEqual(["PATCH /instances/:instanceId/orgs/:orgId"]);
        expect(serverOrgs(sim())).toContainEqual({ name: "keeper", description: "kept again" });
        expect(await storedProvider("keeper")).toContain(`require("${PROVIDER_MODULE}")`);
        expect(await storedProvider("other")).not.toContain(PROVIDER_MODULE);
      },
      ENGINE_TIMEOUT,
    );

    it(
      "destroys orgs stored by either provider",
      async () => {
        expect(await stack().destroy(spec())).toEqual({ delete: 3 });
        expect(writesSeen(sim())).toEqual([
          "DELETE /instances/:instanceId/orgs/:orgId",
          "DELETE /instances/:instanceId/orgs/:orgId",
        ]);
        expect(sim().orgs()).toEqual([]);
      },
      ENGINE_TIMEOUT,
    );
  });
});
