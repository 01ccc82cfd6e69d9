// InstanceOrgMember inputs are checked against the official member POST schema at preview,
// each failure naming the property path and the rule.
import { validateMemberInputs } from "../../../../provider/member/validation";
import { UNKNOWN } from "../../../../provider/unknown";

const valid = {
  instanceId: "aaaaaaaaaaaaaaaaaaaaaaaa",
  orgId: "bbbbbbbbbbbbbbbbbbbbbbbb",
  userId: "cccccccccccccccccccccccc",
  role: "edit",
};

describe("validateMemberInputs", () => {
  it("accepts a member named by user ID, and one named by email", () => {
    expect(validateMemberInputs(valid)).toEqual([]);
    const byEmail = { ...valid, userId: undefined, email: "ada@example.com" };
    expect(validateMemberInputs(byEmail)).toEqual([]);
  });

  it("requires one of userId and email", () => {
    expect(validateMemberInputs({ ...valid, userId: undefined })).toEqual([
      {
        property: "userId",
        reason: expect.stringContaining("userId or email is required"),
      },
    ]);
  });

  it("refuses both userId and email", () => {
    expect(validateMemberInputs({ ...valid, email: "ada@example.com" })).toEqual([
      { property: "email", reason: expect.stringContaining("cannot both be set") },
    ]);
  });

  it("names a role outside the enum with the allowed values", () => {
    expect(validateMemberInputs({ ...valid, role: "owner" })).toEqual([
      {
        property: "role",
        reason: expect.stringMatching(/^role must be one of "admin", .*\(enum\)$/),
      },
    ]);
  });

  it("names the path of a bad application role", () => {
    const applicationRoles = [{ resourceId: "nope", role: "view" }];
    expect(validateMemberInputs({ ...valid, applicationRoles })).toEqual([
      {
        property: "applicationRoles[0].resourceId",
        reason: expect.stringContaining("applicationRoles[0].resourceId must match pattern"),
      },
    ]);
  });

  it("refuses an email that is not one, and an orgId that is not an ID", () => {
    const failures = validateMemberInputs({
      ...valid,
      orgId: "acme",
      userId: undefined,
      email: "not-an-email",
    });
    expect(failures.map((f) => f.property)).toEqual(["orgId", "email"]);
  });

  it("lets values unknown at preview pass", () => {
    expect(validateMemberInputs({ ...valid, orgId: UNKNOWN, role: UNKNOWN })).toEqual([]);
  });
});
