// What a membership's diff sees: which changes replace it, and the PATCH that brings roles in
// line, with no perpetual diff for roles the API never returns.
import { replacingChanges, rolePatch } from "../../../../provider/member/compare";
import type { InstanceOrgMemberInputs } from "../../../../provider/member/model";
import { UNKNOWN } from "../../../../provider/unknown";

const INSTANCE = "aaaaaaaaaaaaaaaaaaaaaaaa";
const ORG = "bbbbbbbbbbbbbbbbbbbbbbbb";
const USER = "cccccccccccccccccccccccc";
const APP = "dddddddddddddddddddddddd";
const stored = {
  instanceId: INSTANCE,
  orgId: ORG,
  userId: USER,
  email: "ada.lovelace@example.com",
  role: "view",
  applicationRoles: [
    { resourceId: APP, role: "view" as const },
    { resourceId: USER, role: "collaborate" as const },
  ],
};
const declared = (extra: Partial<InstanceOrgMemberInputs> = {}): InstanceOrgMemberInputs => ({
  instanceId: INSTANCE,
  orgId: ORG,
  userId: USER,
  role: "view",
  ...extra,
});

describe("replacingChanges", () => {
  it("is empty when the same user of the same org is declared", () => {
    expect(replacingChanges(declared(), stored)).toEqual([]);
  });

  it("is empty when the same user is named by email in another case", () => {
    const news = declared({ userId: undefined, email: "Ada.Lovelace@EXAMPLE.com" });
    expect(replacingChanges(news, stored)).toEqual([]);
  });

  it("names another org, another user, another email, and unknown values", () => {
    expect(replacingChanges(declared({ orgId: "e".repeat(24) }), stored)).toEqual(["orgId"]);
    expect(replacingChanges(declared({ userId: "f".repeat(24) }), stored)).toEqual(["userId"]);
    const byEmail = declared({ userId: undefined, email: "grace.hopper@example.com" });
    expect(replacingChanges(byEmail, stored)).toEqual(["email"]);
    expect(replacingChanges(declared({ instanceId: UNKNOWN }), stored)).toEqual(["instanceId"]);
  });
});

describe("rolePatch", () => {
  it("carries only the role when only the role changed", () => {
    expect(rolePatch(declared({ role: "admin" }), stored)).toEqual({ role: "admin" });
  });

  it("is empty when application roles are declared as stored, in another order", () => {
    const applicationRoles = [...stored.applicationRoles].reverse();
    expect(rolePatch(declared({ applicationRoles }), stored)).toEqual({});
  });

  it("carries a list of roles that differs, and leaves undeclared lists out", () => {
    const applicationRoles = [{ resourceId: APP, role: "collaborate" as const }];
    expect(rolePatch(declared({ applicationRoles }), stored)).toEqual({ applicationRoles });
  });

  it("carries declared roles when nothing is stored to compare with (an adopted member)", () => {
    const dashboardRoles = [{ resourceId: APP, role: "view" as const }];
    expect(rolePatch(declared({ dashboardRoles }), stored)).toEqual({ dashboardRoles });
  });

  it("counts an unknown role as a change", () => {
    expect(rolePatch(declared({ role: UNKNOWN as "view" }), stored)).toEqual({ role: UNKNOWN });
  });
});
