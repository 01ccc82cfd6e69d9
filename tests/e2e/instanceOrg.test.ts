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
import { UPGRADE_MARK, useInstalledPackage, useSourceTreeProgram } from "./programDir";

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

    describe("lifecycle", () => {
      lifecycleSuite(installed.program);
    });

    describe("upgrade to a rebuilt package", () => {
      const sim = useSimulator();
      const stack = useEngineStack(sim, installed.program);
      const spec = (): ProgramSpec => ({
        orgs: { keeper: { instanceId: sim().instanceId, name: "keeper", description: "kept" } },
      });
      /** The provider text the engine runs for the org: the one stored in its outputs. */
      const storedProvider = async (): Promise<string> =>
        String((await stack().org("keeper"))?.outputs?.__provider);

      it(
        "stores a provider that requires the installed package's modules by path",
        async () => {
          expect((await stack().up(spec())).resourceChanges).toEqual({ create: 2 });
          const provider = await storedProvider();
          expect(provider).toContain('require("pulumi-losant/dist/provider/');
          expect(provider).not.toContain(UPGRADE_MARK);
        },
        ENGINE_TIMEOUT,
      );

      it(
        "previews no change after the upgrade, though the provider's code differs",
        async () => {
          await installed.upgrade();
          expect(await stack().preview(spec())).toEqual({ same: 2 });
          expect(writesSeen(sim())).toEqual([]);
        },
        ENGINE_TIMEOUT + 60_000,
      );

      it(
        "refreshes state written by the old package, showing a change made out of band",
        async () => {
          await patchOrg(sim(), (await stack().org("keeper"))!.id!, { description: "drifted" });
          expect(await stack().refresh(spec())).toEqual({ same: 1, update: 1 });
          expect((await stack().org("keeper"))?.outputs).toMatchObject({ description: "drifted" });
          expect(await storedProvider()).not.toContain(UPGRADE_MARK);
        },
        ENGINE_TIMEOUT,
      );

      it(
        "destroys state written by the old package",
        async () => {
          expect(await stack().destroy(spec())).toEqual({ delete: 2 });
          expect(writesSeen(sim())).toEqual(["DELETE /instances/:instanceId/orgs/:orgId"]);
          expect(sim().orgs()).toEqual([]);
        },
        ENGINE_TIMEOUT,
      );
    });
  });
});
