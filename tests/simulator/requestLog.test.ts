/**
 * The request log: tests and benchmarks read the exact calls a client made, by method,
 * path, route template and status.
 */
import { useSimulator } from "../helpers/simulator";
import { api } from "./api";

const sim = useSimulator();
const { call, createOrg, orgsPath, orgPath } = api(sim);
const ORGS_ROUTE = "/instances/:instanceId/orgs";
const ORG_ROUTE = `${ORGS_ROUTE}/:orgId`;

it("records method, path, query, route template and status of every request in order", async () => {
  const org = await createOrg({ name: "Logged" });
  await call("PATCH", orgPath(org.id), { body: { name: "Logged 2" } });
  await call("GET", `${orgPath(org.id)}/deviceCounts`, { query: { start: 0 } });
  await call("DELETE", orgPath(org.id));
  await call("GET", orgPath(org.id));
  expect(sim().requests.entries).toEqual([
    { method: "POST", path: orgsPath(), route: `POST ${ORGS_ROUTE}`, status: 200 },
    { method: "PATCH", path: orgPath(org.id), route: `PATCH ${ORG_ROUTE}`, status: 200 },
    {
      method: "GET",
      path: `${orgPath(org.id)}/deviceCounts`,
      query: "start=0",
      route: `GET ${ORG_ROUTE}/deviceCounts`,
      status: 200,
    },
    { method: "DELETE", path: orgPath(org.id), route: `DELETE ${ORG_ROUTE}`, status: 200 },
    { method: "GET", path: orgPath(org.id), route: `GET ${ORG_ROUTE}`, status: 404 },
  ]);
});

it("records refused requests with their status", async () => {
  await call("GET", orgsPath(), { token: null });
  await call("POST", orgsPath(), { body: {} });
  expect(sim().requests.entries.map((e) => e.status)).toEqual([401, 400]);
});

it("records an unknown route with route null", async () => {
  await call("GET", "/nowhere");
  expect(sim().requests.entries).toEqual([
    { method: "GET", path: "/nowhere", route: null, status: 404 },
  ]);
});

it("records a request left unanswered with status 0 and the fault", async () => {
  sim().faults.add({ kind: "reset" });
  await expect(call("GET", orgsPath())).rejects.toThrow();
  expect(sim().requests.entries).toEqual([
    { method: "GET", path: orgsPath(), route: `GET ${ORGS_ROUTE}`, status: 0, fault: "reset" },
  ]);
});

it("counts by method, route and status", async () => {
  await createOrg({ name: "One" });
  await createOrg({ name: "Two" });
  await call("GET", orgsPath());
  await call("GET", orgsPath(), { token: null });
  const { requests } = sim();
  expect(requests.count()).toBe(4);
  expect(requests.count({ method: "post" })).toBe(2);
  expect(requests.count({ route: `GET ${ORGS_ROUTE}` })).toBe(2);
  expect(requests.count({ route: `GET ${ORGS_ROUTE}`, status: 200 })).toBe(1);
});

it("forgets everything on reset", async () => {
  await call("GET", orgsPath());
  sim().requests.reset();
  expect(sim().requests.count()).toBe(0);
});

it("hands out copies that later requests do not change", async () => {
  await call("GET", orgsPath());
  const before = sim().requests.entries;
  await call("GET", orgsPath());
  expect(before).toHaveLength(1);
});
