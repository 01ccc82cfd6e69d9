// A declared value the server stores differently, on the real Pulumi engine. Guards what no
// in-process test can see: that the provider's warning reaches the output of `pulumi up` (the
// dynamic provider host runs in a process of its own, and the engine decides what it shows),
// and that the engine's next preview, fed the stored outputs, shows no change.
import { useSimulator } from "../helpers/simulator";
import { writesSeen } from "./api";
import { ENGINE_TIMEOUT, describeEngine, useEngineStack, type ProgramSpec } from "./engine";
import { useSourceTreeProgram } from "./programDir";

describeEngine("a declared value the server stores differently, on the Pulumi engine", () => {
  const program = useSourceTreeProgram();
  const sim = useSimulator({ profile: { normalization: "on" } });
  const stack = useEngineStack(sim, program);
  const spec = (): ProgramSpec => ({
    orgs: { shouty: { instanceId: sim().instanceId, name: "Shouty", iconColor: "#ABCDEF" } },
  });

  it(
    "is reported in the output of pulumi up: the org, the property, both values, what to declare",
    async () => {
      const before = stack().log.length;
      expect((await stack().up(spec())).resourceChanges).toEqual({ create: 2 });
      const output = stack().log.slice(before);
      const orgId = (await stack().org("shouty"))!.id!;
      expect(output).toContain(`InstanceOrg "Shouty" (${orgId})`);
      expect(output).toContain(
        'iconColor: declared "#ABCDEF", stored "#abcdef"; declare iconColor: "#abcdef" to match',
      );
    },
    ENGINE_TIMEOUT,
  );

  it(
    "previews no change afterwards, and sends nothing",
    async () => {
      expect(await stack().preview(spec())).toEqual({ same: 2 });
      expect(writesSeen(sim())).toEqual([]);
    },
    ENGINE_TIMEOUT,
  );

  it(
    "is no change for up either, so the warning is not repeated",
    async () => {
      const before = stack().log.length;
      expect((await stack().up(spec())).resourceChanges).toEqual({ same: 2 });
      expect(stack().log.slice(before)).not.toContain("stored a declared value differently");
    },
    ENGINE_TIMEOUT,
  );

  it(
    "destroys the org",
    async () => {
      expect(await stack().destroy(spec())).toEqual({ delete: 2 });
      expect(sim().orgs()).toEqual([]);
    },
    ENGINE_TIMEOUT,
  );
});
