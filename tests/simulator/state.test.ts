/**
 * The state file: a long-running simulator keeps its instances, orgs, users, members and
 * tokens across restarts, and refuses a file it cannot trust rather than starting empty.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { INVALID_RESPONSE_MESSAGE, startSimulator, type Simulator } from "../../simulator";

const NOW = Date.parse("2024-02-01T00:00:00.000Z");
let dir: string;
let stateFile: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "losant-sim-state-"));
  stateFile = join(dir, "state.json");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const start = (): Promise<Simulator> => startSimulator({ stateFile, now: () => NOW });

async function get(sim: Simulator, path: string, token = sim.tokens.admin): Promise<Response> {
  return fetch(`${sim.url}${path}`, { headers: { Authorization: `Bearer ${token}` } });
}

it("keeps the seeded instance and tokens across a restart", async () => {
  const first = await start();
  await first.close();
  const second = await start();
  expect({ instanceId: second.instanceId, tokens: second.tokens }).toEqual({
    instanceId: first.instanceId,
    tokens: first.tokens,
  });
  await second.close();
});

it("keeps orgs across a restart", async () => {
  const first = await start();
  const created = await fetch(`${first.url}/instances/${first.instanceId}/orgs`, {
    method: "POST",
    headers: { Authorization: `Bearer ${first.tokens.admin}`, "Content-Type": "application/json" },
    body: JSON.stringify({ name: "Durable", limits: { device: 9 } }),
  }).then((r) => r.json() as Promise<{ id: string }>);
  await first.close();

  const second = await start();
  const answer = await get(second, `/instances/${second.instanceId}/orgs/${created.id}`);
  expect(await answer.json()).toEqual(created);
  await second.close();
});

it("keeps added tokens and instances across a restart", async () => {
  const first = await start();
  const token = first.addToken(["instanceOrgs.get"]);
  const instanceId = first.addInstance();
  await first.close();
  const second = await start();
  expect((await get(second, `/instances/${instanceId}/orgs`, token)).status).toBe(200);
  await second.close();
});

it("keeps users and members across a restart", async () => {
  const first = await start();
  const user = first.addUser({ email: "kept@example.com", firstName: "Kept" });
  const orgsUrl = `${first.url}/instances/${first.instanceId}/orgs`;
  const created = await fetch(orgsUrl, {
    method: "POST",
    headers: { Authorization: `Bearer ${first.tokens.admin}`, "Content-Type": "application/json" },
    body: JSON.stringify({ name: "Staffed", members: [{ userId: user.id, role: "admin" }] }),
  }).then((r) => r.json() as Promise<{ id: string }>);
  const members = first.members(created.id);
  await first.close();

  const second = await start();
  expect(second.users()).toEqual(first.users());
  expect(second.members(created.id)).toEqual(members);
  await second.close();
});

it("seeds users for the instances of a file saved before users existed", async () => {
  const first = await start();
  const seeded = first.users();
  await first.close();
  const state = JSON.parse(readFileSync(stateFile, "utf8"));
  delete state.users;
  delete state.members;
  writeFileSync(stateFile, JSON.stringify(state));

  const second = await start();
  expect(second.users()).toEqual(seeded);
  await second.close();
});

it("writes the file readable only by its owner, since it holds tokens", async () => {
  const sim = await start();
  expect(statSync(stateFile).mode & 0o777).toBe(0o600);
  await sim.close();
});

it("refuses a file that is not JSON", async () => {
  writeFileSync(stateFile, "{ not json");
  await expect(start()).rejects.toThrow(/not valid JSON/);
});

it("refuses a file of another version", async () => {
  writeFileSync(stateFile, JSON.stringify({ version: 99 }));
  await expect(start()).rejects.toThrow(/not a version 1 simulator state/);
});

async function startWithBrokenOrg(validateResponses: boolean): Promise<[Simulator, string]> {
  const first = await start();
  await fetch(`${first.url}/instances/${first.instanceId}/orgs`, {
    method: "POST",
    headers: { Authorization: `Bearer ${first.tokens.admin}` },
    body: JSON.stringify({ name: "Soon broken" }),
  });
  await first.close();
  const state = JSON.parse(readFileSync(stateFile, "utf8"));
  state.orgs[0].mfaMode = "sometimes";
  writeFileSync(stateFile, JSON.stringify(state));
  const sim = await startSimulator({ stateFile, now: () => NOW, validateResponses });
  return [sim, `/instances/${sim.instanceId}/orgs/${state.orgs[0].id}`];
}

it("answers 500 and records the error when a stored org breaks the response schema", async () => {
  const [sim, path] = await startWithBrokenOrg(true);
  const answer = await get(sim, path);
  const details =
    "/mfaMode must be equal to one of the allowed values: notRequired, adminRequired, required (enum)";
  expect({ status: answer.status, body: await answer.json() }).toEqual({
    status: 500,
    body: { type: "ServerError", message: INVALID_RESPONSE_MESSAGE(details) },
  });
  expect(sim.responseErrors).toEqual([
    expect.objectContaining({ method: "GET", schema: "instanceOrg", details }),
  ]);
  await sim.close();
});

it("sends such a response unchecked when validateResponses is false", async () => {
  const [sim, path] = await startWithBrokenOrg(false);
  expect((await get(sim, path)).status).toBe(200);
  expect(sim.responseErrors).toEqual([]);
  await sim.close();
});
