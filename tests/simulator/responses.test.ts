/**
 * Every answer the simulator sends validates against the official response schema (minus
 * the hypermedia fields), so a client tested against it is tested against the real shapes.
 */
import orgSchema from "../../schemas/instanceOrg.json";
import { useSimulator } from "../helpers/simulator";
import { api, type OrgAnswer } from "./api";

const sim = useSimulator();
const { call, createOrg, orgsPath, orgPath } = api(sim);

it("answers a mixed workload without a single response schema failure", async () => {
  const org = await createOrg({
    name: "Everything",
    description: "All fields",
    iconColor: "#123456",
    limits: { device: 1, dataTTL: 86400, systemInterval: 5 },
    whitelistedEmailDomains: ["example.com"],
    auditLogEnabled: true,
    disabledAt: true,
    isReadOnly: true,
    tags: [{ key: "k", value: "v" }],
    referralId: "r",
    mfaMode: "adminRequired",
    banner: { message: "Hello", level: "critical" },
    members: [{ email: "x@example.com", role: "view" }],
  });
  await call("PATCH", orgPath(org.id), { body: { disabledAt: false, limits: { flow: 0 } } });
  await call("GET", orgPath(org.id), { query: { summaryInclude: "payloadCount,notebookStats" } });
  await call("GET", orgsPath(), { query: { filter: "*", sortField: "lastUpdated", perPage: 1 } });
  await call("GET", `${orgPath(org.id)}/deviceCounts`);
  await call("GET", `${orgPath(org.id)}/notebookMinuteCounts`);
  const query = { resolution: 3600000, asBytes: true, includeNonBillable: true };
  await call("GET", `${orgPath(org.id)}/payloadCountsBreakdown`, { query });
  await call("POST", orgsPath(), { body: { name: "" } });
  await call("DELETE", orgPath(org.id));

  expect(sim().requests.entries.map((e) => e.status)).toEqual([
    200, 200, 200, 200, 200, 200, 200, 400, 200,
  ]);
  expect(sim().responseErrors).toEqual([]);
});

it("answers the full summary with every field of the schema by default", async () => {
  const org = await createOrg({ name: "Summary" });
  const { body } = await call<OrgAnswer>("GET", orgPath(org.id));
  expect(Object.keys(body.summary)).toEqual(Object.keys(orgSchema.properties.summary.properties));
});
