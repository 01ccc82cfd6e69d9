/**
 * Routing and lookups: unknown routes, instances and orgs answer 404 with Losant's error
 * body.
 */
import {
  INSTANCE_NOT_FOUND_MESSAGE,
  ORG_NOT_FOUND_MESSAGE,
  ROUTE_NOT_FOUND_MESSAGE,
} from "../../simulator";
import { useSimulator } from "../helpers/simulator";
import { api, expectError } from "./api";

const sim = useSimulator();
const { call, createOrg, orgsPath, orgPath } = api(sim);
const MISSING = "ffffffffffffffffffffffff";

it("answers 404 NotFound for an unknown path", async () => {
  const answer = await call("GET", "/instances");
  expectError(answer, 404, "NotFound", ROUTE_NOT_FOUND_MESSAGE("GET", "/instances"));
});

it("answers 404 for a known path with a method it does not serve", async () => {
  expect((await call("PUT", orgsPath())).status).toBe(404);
});

it("answers 404 for an unknown instance", async () => {
  const answer = await call("GET", orgsPath(MISSING));
  expect(answer.body).toEqual({ type: "NotFound", message: INSTANCE_NOT_FOUND_MESSAGE });
});

it("answers 404 for an unknown org", async () => {
  const answer = await call("GET", `${orgPath(MISSING)}/deviceCounts`);
  expect(answer.body).toEqual({ type: "NotFound", message: ORG_NOT_FOUND_MESSAGE });
});

it("answers 404 for an org asked for through another instance", async () => {
  const org = await createOrg({ name: "Elsewhere" });
  const other = sim().addInstance();
  expect((await call("GET", orgPath(org.id, other))).status).toBe(404);
});

it("creates orgs in an added instance with that instance's default limits", async () => {
  const other = sim().addInstance({ defaultLimits: { device: 3 } });
  const answer = await call<{ limits: { device: number }; instanceId: string }>(
    "POST",
    orgsPath(other),
    { body: { name: "Small" } },
  );
  expect(answer.body).toMatchObject({ instanceId: other, limits: { device: 3 } });
});

it("answers JSON with a JSON content type", async () => {
  const answer = await call("GET", orgsPath());
  expect(answer.headers.get("content-type")).toMatch(/^application\/json/);
});

it("treats a path starting with // as a path, not a host", async () => {
  const answer = await call("GET", `${sim().url}//instances`);
  expectError(answer, 404, "NotFound", ROUTE_NOT_FOUND_MESSAGE("GET", "//instances"));
});
