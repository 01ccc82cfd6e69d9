// `pulumi-losant recover` against the simulator over loopback HTTP, with the stack held in
// memory: each pending create of an InstanceOrg left by a killed run is settled by what the
// server holds. Guards against the duplicate a blind rerun makes (the org the killed run
// created, unknown to the state) and against adopting an org that is not the run's own.
import { recover, RecoverError, type StackAccess } from "../../../cli/recover";
import type { HistoryEntry } from "../../../cli/recover/history";
import {
  INSTANCE_ORG_TYPE,
  type StateResource,
  type UntypedDeployment,
} from "../../../cli/recover/deployment";
import type { Simulator } from "../../../simulator";
import { useSimulator } from "../../helpers/simulator";

const sim = useSimulator();
const PROVIDER_TEXT = "exports.handler = () => ({}); // the serialized provider";
const STACK_URN = "urn:pulumi:dev::proj::pulumi:pulumi:Stack::proj-dev";

/** A stack in memory: its deployment, the config it holds, and what was imported into it. */
class MemoryStack implements StackAccess {
  imported: UntypedDeployment | undefined;
  /** What `pulumi stack history --json` answers: no run finished yet, by default. */
  entries: HistoryEntry[] = [];
  constructor(
    readonly exported: UntypedDeployment,
    private readonly values: Record<string, string>,
  ) {}
  async exportStack(): Promise<UntypedDeployment> {
    return structuredClone(this.exported);
  }
  async importStack(deployment: UntypedDeployment): Promise<void> {
    this.imported = deployment;
  }
  async config(): Promise<Record<string, string>> {
    return this.values;
  }
  async history(): Promise<HistoryEntry[]> {
    return this.entries;
  }
}

function urnOf(name: string): string {
  return `urn:pulumi:dev::proj::${INSTANCE_ORG_TYPE}::${name}`;
}

/** The resource a pending create records: the inputs the engine passed, no ID, no outputs. */
function pendingResource(name: string, inputs: Record<string, unknown>): StateResource {
  return {
    urn: urnOf(name),
    custom: true,
    type: INSTANCE_ORG_TYPE,
    inputs: { ...inputs, __provider: PROVIDER_TEXT },
    parent: STACK_URN,
  };
}

function stackWith(
  pending: StateResource[],
  managed: StateResource[] = [],
  values: Record<string, string> = {
    "losant:apiUrl": sim().url,
    "losant:apiToken": sim().tokens.admin,
  },
): MemoryStack {
  const resources = [{ urn: STACK_URN, type: "pulumi:pulumi:Stack", custom: false }, ...managed];
  const pending_operations = pending.map((resource) => ({ resource, type: "creating" }));
  return new MemoryStack({ version: 3, deployment: { resources, pending_operations } }, values);
}

async function createOrg(s: Simulator, name: string): Promise<string> {
  const response = await fetch(`${s.url}/instances/${s.instanceId}/orgs`, {
    method: "POST",
    headers: { Authorization: `Bearer ${s.tokens.admin}`, "Content-Type": "application/json" },
    body: JSON.stringify({ name }),
  });
  return ((await response.json()) as { id: string }).id;
}

const importedResources = (stack: MemoryStack): StateResource[] =>
  (stack.imported?.deployment.resources ?? []).filter((r) => r.type === INSTANCE_ORG_TYPE);

