// The InstanceOrgMember provider against the simulator over loopback HTTP, under every
// simulator profile: each step sends exactly the requests it promises, a member is never added
// twice, and a refresh reads the members of an org with one list request.
import type * as dynamic from "@pulumi/pulumi/dynamic";
import * as memberProvider from "../../../provider/instanceOrgMemberProvider";
import type {
  InstanceOrgMemberInputs,
  InstanceOrgMemberOutputs,
} from "../../../provider/member/model";
import { useSimulator } from "../../helpers/simulator";
import { callsSeen } from "./orgFixtures";

type Provider = Required<
  dynamic.ResourceProvider<InstanceOrgMemberInputs, InstanceOrgMemberOutputs>
>;
const provider = memberProvider as unknown as Provider;
const sim = useSimulator();

const MEMBERS = "/instances/:instanceId/orgs/:orgId/members";
const MEMBER = `${MEMBERS}/:userId`;
const APP = "0123456789abcdef01234567";

let orgId: string;

beforeEach(async () => {
  const values: Record<string, string> = {
    "losant:apiToken": sim().tokens.admin,
    "losant:apiUrl": sim().url,
  };
  await provider.configure({
    config: { get: (key: string) => values[key], require: (key: string) => values[key] ?? "" },
  });
  orgId = await api<{ id: string }>("POST", "/orgs", { name: `org-${Math.random()}` }).then(
    (org) => org.id,
  );
  sim().requests.reset();
});

