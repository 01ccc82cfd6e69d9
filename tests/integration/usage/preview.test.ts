// Guards preview: while an input is unknown (the ID of an org this same program creates),
// the Output forms must send nothing and yield unknown, as DESIGN.md promises; and with
// known inputs they do call, so the zero below is not an artefact of the setup.
// @profile-independent: what a preview sends does not depend on the server's answers; runs under the default profile only.
import * as pulumi from "@pulumi/pulumi";
import {
  getDeviceCountsOutput,
  getInstanceOrgOutput,
  getNotebookMinuteCountsOutput,
  getPayloadCountsBreakdownOutput,
  InstanceOrg,
} from "../../../sdk";
import { useUsageFixture } from "./usageSimulator";

const fixture = useUsageFixture();

/** The inputs each mocked resource was registered with, by resource name. */
const registered = new Map<string, Record<string, unknown>>();

beforeAll(async () => {
  await pulumi.runtime.setMocks(
    {
      // Like the engine during preview: a new resource's outputs are not known yet.
      newResource: (args) => {
        registered.set(args.name, args.inputs as Record<string, unknown>);
        return { id: undefined, state: {} };
      },
      call: () => ({}),
    },
    "usage-preview",
    "test",
    true,
  );
});

/** A resource that only takes one input, to see what the engine receives. */
class Sink extends pulumi.CustomResource {
  constructor(name: string, value: pulumi.Output<unknown>) {
    super("test:index:Sink", name, { value });
  }
}

/** Registers `value` as the input of a mocked resource and returns what the engine got. */
async function engineSees(name: string, value: pulumi.Output<unknown>): Promise<unknown> {
  const sink = new Sink(name, value);
  await new Promise<void>((resolve) => sink.urn.apply(() => resolve()));
  return registered.get(name)?.value;
}

describe("during preview", () => {
  it("an org created by the program has an unknown ID", async () => {
    const created = new InstanceOrg("new-org", {
      instanceId: fixture().org.instanceId,
      name: "New",
    });
    expect(pulumi.isUnknown(await engineSees("sink-id", created.id))).toBe(true);
  });

  it("no usage function sends a request while orgId is unknown, and each yields unknown", async () => {
    const { org, admin, sim } = fixture();
    const created = new InstanceOrg("new-org-2", { instanceId: org.instanceId, name: "New 2" });
    const args = { instanceId: org.instanceId, orgId: created.id };
    const seen = await Promise.all([
      engineSees("sink-org", getInstanceOrgOutput(args, admin)),
      engineSees("sink-devices", getDeviceCountsOutput(args, admin)),
      engineSees("sink-notebooks", getNotebookMinuteCountsOutput(args, admin)),
      engineSees(
        "sink-payloads",
        getPayloadCountsBreakdownOutput({ ...args, resolution: "hour" }, admin),
      ),
    ]);
    expect(seen.map((value) => pulumi.isUnknown(value))).toEqual([true, true, true, true]);
    expect(sim.requests.count()).toBe(0);
  });

  it("sends no request while only start is unknown", async () => {
    const { org, admin, sim } = fixture();
    const created = new InstanceOrg("new-org-3", { instanceId: org.instanceId, name: "New 3" });
    const start = created.creationDate.apply((date) => Date.parse(date ?? ""));
    const seen = await engineSees("sink-start", getDeviceCountsOutput({ ...org, start }, admin));
    expect(pulumi.isUnknown(seen)).toBe(true);
    expect(sim.requests.count()).toBe(0);
  });

  it("does call the API when every input is known", async () => {
    const { org, admin, sim } = fixture();
    const seen = await engineSees("sink-known", getDeviceCountsOutput(org, admin));
    expect(seen).toMatchObject({ orgId: org.orgId });
    expect(sim.requests.count()).toBe(1);
  });
});
