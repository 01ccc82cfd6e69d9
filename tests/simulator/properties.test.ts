/**
 * Properties of the simulator's model over large input spaces (fast-check): the invariants
 * the HTTP tests check on a few examples hold for any org, range and body.
 */
import fc from "fast-check";

import { DEFAULT_INSTANCE_LIMITS, type LimitKey } from "../../simulator";
import type { InstanceRecord, OrgPostBody } from "../../simulator/model";
import { createOrgRecord, nextTimestamp, patchOrgRecord } from "../../simulator/orgs";
import { globToRegExp } from "../../simulator/query";
import { orgResponse, withoutHypermedia } from "../../simulator/responses";
import { SUMMARY_FIELDS } from "../../simulator/summary";
import { DAY_MS, deviceCounts, HOUR_MS, payloadCountsBreakdown } from "../../simulator/usage";
import { validate } from "../../simulator/validation";

const NOW = Date.parse("2024-06-01T00:00:00.000Z");
const INSTANCE: InstanceRecord = {
  id: "575ec8687ae143cd83dc4a97",
  name: "Instance",
  creationDate: new Date(NOW).toISOString(),
  defaultLimits: { ...DEFAULT_INSTANCE_LIMITS },
};

const hexId = fc.stringMatching(/^[0-9a-f]{24}$/);
const day = fc.integer({ min: 0, max: 30_000 }).map((n) => n * DAY_MS);
const limitKey = fc.constantFrom(...(Object.keys(DEFAULT_INSTANCE_LIMITS) as LimitKey[]));
function limitValue(key: LimitKey): fc.Arbitrary<number> {
  if (key === "dataTTL") return fc.integer({ min: 86_400, max: 10 ** 9 });
  if (key === "systemInterval") return fc.integer({ min: 5, max: 3600 });
  return fc.integer({ min: 0, max: 10 ** 9 });
}
const validLimits = fc
  .uniqueArray(limitKey, { maxLength: 8 })
  .chain((keys) => fc.tuple(...keys.map(limitValue)).map((values) => ({ keys, values })))
  .map(({ keys, values }) => Object.fromEntries(keys.map((k, i) => [k, values[i]])));
const tag = fc.record({
  key: fc.stringMatching(/^[0-9a-zA-Z_-]{1,20}$/),
  value: fc.string({ minLength: 1, maxLength: 20 }),
});
const postBody: fc.Arbitrary<OrgPostBody> = fc.record(
  {
    name: fc.string({ minLength: 1, maxLength: 40 }),
    description: fc.string({ maxLength: 40 }),
    limits: validLimits,
    tags: fc.array(tag, { maxLength: 5 }),
    mfaMode: fc.constantFrom("notRequired", "adminRequired", "required"),
    disabledAt: fc.oneof(fc.boolean(), fc.constant("2024-01-02T03:04:05+01:00")),
    auditLogEnabled: fc.boolean(),
    banner: fc.record({
      message: fc.string(),
      level: fc.constantFrom("info", "warning", "critical"),
    }),
  },
  { requiredKeys: ["name"] },
);

it("keeps every device total equal to the previous total plus created minus deleted", () => {
  fc.assert(
    fc.property(hexId, day, fc.integer({ min: 1, max: 90 }), (orgId, start, days) => {
      const { counts } = deviceCounts(orgId, { startMs: start, endMs: start + days * DAY_MS });
      for (let i = 1; i < counts.length; i++) {
        expect(counts[i].total).toBe(counts[i - 1].total + counts[i].created - counts[i].deleted);
        expect(
          Math.min(counts[i].created, counts[i].deleted, counts[i].total),
        ).toBeGreaterThanOrEqual(0);
      }
    }),
  );
});

it("makes every day's payload count the sum of its hours, with or without non-billable", () => {
  fc.assert(
    fc.property(hexId, day, fc.boolean(), (orgId, start, includeNonBillable) => {
      const range = { startMs: start, endMs: start + DAY_MS - 1 };
      const options = { asBytes: false, includeNonBillable };
      const daily = payloadCountsBreakdown(orgId, range, { ...options, resolution: DAY_MS });
      const hourly = payloadCountsBreakdown(orgId, range, { ...options, resolution: HOUR_MS });
      expect(daily.counts[0].value).toBe(hourly.counts.reduce((sum, p) => sum + p.value, 0));
    }),
    { numRuns: 50 },
  );
});

it("matches a glob without wildcards against exactly that name, ignoring case", () => {
  fc.assert(
    fc.property(
      fc.string().filter((s) => !/[*?]/.test(s)),
      (name) => {
        expect(globToRegExp(name).test(name)).toBe(true);
        expect(globToRegExp(name).test(name.toUpperCase())).toBe(true);
        expect(globToRegExp(name).test(`${name}x`)).toBe(false);
      },
    ),
  );
});

it("moves timestamps strictly forward and never behind the clock", () => {
  fc.assert(
    fc.property(day, fc.integer({ min: -5_000, max: 5_000 }), (previousMs, offset) => {
      const previous = new Date(previousMs).toISOString();
      const next = Date.parse(nextTimestamp(previousMs + offset, previous));
      expect(next).toBeGreaterThan(previousMs);
      expect(next).toBeGreaterThanOrEqual(previousMs + offset);
    }),
  );
});

it("merges exactly the patched limit keys and nothing else", () => {
  fc.assert(
    fc.property(validLimits, validLimits, (posted, patched) => {
      const org = createOrgRecord(INSTANCE, "0".repeat(24), { name: "A", limits: posted }, NOW);
      const after = patchOrgRecord(INSTANCE, org, { limits: patched }, NOW);
      expect(after.limits).toEqual({ ...DEFAULT_INSTANCE_LIMITS, ...posted, ...patched });
      expect({ ...after, limits: org.limits, lastUpdated: org.lastUpdated }).toEqual(org);
    }),
  );
});

it("answers every valid POST body with an org that validates against instanceOrg.json", () => {
  fc.assert(
    fc.property(postBody, (body) => {
      expect(validate("instanceOrgPost", body)).toEqual({ ok: true });
      const org = createOrgRecord(INSTANCE, "a".repeat(24), body, NOW);
      const response = withoutHypermedia(orgResponse(org, SUMMARY_FIELDS, NOW));
      expect(validate("instanceOrg", response)).toEqual({ ok: true });
    }),
    { numRuns: 50 },
  );
});

it("refuses a negative value for any limit, naming its path", () => {
  fc.assert(
    fc.property(limitKey, fc.integer({ max: -1 }), (key, value) => {
      const result = validate("instanceOrgPatch", { limits: { [key]: value } });
      expect(result.ok).toBe(false);
      expect(result.ok || result.details).toContain(`/limits/${key} must be >=`);
    }),
  );
});