describe("recover", () => {
  it("brings the one org a killed create made into the state, with the outputs a read gives", async () => {
    const id = await createOrg(sim(), "acme");
    const inputs = { instanceId: sim().instanceId, name: "acme" };
    const stack = stackWith([pendingResource("acme", inputs)]);

    expect(await recover(stack, {})).toEqual([
      { urn: urnOf("acme"), kind: "imported", orgId: id, name: "acme" },
    ]);
    const [resource] = importedResources(stack);
    expect(resource).toMatchObject({
      urn: urnOf("acme"),
      id,
      inputs: { ...inputs, __provider: PROVIDER_TEXT },
    });
    expect(resource.outputs).toMatchObject({
      orgId: id,
      name: "acme",
      instanceId: sim().instanceId,
      managedProperties: ["name"],
      __provider: PROVIDER_TEXT,
    });
    expect(stack.imported?.deployment.pending_operations).toEqual([]);
  });

  it("drops the pending create when no org of that name exists, so the next up creates it", async () => {
    const stack = stackWith([
      pendingResource("ghost", { instanceId: sim().instanceId, name: "ghost" }),
    ]);
    const [outcome] = await recover(stack, {});
    expect(outcome).toMatchObject({ kind: "cleared" });
    expect(importedResources(stack)).toEqual([]);
    expect(stack.imported?.deployment.pending_operations).toEqual([]);
  });

  it("changes nothing and names every candidate when several orgs could be the one", async () => {
    const ids = [await createOrg(sim(), "twin"), await createOrg(sim(), "twin")];
    const stack = stackWith([
      pendingResource("twin", { instanceId: sim().instanceId, name: "twin" }),
    ]);
    const failure = recover(stack, {});
    await expect(failure).rejects.toThrow(RecoverError);
    await expect(failure).rejects.toThrow(
      new RegExp(`twin: 2 unmanaged orgs named "twin".*${ids[1]}`),
    );
    expect(stack.imported).toBeUndefined();
  });

  it("never takes an org the stack already manages", async () => {
    const managedId = await createOrg(sim(), "kept");
    const managed: StateResource = { urn: urnOf("kept-a"), type: INSTANCE_ORG_TYPE, id: managedId };
    const stack = stackWith(
      [pendingResource("kept-b", { instanceId: sim().instanceId, name: "kept" })],
      [managed],
    );
    expect((await recover(stack, {}))[0]).toMatchObject({ kind: "cleared" });
  });

  it("matches the name exactly, though the list's glob filter lets more through", async () => {
    await createOrg(sim(), "star-suffix");
    const stack = stackWith([
      pendingResource("star", { instanceId: sim().instanceId, name: "star*" }),
    ]);
    expect((await recover(stack, {}))[0]).toMatchObject({ kind: "cleared" });
  });

  it("ignores an org of that name created well before the last update started", async () => {
    await createOrg(sim(), "older");
    const stack = stackWith([
      pendingResource("older", { instanceId: sim().instanceId, name: "older" }),
    ]);
    const anHourLater = new Date(Date.now() + 60 * 60_000);
    stack.entries = [
      { kind: "update", startTime: anHourLater.toISOString() },
      // A refresh after the killed run must not move the bound.
      { kind: "refresh", startTime: new Date(Date.now() + 2 * 60 * 60_000).toISOString() },
    ];
    expect((await recover(stack, {}))[0]).toMatchObject({ kind: "cleared" });
    stack.entries = [{ kind: "update", startTime: new Date(Date.now() - 60_000).toISOString() }];
    expect((await recover(stack, {}))[0]).toMatchObject({ kind: "imported" });
  });

  it("gives one org to one create when two pending creates declare the same name", async () => {
    const id = await createOrg(sim(), "dup-name");
    const inputs = { instanceId: sim().instanceId, name: "dup-name" };
    const stack = stackWith([pendingResource("first", inputs), pendingResource("second", inputs)]);
    const outcomes = await recover(stack, {});
    expect(outcomes.map((o) => o.kind)).toEqual(["imported", "cleared"]);
    expect(importedResources(stack).map((r) => r.id)).toEqual([id]);
  });

  it("drops an adopting create without a request: the next up adopts the org again", async () => {
    const stack = stackWith([
      pendingResource("adopted", {
        instanceId: sim().instanceId,
        orgId: "5f0c1a2b3c4d5e6f7a8b9c0d",
      }),
    ]);
    expect((await recover(stack, {}))[0]).toMatchObject({ kind: "cleared" });
    expect(sim().requests.entries).toEqual([]);
  });

  it("takes the connection from LOSANT_API_URL and LOSANT_API_TOKEN when the stack has none", async () => {
    const id = await createOrg(sim(), "by-env");
    const stack = stackWith(
      [pendingResource("by-env", { instanceId: sim().instanceId, name: "by-env" })],
      [],
      {},
    );
    const env = { LOSANT_API_URL: sim().url, LOSANT_API_TOKEN: sim().tokens.admin };
    expect((await recover(stack, env))[0]).toMatchObject({ kind: "imported", orgId: id });
  });

  it("reads nothing and writes nothing when no create is pending", async () => {
    const stack = stackWith([]);
    expect(await recover(stack, {})).toEqual([]);
    expect(stack.imported).toBeUndefined();
    expect(sim().requests.entries).toEqual([]);
  });
});
