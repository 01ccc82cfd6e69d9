// Guards the resource names of imported orgs: they must be valid, unique, and stable, or a
// second import would rename resources and Pulumi would replace the orgs behind them.
import { resourceNames, slug } from "../../../../cli/import/names";
import type { InstanceOrg } from "../../../../provider/losant";

const org = (id: string, name: string, day: number): InstanceOrg => ({
  id,
  name,
  creationDate: new Date(Date.UTC(2025, 0, day)).toISOString(),
});
const hex = (n: number) => n.toString(16).padStart(24, "0");

describe("slug", () => {
  it.each([
    ["Acme Manufacturing", "acme-manufacturing"],
    ["  --Globex!!  Field__Ops-- ", "globex-field-ops"],
    ["a*b?c[d]", "a-b-c-d"],
    ["名前", "org"],
    ["", "org"],
  ])("makes %j into %j", (name, expected) => {
    expect(slug(name)).toBe(expected);
  });
});

describe("resourceNames", () => {
  it("gives each org the slug of its name when no two collide", () => {
    const names = resourceNames([org(hex(1), "Acme", 1), org(hex(2), "Globex", 2)]);
    expect([...names]).toEqual([
      [hex(1), "acme"],
      [hex(2), "globex"],
    ]);
  });

  it("leaves the oldest of orgs sharing a name the plain slug and suffixes the others' IDs", () => {
    const names = resourceNames([
      org(hex(3), "Acme", 3),
      org(hex(1), "acme!", 1),
      org(hex(2), "Acme", 2),
    ]);
    expect(names.get(hex(1))).toBe("acme");
    expect(names.get(hex(2))).toBe(`acme-${hex(2)}`);
    expect(names.get(hex(3))).toBe(`acme-${hex(3)}`);
  });

  it("does not rename an org when a newer org of the same name appears", () => {
    const before = resourceNames([org(hex(1), "Acme", 1)]);
    const after = resourceNames([org(hex(1), "Acme", 1), org(hex(2), "Acme", 5)]);
    expect(after.get(hex(1))).toBe(before.get(hex(1)));
  });

  it("is the same whatever order the orgs are listed in", () => {
    const orgs = [org(hex(1), "A", 1), org(hex(2), "a", 2), org(hex(3), "b", 3)];
    expect([...resourceNames([...orgs].reverse())].sort()).toEqual([...resourceNames(orgs)].sort());
  });

  it("stays unique when a name looks like another org's suffixed name", () => {
    const names = resourceNames([
      org(hex(1), "acme", 1),
      org(hex(2), `acme ${hex(3)}`, 2),
      org(hex(3), "acme", 3),
    ]);
    expect([...names.values()]).toEqual(["acme", `acme-${hex(3)}`, `acme-${hex(3)}-2`]);
  });
});
