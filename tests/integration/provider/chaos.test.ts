// Guards "creation must never duplicate an org" and "nothing already in place is lost" under
// a hostile network: many creates, updates and deletes at once while the simulator answers a
// share of requests with 429s and 5xx, drops connections before applying, and drops answers
// after applying (the ambiguous case). Every org must end up existing exactly once, with the
// declared values, and then be gone.
import type { InstanceOrgInputs, InstanceOrgOutputs } from "../../../provider";
import { configuredProvider, type Provider } from "../../helpers/provider";
import { useSimulator } from "../../helpers/simulator";

const ORGS = 40;
const sim = useSimulator();
let provider: Provider;

beforeEach(async () => {
  provider = await configuredProvider(sim());
});

/**
 * A fixed number of each fault, spread over the writes and the reads they trigger. Counts, not
 * probabilities: whichever requests they land on, no single call can meet more of them in a
 * row than its retry budget allows, so the outcome is the same on every run.
 */
function injectChaos(): void {
  for (const method of ["POST", "PATCH", "DELETE"]) {
    sim().faults.add({ kind: "dropAfterApply", method, times: 6 });
    sim().faults.add({ kind: "reset", method, times: 3 });
    sim().faults.add({ kind: "status", status: 503, method, times: 3 });
    sim().faults.add({ kind: "rateLimit", retryAfterSeconds: 0, method, times: 3 });
  }
}

function declared(i: number): InstanceOrgInputs {
  return {
    instanceId: sim().instanceId,
    name: `chaos-${i}`,
    limits: { device: i },
    tags: [{ key: "n", value: String(i) }],
  };
}

it("creates, updates and deletes every org exactly once under injected faults", async () => {
  injectChaos();
  const created = await Promise.all(
    Array.from({ length: ORGS }, (_, i) => provider.create(declared(i))),
  );
  const names = sim()
    .orgs()
    .map((org) => org.name)
    .filter((name) => name.startsWith("chaos-"))
    .sort();
  expect(names).toEqual(Array.from({ length: ORGS }, (_, i) => `chaos-${i}`).sort());

  const updated = await Promise.all(
    created.map(({ id, outs }, i) =>
      provider.update(id, outs as InstanceOrgOutputs, {
        ...declared(i),
        description: `updated ${i}`,
      }),
    ),
  );
  updated.forEach(({ outs }, i) =>
    expect(outs).toMatchObject({ description: `updated ${i}`, limits: { device: i } }),
  );

  await Promise.all(created.map(({ id, outs }) => provider.delete(id, outs as InstanceOrgOutputs)));
  expect(
    sim()
      .orgs()
      .filter((org) => org.name?.startsWith("chaos-")),
  ).toEqual([]);
  // The faults really fired: this is not a test of the quiet path.
  expect(
    sim().requests.entries.filter((entry) => entry.fault !== undefined).length,
  ).toBeGreaterThan(ORGS / 2);
}, 120_000);
