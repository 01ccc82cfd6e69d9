// Guards what the import writes: the stack config the default program reads, merged into an
// existing stack file without losing its secrets, and a TypeScript module whose declarations
// are exactly the imported ones.
import yaml from "js-yaml";
import ts from "typescript";
import type { OrgDeclaration } from "../../../../cli/import/declarations";
import { renderStackConfig, renderTypeScript } from "../../../../cli/import/render";
import { readSettings } from "../../../../program/settings";
import { declaredBy } from "./generatedModule";

const INSTANCE = "5f0c8a1b2c3d4e5f60718293";
const orgs: OrgDeclaration[] = [
  {
    resource: "acme",
    orgId: "aaaaaaaaaaaaaaaaaaaaaaaa",
    values: { name: "Acme \"quoted\" 'x' #1: {y}", tags: [{ key: "k", value: "v" }] },
  },
  {
    resource: "globex",
    orgId: "bbbbbbbbbbbbbbbbbbbbbbbb",
    values: { name: "Globex\nsecond line", limits: { device: 5, dataTTL: 86400 } },
  },
];

describe("renderStackConfig", () => {
  it("writes what the default program reads back as the same orgs", () => {
    const config = (yaml.load(renderStackConfig(INSTANCE, orgs)) as { config: never }).config;
    const settings = readSettings(
      { instanceId: config["losant-orgs:instanceId"], orgs: config["losant-orgs:orgs"] },
      {},
    );
    expect(settings.instanceId).toBe(INSTANCE);
    expect(settings.orgs).toEqual(
      orgs.map(({ resource, orgId, values }) => ({ resource, args: { orgId, ...values } })),
    );
  });

  it("keeps the other settings, secrets and salt of an existing stack file", () => {
    const existing = [
      "encryptionsalt: v1:abc",
      "config:",
      "  losant:apiToken:",
      "    secure: v1:secret",
      "  losant-orgs:usageDays: '7'",
      "  losant-orgs:orgs: []",
      "",
    ].join("\n");
    const merged = yaml.load(renderStackConfig(INSTANCE, orgs, existing)) as {
      encryptionsalt: string;
      config: Record<string, unknown>;
    };
    expect(merged.encryptionsalt).toBe("v1:abc");
    expect(merged.config["losant:apiToken"]).toEqual({ secure: "v1:secret" });
    expect(merged.config["losant-orgs:usageDays"]).toBe("7");
    expect(merged.config["losant-orgs:orgs"]).toHaveLength(2);
  });

  it("refuses an existing file that is not a mapping", () => {
    expect(() => renderStackConfig(INSTANCE, orgs, "- a list\n")).toThrow(/not a YAML mapping/);
  });
});

describe("renderTypeScript", () => {
  it("declares each org, adopted by orgId, with exactly the imported values", () => {
    const declared = declaredBy(renderTypeScript(INSTANCE, orgs, "test"));
    expect(declared).toEqual(
      orgs.map(({ resource, orgId, values }) => [
        resource,
        { instanceId: INSTANCE, orgId, ...values },
      ]),
    );
  });

  it("compiles without errors under strict TypeScript", () => {
    const source = renderTypeScript(INSTANCE, orgs, "test");
    const result = ts.transpileModule(source, { reportDiagnostics: true });
    expect(result.diagnostics).toEqual([]);
  });
});
