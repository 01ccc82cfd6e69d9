// Guards "creation must never duplicate an org" against the simulator over real HTTP: when the
// POST is applied and its answer is lost, the lookup must find the org by its exact name,
// whatever characters the name holds (a glob filter cannot match `[x]` to itself, and lets
// `a?c` match `abc`), so the retry adopts it instead of creating a second one.
import nodeFetch from "node-fetch";
import { LosantClient, type FetchLike } from "../../../provider";
import { exactNameQuery } from "../../../provider/losant/createOrg";
import { useSimulator } from "../../helpers/simulator";

const sim = useSimulator();
const POST = "POST /instances/:instanceId/orgs";
const LIST = "GET /instances/:instanceId/orgs";

/** Names a glob or a regular expression would misread, and unicode. */
const trickyNames = [
  "[brackets]",
  "star*and?question",
  "range[a-z]*",
  "regex.^$(a|b)+{2}\\d",
  "percent%20 plus+ amp&eq=",
  "Ünïcødé 名前 ✓ 🚀",
  "  spaced  ",
];

/** Orgs a loose match would confuse with `name`: what a glob lets through or case folds. */
function lookalikes(name: string): string[] {
  return [name.replace(/[*?[\]]/g, "x"), name.toUpperCase(), `${name}-other`];
}

/** What the server answered to each list request, beside its query: real HTTP, only read. */
let lookups: Array<{ query: unknown; ids: string[] }> = [];

const recordingFetch: FetchLike = async (url, init) => {
  const response = await nodeFetch(url, init);
  const text = await response.text();
  const query = new URL(url).searchParams.get("query");
  if (init.method === "GET" && query !== null) {
    const items = (JSON.parse(text) as { items?: Array<{ id: string }> }).items ?? [];
    lookups.push({ query: JSON.parse(query), ids: items.map((org) => org.id) });
  }
  return { status: response.status, headers: response.headers, text: async () => text };
};

/** A fresh instance per test, so no org of an earlier test shares a name. */
let instanceId: string;

beforeEach(() => {
  lookups = [];
  instanceId = sim().addInstance();
});

function client(): LosantClient {
  return new LosantClient({ token: sim().tokens.admin, url: sim().url, fetch: recordingFetch });
}

/** The orgs stored under `name`, or under `name` trimmed: a server may trim names. */
function orgsNamed(name: string) {
  return sim()
    .orgs(instanceId)
    .filter((org) => org.name === name || org.name === name.trim());
}

describe.each(trickyNames)("createOrg of %j with the POST answer dropped after apply", (name) => {
  it("leaves exactly one org of that name and returns it, without a second POST", async () => {
    for (const other of lookalikes(name)) {
      if (other !== name) await client().createOrg(instanceId, { name: other });
    }
    sim().requests.reset();
    sim().faults.add({ kind: "dropAfterApply", method: "POST" });

    const created = await client().createOrg(instanceId, { name });

    const held = orgsNamed(name);
    expect(held).toHaveLength(1);
    expect(created.id).toBe(held[0].id);
    expect(created.name).toBe(held[0].name);
    expect(sim().requests.entries.map((entry) => entry.route)).toEqual([POST, LIST]);
  });

  it("looks it up with an exact query whose answer holds that org alone", async () => {
    for (const other of lookalikes(name)) {
      if (other !== name) await client().createOrg(instanceId, { name: other });
    }
    sim().faults.add({ kind: "dropAfterApply", method: "POST" });
    const created = await client().createOrg(instanceId, { name });
    expect(lookups).toEqual([{ query: exactNameQuery(name), ids: [created.id] }]);
  });
});

it("sends the POST again when the lookup proves the first one never landed", async () => {
  const name = "reset[*]?";
  sim().faults.add({ kind: "reset", method: "POST" });
  const created = await client().createOrg(instanceId, { name });
  expect(orgsNamed(name).map((org) => org.id)).toEqual([created.id]);
  expect(sim().requests.entries.map((entry) => entry.route)).toEqual([POST, LIST, POST]);
});
