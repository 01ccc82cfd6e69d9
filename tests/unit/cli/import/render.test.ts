// Guards what the import writes: the stack config the default program reads, merged into an
// existing stack file without losing its secrets, and a TypeScript module whose declarations
// are exactly the imported ones.
import yaml from "js-yaml";
import ts from "typescript";
import type { OrgDeclaration } from "../../../../cli/import/declarations";
import {
  renderPulumiImport,
  renderStackConfig,
  renderTypeScript,
} from "../../../../cli/import/render";
import { readSettings } from "../../../../program/settings";
import { declaredBy, membersDeclaredBy } from "./generatedModule";

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
      orgs.map(({ resource, orgId, values }) => ({
        resource,
        args: { orgId, ...values },
        memberships: [],
      })),
    );
  });

  it("writes each org's members as the memberships the default program declares", () => {
    const member = { resource: "acme/a@b.example", userId: "c".repeat(24), role: "edit" as const };
    const config = (
      yaml.load(renderStackConfig(INSTANCE, [{ ...orgs[0], members: [member] }])) as {
        config: never;
      }
    ).config;
    const [org] = readSettings({ instanceId: INSTANCE, orgs: config["losant-orgs:orgs"] }, {}).orgs;
    expect(org.memberships).toEqual([{ userId: member.userId, role: "edit" }]);
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

  it("declares each member by userId, deleted with its org, and imports InstanceOrgMember", () => {
    const withMembers: OrgDeclaration[] = [
      {
        ...orgs[0],
        members: [
          {
            resource: "acme/ada@example.com",
            userId: "c".repeat(24),
            email: "ada@example.com",
            role: "admin",
          },
        ],
      },
      { ...orgs[1], members: [] },
    ];
    const source = renderTypeScript(INSTANCE, withMembers, "test");
    expect(declaredBy(source)).toHaveLength(2);
    expect(membersDeclaredBy(source)).toEqual([
      [
        "acme/ada@example.com",
        { instanceId: INSTANCE, orgId: orgs[0].orgId, userId: "c".repeat(24), role: "admin" },
        "acme",
      ],
    ]);
    expect(ts.transpileModule(source, { reportDiagnostics: true }).diagnostics).toEqual([]);
  });

  it("declares no member and does not import InstanceOrgMember when members were not read", () => {
    const source = renderTypeScript(INSTANCE, orgs, "test");
    expect(source).not.toContain("InstanceOrgMember");
  });
});

describe("renderPulumiImport", () => {
  it("lists each org as a losant:index:InstanceOrg named as declared, with <instanceId>/<orgId>", () => {
    const file = JSON.parse(renderPulumiImport(INSTANCE, orgs));
    expect(file).toEqual({
      resources: orgs.map((org) => ({
        type: "losant:index:InstanceOrg",
        name: org.resource,
        id: `${INSTANCE}/${org.orgId}`,
      })),
    });
  });
});