/** Calls the API directly, out of band of the provider. */
async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${sim().url}/instances/${sim().instanceId}${path}`, {
    method,
    headers: { Authorization: `Bearer ${sim().tokens.admin}`, "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

const user = (i: number) => sim().users()[i];
const calls = () => callsSeen(sim());
const inputs = (extra: Partial<InstanceOrgMemberInputs>): InstanceOrgMemberInputs => ({
  instanceId: sim().instanceId,
  orgId,
  role: "view",
  ...extra,
});
const roleOf = (userId: string) =>
  sim()
    .members(orgId)
    .find((m) => m.userId === userId)?.role;

async function created(extra: Partial<InstanceOrgMemberInputs>) {
  const result = await provider.create(inputs(extra));
  sim().requests.reset();
  return { id: result.id, outs: result.outs! };
}

describe("create", () => {
  it("adds a user by ID with one GET and one POST, and returns the member as outputs", async () => {
    const result = await provider.create(inputs({ userId: user(1).id, role: "edit" }));
    expect(calls()).toEqual([`GET ${MEMBER}`, `POST ${MEMBERS}`]);
    expect(result.id).toBe(`${orgId}/${user(1).id}`);
    expect(result.outs).toMatchObject({
      instanceId: sim().instanceId,
      orgId,
      userId: user(1).id,
      email: user(1).email,
      role: "edit",
    });
    expect(roleOf(user(1).id)).toBe("edit");
  });

  it("adds a user by email with one list and one POST", async () => {
    const result = await provider.create(inputs({ email: user(2).email.toUpperCase() }));
    expect(calls()).toEqual([`GET ${MEMBERS}`, `POST ${MEMBERS}`]);
    expect(result.outs!.userId).toBe(user(2).id);
    expect(roleOf(user(2).id)).toBe("view");
  });

  it("adopts a user who is a member already with the same role: no write", async () => {
    await api("POST", `/orgs/${orgId}/members`, { userId: user(3).id, role: "view" });
    sim().requests.reset();
    const result = await provider.create(inputs({ userId: user(3).id }));
    expect(calls()).toEqual([`GET ${MEMBER}`]);
    expect(result.id).toBe(`${orgId}/${user(3).id}`);
    expect(
      sim()
        .members(orgId)
        .filter((m) => m.userId === user(3).id),
    ).toHaveLength(1);
  });

  it("adopts a member found by email and PATCHes the role that differs, never POSTing", async () => {
    await api("POST", `/orgs/${orgId}/members`, { userId: user(4).id, role: "collaborate" });
    sim().requests.reset();
    await provider.create(inputs({ email: user(4).email, role: "admin" }));
    expect(calls()).toEqual([`GET ${MEMBERS}`, `PATCH ${MEMBER}`]);
    expect(roleOf(user(4).id)).toBe("admin");
  });

  it("sends the declared application roles with the POST and keeps them in the outputs", async () => {
    const applicationRoles = [{ resourceId: APP, role: "collaborate" as const }];
    const result = await provider.create(inputs({ userId: user(1).id, applicationRoles }));
    expect(calls()).toEqual([`GET ${MEMBER}`, `POST ${MEMBERS}`]);
    expect(result.outs!.applicationRoles).toEqual(applicationRoles);
    const stored = sim()
      .members(orgId)
      .find((m) => m.userId === user(1).id);
    expect(stored?.applicationRoles).toEqual(applicationRoles);
  });
});

describe("read", () => {
  it("returns the live role, so a change made elsewhere shows as drift", async () => {
    const { id, outs } = await created({ userId: user(1).id });
    await api("PATCH", `/orgs/${orgId}/members/${user(1).id}`, { role: "edit" });
    const result = await provider.read(id, outs);
    expect(result.props!.role).toBe("edit");
    const drift = await provider.diff(id, result.props!, inputs({ userId: user(1).id }));
    expect(drift).toMatchObject({ changes: true, replaces: [] });
  });

  it("keeps the declared application roles, which the API never returns", async () => {
    const applicationRoles = [{ resourceId: APP, role: "view" as const }];
    const { id, outs } = await created({ userId: user(1).id, applicationRoles });
    const result = await provider.read(id, outs);
    expect(result.props!.applicationRoles).toEqual(applicationRoles);
  });

  it("drops a member removed elsewhere from the state (empty ID)", async () => {
    const { id, outs } = await created({ userId: user(1).id });
    await api("DELETE", `/orgs/${orgId}/members/${user(1).id}`);
    expect(await provider.read(id, outs)).toEqual({ id: "" });
  });

  it("answers reads of one org's members that arrive together with one list request", async () => {
    const members = [];
    for (const i of [1, 2, 3, 4]) members.push(await created({ userId: user(i).id }));
    await api("DELETE", `/orgs/${orgId}/members/${user(4).id}`);
    sim().requests.reset();
    const results = await Promise.all(members.map((m) => provider.read(m.id, m.outs)));
    expect(calls()).toEqual([`GET ${MEMBERS}`]);
    expect(results.map((r) => r.id)).toEqual([...members.slice(0, 3).map((m) => m.id), ""]);
  });

  it("reads one by one with a token that may read members but not list them", async () => {
    const members = [await created({ userId: user(1).id }), await created({ userId: user(2).id })];
    const token = sim().addToken(["instanceOrgMember.get"]);
    const values: Record<string, string> = { "losant:apiToken": token, "losant:apiUrl": sim().url };
    await provider.configure({
      config: { get: (key: string) => values[key], require: (key: string) => values[key] ?? "" },
    });
    const results = await Promise.all(members.map((m) => provider.read(m.id, m.outs)));
    expect(results.map((r) => r.props!.userId)).toEqual([user(1).id, user(2).id]);
    expect(calls()).toEqual([`GET ${MEMBERS}`, `GET ${MEMBER}`, `GET ${MEMBER}`]);
  });
});

describe("update", () => {
  it("changes the role with one PATCH", async () => {
    const { id, outs } = await created({ userId: user(1).id });
    const news = inputs({ userId: user(1).id, role: "collaborate" });
    expect(await provider.diff(id, outs, news)).toMatchObject({ changes: true, replaces: [] });
    const result = await provider.update(id, outs, news);
    expect(calls()).toEqual([`PATCH ${MEMBER}`]);
    expect(roleOf(user(1).id)).toBe("collaborate");
    expect(result.outs!.role).toBe("collaborate");
  });
});

describe("delete", () => {
  it("removes the member with one DELETE, and counts one already gone as removed", async () => {
    await created({ userId: user(1).id, role: "admin" });
    const { id, outs } = await created({ userId: user(2).id });
    await provider.delete(id, outs);
    await provider.delete(id, outs);
    expect(calls()).toEqual([`DELETE ${MEMBER}`, `DELETE ${MEMBER}`]);
    expect(roleOf(user(2).id)).toBeUndefined();
  });

  it("removes the org's last admin, or says why the API refused and what to do", async () => {
    const { id, outs } = await created({ userId: user(1).id, role: "admin" });
    const outcome = await provider.delete(id, outs).catch((err: Error) => err);
    if (sim().profile.lastAdminRemoval === "allowed") {
      expect(outcome).toBeUndefined();
      expect(roleOf(user(1).id)).toBeUndefined();
    } else {
      expect((outcome as Error).message).toMatch(
        /refused to remove .* last admin: make another member admin first/,
      );
      expect(roleOf(user(1).id)).toBe("admin");
    }
  });
});
