// The `losant` plugin's gRPC service, called in process with the engine's own protocol
// messages, against the simulator over loopback HTTP: Configure's values reach the steps (so an
// explicit provider's token is the one used), a plan's create sends nothing, check reports
// the property path, invokes answer, and a Read with no properties (what `pulumi import`
// sends, on which `@pulumi/pulumi`'s own provider server throws) adopts the org.
// @profile-independent: the plugin hands every step to the dynamic resource's modules, which the profiles prove; runs under the default profile only.
import { loadProtocol, type Message } from "../../../plugin/protocol";
import { providerService } from "../../../plugin/server";
import { setConnectionSettings } from "../../../provider/connection";
import { useSimulator } from "../../helpers/simulator";
import { createOrg } from "../../e2e/api";
import { LosantClient } from "../../../provider/losant";

const protocol = loadProtocol();
const service = providerService(protocol);
const URN = "urn:pulumi:dev::proj::losant:index:InstanceOrg::acme";

/** Calls one method of the service as the engine would; resolves its answer or rejects. */
function call(method: string, request: Message): Promise<Message> {
  return new Promise((resolve, reject) =>
    service[method]({ request }, (error, response) =>
      error ? reject(error as Error) : resolve(response as Message),
    ),
  );
}

function struct(value: Record<string, unknown>): unknown {
  return protocol.struct.fromJavaScript(value);
}

function plain(message: Message, getter: string): Record<string, unknown> {
  return (message[getter]() as { toJavaScript(): Record<string, unknown> }).toJavaScript();
}

describe("the losant plugin's service", () => {
  const sim = useSimulator();

  beforeEach(async () => {
    const configure = new protocol.provider.ConfigureRequest();
    configure.setArgs(struct({ apiUrl: sim().url, apiToken: sim().tokens.admin }));
    await call("configure", configure);
  });
  afterAll(() => setConnectionSettings({}));

  /** An org made out of band; the request log starts empty after it. */
  async function existing(body: Record<string, unknown>): Promise<{ id: string }> {
    const id = await createOrg(sim(), body);
    sim().requests.reset();
    return { id };
  }

  it("reads an org with no stored properties, as pulumi import asks, by <instanceId>/<orgId>", async () => {
    const org = await existing({ name: "Legacy", description: "kept" });
    const read = new protocol.provider.ReadRequest();
    read.setUrn(URN);
    read.setId(`${sim().instanceId}/${org.id}`);
    const answer = await call("read", read);
    expect(answer.getId()).toBe(org.id);
    expect(plain(answer, "getInputs")).toEqual({
      instanceId: sim().instanceId,
      name: "Legacy",
      description: "kept",
    });
    expect(plain(answer, "getProperties")).toMatchObject({ name: "Legacy", orgId: org.id });
  });

  it("reads an org ID alone from the instance the provider's instanceId names", async () => {
    const configure = new protocol.provider.ConfigureRequest();
    configure.setArgs(
      struct({ apiUrl: sim().url, apiToken: sim().tokens.admin, instanceId: sim().instanceId }),
    );
    await call("configure", configure);
    const org = await existing({ name: "By ID" });
    const read = new protocol.provider.ReadRequest();
    read.setUrn(URN);
    read.setId(org.id);
    expect((await call("read", read)).getId()).toBe(org.id);
  });

  it("reads a membership with no stored properties by <instanceId>/<orgId>/<userId>", async () => {
    const org = await existing({ name: "Members" });
    const [ada] = sim().users();
    const client = new LosantClient({ token: sim().tokens.admin, url: sim().url });
    await client.addMember(sim().instanceId, org.id, { userId: ada.id, role: "edit" });
    sim().requests.reset();
    const read = new protocol.provider.ReadRequest();
    read.setUrn("urn:pulumi:dev::proj::losant:index:InstanceOrgMember::ada");
    read.setId(`${sim().instanceId}/${org.id}/${ada.id}`);
    const answer = await call("read", read);
    expect(answer.getId()).toBe(`${org.id}/${ada.id}`);
    expect(plain(answer, "getInputs")).toEqual({
      instanceId: sim().instanceId,
      orgId: org.id,
      userId: ada.id,
      role: "edit",
    });
    expect(sim().requests.entries.every((entry) => entry.method === "GET")).toBe(true);
  });

  it("refuses an import ID that names no instance, saying both forms", async () => {
    const read = new protocol.provider.ReadRequest();
    read.setUrn(URN);
    read.setId("not-an-id");
    await expect(call("read", read)).rejects.toMatchObject({
      details: expect.stringContaining(
        "give <instanceId>/<orgId>, or set the provider's instanceId",
      ),
    });
  });

  it("uses the token Configure gave: a token of no instance fails the read with a 401", async () => {
    const configure = new protocol.provider.ConfigureRequest();
    configure.setArgs(struct({ apiUrl: sim().url, apiToken: "not-a-token" }));
    await call("configure", configure);
    const org = await existing({ name: "Guarded" });
    const read = new protocol.provider.ReadRequest();
    read.setUrn(URN);
    read.setId(`${sim().instanceId}/${org.id}`);
    await expect(call("read", read)).rejects.toMatchObject({
      details: expect.stringContaining("401"),
    });
  });

  it("plans a create without a request, and creates the org with one POST when not a plan", async () => {
    const create = new protocol.provider.CreateRequest();
    create.setUrn(URN);
    create.setProperties(struct({ instanceId: sim().instanceId, name: "Planned" }));
    create.setPreview(true);
    await call("create", create);
    expect(sim().requests.count({ method: "POST" })).toBe(0);
    create.setPreview(false);
    const created = await call("create", create);
    expect(sim().requests.count({ method: "POST" })).toBe(1);
    expect(
      sim()
        .orgs()
        .map((org) => org.id),
    ).toContain(created.getId());
  });

  it("reports invalid inputs at check with the property path", async () => {
    const check = new protocol.provider.CheckRequest();
    check.setUrn(URN);
    check.setOlds(struct({}));
    check.setNews(struct({ instanceId: sim().instanceId, name: "x", limits: { device: -1 } }));
    const answer = await call("check", check);
    const failures = (answer.getFailuresList() as Message[]).map((f) => [
      f.getProperty(),
      f.getReason(),
    ]);
    expect(failures).toEqual([["limits", expect.stringContaining("limits.device")]]);
    expect(sim().requests.entries).toEqual([]);
  });

  it("answers the getInstanceOrgs invoke with the orgs a glob picks", async () => {
    await existing({ name: "Fleet North" });
    await existing({ name: "Fleet South" });
    await existing({ name: "Other" });
    const invoke = new protocol.provider.InvokeRequest();
    invoke.setTok("losant:index:getInstanceOrgs");
    invoke.setArgs(struct({ instanceId: sim().instanceId, globs: ["Fleet *"] }));
    const result = plain(await call("invoke", invoke), "getReturn");
    expect((result.orgs as Array<{ name: string }>).map((org) => org.name).sort()).toEqual([
      "Fleet North",
      "Fleet South",
    ]);
  });

  it("refuses an unknown function, naming the ones it has", async () => {
    const invoke = new protocol.provider.InvokeRequest();
    invoke.setTok("losant:index:getEverything");
    invoke.setArgs(struct({}));
    await expect(call("invoke", invoke)).rejects.toMatchObject({
      details: expect.stringContaining("has no function losant:index:getEverything"),
    });
  });
});
