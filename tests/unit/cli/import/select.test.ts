// Guards the selection flags: a glob, an exact name or a tag picks exactly the orgs a user
// reading the flags would expect, whatever characters the names hold.
import { parseTag, selectOrgs, type Selection } from "../../../../cli/import/select";
import type { InstanceOrg } from "../../../../provider/losant";

const orgs: InstanceOrg[] = [
  { id: "1", name: "Acme Prod", tags: [{ key: "env", value: "prod" }] },
  { id: "2", name: "Acme Dev", tags: [{ key: "env", value: "dev" }] },
  { id: "3", name: "Globex (EU) [beta]", tags: [{ key: "team", value: "x" }] },
  { id: "4", name: "Ünïcødé 名前" },
];
const none: Selection = { globs: [], names: [], tags: [] };
const picked = (selection: Partial<Selection>) =>
  selectOrgs(orgs, { ...none, ...selection }).map((org) => org.id);

describe("selectOrgs", () => {
  it("selects every org when nothing is asked", () => {
    expect(picked({})).toEqual(["1", "2", "3", "4"]);
  });

  it("matches a glob against the whole name, in any case", () => {
    expect(picked({ globs: ["acme*"] })).toEqual(["1", "2"]);
    expect(picked({ globs: ["*prod"] })).toEqual(["1"]);
    expect(picked({ globs: ["acme"] })).toEqual([]);
  });

  it("takes ? for one character and every other character literally", () => {
    expect(picked({ globs: ["Globex (??) [beta]"] })).toEqual(["3"]);
    expect(picked({ globs: ["Globex (EU) [b]eta]"] })).toEqual([]);
    expect(picked({ globs: ["Ünïcødé ??"] })).toEqual(["4"]);
  });

  it("matches exact names exactly", () => {
    expect(picked({ names: ["Acme Dev", "acme prod"] })).toEqual(["2"]);
  });

  it("widens with several globs or names, and narrows with tags", () => {
    expect(picked({ globs: ["Acme*"], names: ["Ünïcødé 名前"] })).toEqual(["1", "2", "4"]);
    expect(picked({ globs: ["Acme*"], tags: [{ key: "env", value: "prod" }] })).toEqual(["1"]);
  });

  it("matches a tag by key alone, or by key and value", () => {
    expect(picked({ tags: [{ key: "env" }] })).toEqual(["1", "2"]);
    expect(picked({ tags: [{ key: "env", value: "dev" }, { key: "team" }] })).toEqual(["2", "3"]);
  });
});

describe("parseTag", () => {
  it("splits at the first =, so a value may hold more", () => {
    expect(parseTag("k=a=b")).toEqual({ key: "k", value: "a=b" });
    expect(parseTag("k")).toEqual({ key: "k" });
    expect(parseTag("k=")).toEqual({ key: "k", value: "" });
  });
});
