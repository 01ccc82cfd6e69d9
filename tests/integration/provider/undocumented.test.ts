// The provider where Losant's documentation is silent (shared/losant-api/README.md): these run
// under every simulator profile (jest.config.js), and each states what must hold whichever
// answer the server gives. Guards a real instance against the simulator's guesses: a limits
// change resetting every other limit, outputs missing declared tags after a create (a preview
// that never settles), and values the server stores differently shown as a change forever.
import { setWarningSink } from "../../../provider/engineLog";
import type { InstanceOrgInputs } from "../../../provider";
import { useSimulator } from "../../helpers/simulator";
import { configuredProvider, type Provider } from "../../helpers/provider";
import { callsSeen, orgInputs } from "./orgFixtures";

const POST = "POST /instances/:instanceId/orgs";
const GET = "GET /instances/:instanceId/orgs/:orgId";
const PATCH = "PATCH /instances/:instanceId/orgs/:orgId";

const sim = useSimulator();
let provider: Provider;
let warnings: string[];

beforeEach(async () => {
  provider = await configuredProvider(sim());
  warnings = [];
  setWarningSink(async (message) => {
    warnings.push(message);
  });
});

afterAll(() => setWarningSink(undefined));

const inputs = (extra: Partial<InstanceOrgInputs> = {}) => orgInputs(sim(), extra);
const calls = () => callsSeen(sim());

function stored(id: string): Record<string, unknown> {
  return sim()
    .orgs()
    .find((org) => org.id === id) as unknown as Record<string, unknown>;
}

describe("a create", () => {
  it("holds every declared property in its outputs, with a GET only when the answer lacked one", async () => {
    const declared = inputs({
      tags: [{ key: "env", value: "prod" }],
      auditLogEnabled: true,
      referralId: "ref-1",
    });
    const result = await provider.create(declared);
    const answerLacksThem = sim().profile.createAnswer === "org";
    expect(calls()).toEqual(answerLacksThem ? [POST, GET] : [POST]);
    expect(result.outs).toMatchObject({
      tags: [{ key: "env", value: "prod" }],
      auditLogEnabled: true,
      referralId: "ref-1",
      instanceId: sim().instanceId,
    });
    expect(await provider.diff(result.id, result.outs!, declared)).toMatchObject({
      changes: false,
    });
  });

  it("sends one POST when it declares only what every create answer carries", async () => {
    await provider.create(inputs({ description: "d", limits: { device: 3 }, mfaMode: "required" }));
    expect(calls()).toEqual([POST]);
  });

  it("keeps only the org's properties in its outputs, whatever shape the answer has", async () => {
    const result = await provider.create(inputs({ members: [] }));
    expect(result.outs).not.toHaveProperty("members");
    expect(result.outs).not.toHaveProperty("isEnterprise");
  });
});

describe("a limits change", () => {
  it("leaves every undeclared limit at its live value", async () => {
    const declared = inputs({ limits: { device: 5 } });
    const { id, outs } = await provider.create(declared);
    const before = stored(id).limits as Record<string, number>;
    sim().requests.reset();
    await provider.update(id, outs!, { ...declared, limits: { device: 6 } });
    expect(calls()).toEqual([GET, PATCH]);
    expect(stored(id).limits).toEqual({ ...before, device: 6 });
  });

  it("leaves a limit changed outside Pulumi since the last refresh at its live value", async () => {
    const declared = inputs({ limits: { device: 5 } });
    const { id, outs } = await provider.create(declared);
    const live = { ...(stored(id).limits as Record<string, number>), dashboard: 9 };
    await fetch(`${sim().url}/instances/${sim().instanceId}/orgs/${id}`, {
      method: "PATCH",
      headers: {
        Authorization: `Bearer ${sim().tokens.admin}`,
        "Content-Type": "application/json",
      },
      body: JSON.stringify({ limits: live }),
    });
    await provider.update(id, outs!, { ...declared, limits: { device: 6 } });
    expect(stored(id).limits).toEqual({ ...live, device: 6 });
  });
});

describe("a declared value the server stores differently", () => {
  const declared = () =>
    inputs({ name: "  Padded Name  ", iconColor: "#ABCDEF", limits: { device: 10_000_000 } });

  it("is reported with the declared value, the stored one and what to declare instead", async () => {
    const result = await provider.create(declared());
    if (sim().profile.normalization === "off") {
      expect(warnings).toEqual([]);
      expect(result.outs).not.toHaveProperty("normalized");
      return;
    }
    const device = (stored(result.id).limits as Record<string, number>).device;
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`"Padded Name" (${result.id})`);
    expect(warnings[0]).toContain('name: declared "  Padded Name  ", stored "Padded Name"');
    expect(warnings[0]).toContain('declare iconColor: "#abcdef" to match');
    expect(warnings[0]).toContain(`declare limits.device: ${device} to match`);
    expect(result.outs!.normalized).toEqual({
      name: { declared: "  Padded Name  ", stored: "Padded Name" },
      iconColor: { declared: "#ABCDEF", stored: "#abcdef" },
      "limits.device": { declared: 10_000_000, stored: device },
    });
  });

  it("is no change for diff while the declaration and the stored value stay the same", async () => {
    const wanted = declared();
    const result = await provider.create(wanted);
    expect(await provider.diff(result.id, result.outs!, wanted)).toMatchObject({ changes: false });
  });

  it("is remembered across a refresh, and not reported again by an update of another field", async () => {
    const wanted = declared();
    const created = await provider.create(wanted);
    const read = await provider.read(created.id, created.outs);
    expect(await provider.diff(created.id, read.props!, wanted)).toMatchObject({ changes: false });
    warnings = [];
    sim().requests.reset();
    const updated = await provider.update(created.id, read.props!, { ...wanted, description: "x" });
    expect(calls()).toEqual([PATCH]);
    expect(warnings).toEqual([]);
    expect(
      await provider.diff(created.id, updated.outs!, { ...wanted, description: "x" }),
    ).toMatchObject({
      changes: false,
    });
  });
});
