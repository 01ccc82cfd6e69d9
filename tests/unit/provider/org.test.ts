// Guards the one home of the org's facts: the provider, its diff and the SDK all read them
// from provider/losant/org.ts, so a rule that drifts here drifts everywhere at once.
import instanceOrgPatchSchema from "../../../schemas/instanceOrgPatch.json";
import instanceOrgSchema from "../../../schemas/instanceOrg.json";
import {
  ORG_OUTPUT_FIELDS,
  SUMMARY_FIELDS,
  WRITABLE_FIELDS,
  isLosantId,
  isSummaryField,
  normalizeSummaryInclude,
  withoutHypermedia,
} from "../../../provider/losant/org";

describe("the org model", () => {
  it("takes the writable fields from the official PATCH schema", () => {
    expect(WRITABLE_FIELDS).toEqual(Object.keys(instanceOrgPatchSchema.properties));
  });

  it("takes the summary fields from the official org schema", () => {
    expect(SUMMARY_FIELDS).toEqual(Object.keys(instanceOrgSchema.properties.summary.properties));
  });

  it("keeps every org property as an output but id, which is the resource's ID", () => {
    expect(ORG_OUTPUT_FIELDS).toContain("orgId");
    expect(ORG_OUTPUT_FIELDS).not.toContain("id");
    expect(ORG_OUTPUT_FIELDS).toHaveLength(Object.keys(instanceOrgSchema.properties).length - 1);
  });

  it.each([
    ["5f0c1a2b3c4d5e6f7a8b9c0d", true],
    ["5F0C1A2B3C4D5E6F7A8B9C0D", true],
    ["5f0c1a2b3c4d5e6f7a8b9c0", false],
    ["5f0c1a2b3c4d5e6f7a8b9c0dz", false],
    ["5f0c1a2b3c4d5e6f7a8b9c0g", false],
    [42, false],
  ])("tells whether %p is a Losant ID (%p)", (value, expected) => {
    expect(isLosantId(value)).toBe(expected);
  });

  it("tells summary fields from other names", () => {
    expect(isSummaryField("deviceCount")).toBe(true);
    expect(isSummaryField("devices")).toBe(false);
    expect(isSummaryField(undefined)).toBe(false);
  });

  it("normalizes summaryInclude by removing repeats and sorting", () => {
    expect(normalizeSummaryInclude(["payloadCount", "deviceCount", "payloadCount"])).toEqual([
      "deviceCount",
      "payloadCount",
    ]);
  });

  it("normalizes an absent summaryInclude to no fields", () => {
    expect(normalizeSummaryInclude(undefined)).toEqual([]);
  });

  it("strips the hypermedia properties and keeps every other one", () => {
    const answer = { id: "x", name: "n", _type: "instanceOrg", _links: { self: { href: "/" } } };
    expect(withoutHypermedia(answer)).toEqual({ id: "x", name: "n" });
    expect(answer).toHaveProperty("_links");
  });
});
