// Guards what update and adopt send: only what differs, and never a loss of what the program
// does not manage.
import { managedProperties, patchBody } from "../../../provider";
import { liveManagedValues, mismatches } from "../../../provider/compare";

const live = {
  name: "Acme",
  limits: { device: 10, application: 5 },
  banner: { message: "hello", level: "info" as const },
  tags: [{ key: "env", value: "prod" }],
};

describe("patchBody", () => {
  it("is empty when every declared field matches", () => {
    expect(patchBody({ name: "Acme", limits: { device: 10 } }, live)).toEqual({});
  });

  it("carries every live limit with the declared ones applied, so a server that replaces limits keeps the others", () => {
    expect(patchBody({ limits: { device: 20 } }, live)).toEqual({
      limits: { device: 20, application: 5 },
    });
  });

  it("keeps the banner keys the program leaves out", () => {
    expect(patchBody({ banner: { level: "critical" } }, live)).toEqual({
      banner: { message: "hello", level: "critical" },
    });
  });

  it("sends the whole declared tag list when tags differ", () => {
    const tags = [{ key: "env", value: "dev" }];
    expect(patchBody({ tags }, live)).toEqual({ tags });
  });

  it("leaves undeclared fields out", () => {
    expect(patchBody({ description: "new" }, live)).toEqual({ description: "new" });
  });
});

describe("managedProperties", () => {
  it("lists declared fields, and limit and banner keys one by one", () => {
    expect(
      managedProperties({
        name: "x",
        limits: { device: 1, dataTTL: 86400 },
        banner: { level: "info" },
        tags: [],
      }),
    ).toEqual(["name", "limits.device", "limits.dataTTL", "tags", "banner.level"]);
  });

  it("leaves out the provider's own inputs", () => {
    expect(
      managedProperties({ instanceId: "x", orgId: "y", summaryInclude: ["deviceCount"] }),
    ).toEqual([]);
  });
});

describe("liveManagedValues", () => {
  it("reads back only the managed properties, shaped like inputs", () => {
    expect(liveManagedValues(["name", "limits.device", "banner.level"], live)).toEqual({
      name: "Acme",
      limits: { device: 10 },
      banner: { level: "info" },
    });
  });
});

describe("mismatches", () => {
  it("is empty when the server holds every declared value", () => {
    expect(mismatches({ name: "Acme", limits: { device: 10 } }, live)).toEqual([]);
  });

  it("names each differing field with the declared and the stored value", () => {
    expect(mismatches({ name: " Acme ", description: "x" }, live)).toEqual([
      { property: "name", declared: " Acme ", stored: "Acme" },
      { property: "description", declared: "x", stored: undefined },
    ]);
  });

  it("names each differing limit key, not the whole limits object", () => {
    expect(mismatches({ limits: { device: 99999, application: 5 } }, live)).toEqual([
      { property: "limits.device", declared: 99999, stored: 10 },
    ]);
  });
});
