/**
 * The `losant` package schema (Pulumi's package schema format), built from the official JSON
 * Schemas in `schemas/` and the org and member models: the same rules `check` enforces are
 * the ones the schema documents. Generated SDKs and registry-style docs come from it;
 * `npm run generate:schema` writes it to `plugin/schema.json`.
 */
import instanceOrgSchema from "../schemas/instanceOrg.json";
import instanceOrgPatchSchema from "../schemas/instanceOrgPatch.json";
import instanceOrgMemberSchema from "../schemas/instanceOrgMember.json";
import instanceOrgMemberPatchSchema from "../schemas/instanceOrgMemberPatch.json";
import deviceCountsSchema from "../schemas/deviceCounts.json";
import notebookMinuteCountsSchema from "../schemas/notebookMinuteCounts.json";
import payloadCountsBreakdownSchema from "../schemas/payloadCountsBreakdown.json";
import { packageVersion } from "./version";
import { PROVIDER_CONFIG } from "./config";
import { FUNCTION_TOKENS, PACKAGE, RESOURCE_TOKENS } from "./tokens";

/** A JSON Schema, as far as the official schemas use it. */
interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  required?: string[];
  enum?: unknown[];
  oneOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
  pattern?: string;
  format?: string;
  description?: string;
}

/** A property of Pulumi's package schema. */
export interface PropertySpec {
  type?: string;
  items?: PropertySpec;
  additionalProperties?: PropertySpec;
  $ref?: string;
  oneOf?: PropertySpec[];
  description?: string;
  secret?: boolean;
  deprecationMessage?: string;
  defaultInfo?: { environment: string[] };
}

/** An object type of the package schema. */
interface ObjectTypeSpec {
  type: "object";
  description?: string;
  properties: Record<string, PropertySpec>;
  required?: string[];
}

/** The rules of a JSON Schema value, in words, for a description. */
function rules(schema: JsonSchema): string[] {
  const said: string[] = [];
  if (schema.enum) said.push(`one of ${schema.enum.map((v) => JSON.stringify(v)).join(", ")}`);
  if (schema.minimum !== undefined) said.push(`at least ${schema.minimum}`);
  if (schema.maximum !== undefined) said.push(`at most ${schema.maximum}`);
  if (schema.minLength !== undefined) said.push(`at least ${schema.minLength} characters`);
  if (schema.maxLength !== undefined) said.push(`at most ${schema.maxLength} characters`);
  if (schema.maxItems !== undefined) said.push(`at most ${schema.maxItems} items`);
  if (schema.pattern !== undefined) said.push(`matches \`${schema.pattern}\``);
  if (schema.format !== undefined) said.push(`format ${schema.format}`);
  return said;
}

function describe(schema: JsonSchema, text?: string): string | undefined {
  const said = text ?? schema.description;
  const rule = rules(schema).join("; ");
  if (rule === "") return said;
  return said === undefined ? `Rules: ${rule}.` : `${said} Rules: ${rule}.`;
}

/** Collects the object types met while converting, by token. */
class TypeCollector {
  readonly types: Record<string, ObjectTypeSpec> = {};

  /**
   * The package-schema property for a JSON Schema; an object with properties becomes a named
   * type `losant:index:<name>`.
   */
  property(schema: JsonSchema, name: string, text?: string): PropertySpec {
    const description = describe(schema, text);
    if (schema.oneOf) {
      return {
        oneOf: schema.oneOf.map((option, i) => this.property(option, `${name}${i}`)),
        description,
      };
    }
    const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
    if (type === "array") {
      return { type: "array", items: this.property(schema.items ?? {}, name), description };
    }
    if (type === "object" && schema.properties) {
      const token = `${PACKAGE}:index:${name}`;
      this.types[token] = {
        type: "object",
        properties: this.properties(schema.properties, name),
        ...(schema.required ? { required: schema.required } : {}),
      };
      return { $ref: `#/types/${token}`, description };
    }
    if (type === "object") return { type: "object", additionalProperties: ANY, description };
    if (type === undefined) return { ...ANY, description };
    return { type, description };
  }

  properties(
    props: Record<string, JsonSchema>,
    owner: string,
    texts: Record<string, string> = {},
  ): Record<string, PropertySpec> {
    return Object.fromEntries(
      Object.entries(props).map(([key, schema]) => [
        key,
        this.property(schema, `${owner}${key[0].toUpperCase()}${key.slice(1)}`, texts[key]),
      ]),
    );
  }
}

/** Any value: what the official schemas leave untyped. */
const ANY: PropertySpec = { $ref: "pulumi.json#/Any" };

const ID = { type: "string", pattern: "^[A-Fa-f\\d]{24}$" } satisfies JsonSchema;

const ORG_TEXTS: Record<string, string> = {
  instanceId: "The ID of the Losant instance that owns the org. Changing it replaces the org.",
  orgId:
    "Adopt this existing org instead of creating one: the first update reads it and PATCHes only the declared fields that differ (no POST). Changing it to another org replaces the resource, which deletes the org held.",
  summaryInclude: "The summary fields to compute and return in `summary`.",
  name: "The org's name. Required unless `orgId` adopts an existing org.",
  limits:
    "Per-resource limits. Only the keys given are managed; the others keep the instance's defaults.",
  tags: "Tags, compared by key: reordering them is no change.",
};

function instanceOrgResource(types: TypeCollector) {
  const patch = instanceOrgPatchSchema as { properties: Record<string, JsonSchema> };
  const output = instanceOrgSchema as { properties: Record<string, JsonSchema> };
  const inputs = types.properties(
    {
      instanceId: ID,
      orgId: ID,
      ...patch.properties,
      summaryInclude: { type: "array", items: { type: "string" } },
    },
    "InstanceOrg",
    ORG_TEXTS,
  );
  const outputs = types.properties(
    {
      ...Object.fromEntries(Object.entries(output.properties).filter(([key]) => key !== "id")),
      summaryInclude: { type: "array", items: { type: "string" } },
      managedProperties: { type: "array", items: { type: "string" } },
    },
    "InstanceOrg",
    {
      ...ORG_TEXTS,
      managedProperties:
        "The org properties this resource manages: the fields the program sets, with `limits.<key>` and `banner.<key>` for the keys it sets.",
    },
  );
  return {
    description:
      "An organization of a Losant Enterprise instance. Create one, or adopt an existing one with `orgId`; update the declared settings in place; delete it with the resource.",
    inputProperties: inputs,
    requiredInputs: ["instanceId"],
    properties: outputs,
    required: ["instanceId", "orgId", "managedProperties"],
  };
}

function instanceOrgMemberResource(types: TypeCollector) {
  const patch = instanceOrgMemberPatchSchema as { properties: Record<string, JsonSchema> };
  const member = instanceOrgMemberSchema as { properties: Record<string, JsonSchema> };
  const texts = {
    instanceId: "The instance of the org. Changing it replaces the membership.",
    orgId: "The org. Changing it replaces the membership.",
    userId: "The user, by ID. Give exactly one of `userId` and `email`.",
    email: "The user, by email (any case). Give exactly one of `userId` and `email`.",
    role: "The user's role in the org; changing it updates in place.",
  };
  return {
    description:
      "One user's membership of an org, with its role. An existing membership is adopted, never added twice.",
    inputProperties: types.properties(
      {
        instanceId: ID,
        orgId: ID,
        userId: ID,
        email: member.properties.email,
        ...patch.properties,
      },
      "InstanceOrgMember",
      texts,
    ),
    requiredInputs: ["instanceId", "orgId", "role"],
    properties: types.properties(
      { ...member.properties, ...patch.properties },
      "InstanceOrgMember",
      texts,
    ),
    required: ["instanceId", "orgId", "userId", "role"],
  };
}

const RANGE = {
  instanceId: ID,
  orgId: ID,
  start: {
    type: "number",
    description: "Start of the range, ms since the epoch (default: 30 days before `end`).",
  },
  end: { type: "number", description: "End of the range, ms since the epoch (default: now)." },
} satisfies Record<string, JsonSchema>;

/** A usage function: its arguments, and the series of the official schema with its totals. */
function usageFunction(
  types: TypeCollector,
  name: string,
  description: string,
  series: JsonSchema,
  totals: Record<string, JsonSchema>,
  extraInputs: Record<string, JsonSchema> = {},
) {
  const owner = `${name[3].toUpperCase()}${name.slice(4)}`;
  return {
    description,
    inputs: {
      properties: types.properties({ ...RANGE, ...extraInputs }, `${owner}Args`),
      required: ["instanceId", "orgId"],
    },
    outputs: {
      properties: types.properties(
        {
          instanceId: ID,
          orgId: ID,
          resolution: { type: "string", enum: ["day", "hour"] },
          ...(series.properties ?? {}),
          ...totals,
        },
        owner,
      ),
      required: ["instanceId", "orgId", "start", "end", "counts"],
    },
  };
}

const INTEGER: JsonSchema = { type: "integer" };

/**
 * The whole package schema: provider config, the two resources, the usage functions and the
 * org list function.
 */
export function buildSchema(): Record<string, unknown> {
  const types = new TypeCollector();
  const config = Object.fromEntries(
    Object.entries(PROVIDER_CONFIG).map(([key, setting]) => [
      key,
      {
        type: setting.type,
        description: setting.description,
        ...(setting.secret ? { secret: true } : {}),
        ...(setting.environment ? { defaultInfo: { environment: [setting.environment] } } : {}),
      },
    ]),
  );
  const org = instanceOrgResource(types);
  const member = instanceOrgMemberResource(types);
  const orgOutputs = types.properties(
    Object.fromEntries(
      Object.entries((instanceOrgSchema as { properties: Record<string, JsonSchema> }).properties),
    ),
    "OrgInfo",
  );
  types.types[`${PACKAGE}:index:OrgInfo`] = { type: "object", properties: orgOutputs };
  const functions: Record<string, unknown> = {
    [FUNCTION_TOKENS.getInstanceOrg]: {
      description:
        "Reads one org, whole: every limit (the instance's defaults included) and its summary.",
      inputs: {
        properties: types.properties(
          {
            instanceId: ID,
            orgId: ID,
            summaryInclude: { type: "array", items: { type: "string" } },
          },
          "GetInstanceOrgArgs",
        ),
        required: ["instanceId", "orgId"],
      },
      outputs: { properties: orgOutputs },
    },
    [FUNCTION_TOKENS.getInstanceOrgMembers]: {
      description: "An org's members sorted by email, their count and the count per role.",
      inputs: {
        properties: types.properties({ instanceId: ID, orgId: ID }, "GetInstanceOrgMembersArgs"),
        required: ["instanceId", "orgId"],
      },
      outputs: {
        properties: {
          instanceId: { type: "string" },
          orgId: { type: "string" },
          members: {
            type: "array",
            items: types.property(instanceOrgMemberSchema as JsonSchema, "MemberInfo"),
          },
          count: { type: "integer" },
          countByRole: { type: "object", additionalProperties: { type: "integer" } },
        },
        required: ["instanceId", "orgId", "members", "count", "countByRole"],
      },
    },
    [FUNCTION_TOKENS.getInstanceOrgs]: {
      description:
        "Lists the orgs of an instance, all of them or those picked by exact name, name glob (`*`, `?`) or tag (`key` or `key=value`). Names and globs widen the pick, tags narrow it.",
      inputs: {
        properties: types.properties(
          {
            instanceId: ID,
            names: { type: "array", items: { type: "string" } },
            globs: { type: "array", items: { type: "string" } },
            tags: { type: "array", items: { type: "string" } },
          },
          "GetInstanceOrgsArgs",
        ),
        required: ["instanceId"],
      },
      outputs: {
        properties: {
          instanceId: { type: "string" },
          ids: {
            type: "array",
            items: { type: "string" },
            description: "The picked orgs' IDs, in the API's order.",
          },
          orgs: { type: "array", items: { $ref: `#/types/${PACKAGE}:index:OrgInfo` } },
        },
        required: ["instanceId", "ids", "orgs"],
      },
    },
    [FUNCTION_TOKENS.getDeviceCounts]: usageFunction(
      types,
      "getDeviceCounts",
      "An org's device counts per day, with the latest and peak total and the devices created and deleted over the range.",
      deviceCountsSchema as JsonSchema,
      { latestTotal: INTEGER, peakTotal: INTEGER, totalCreated: INTEGER, totalDeleted: INTEGER },
    ),
    [FUNCTION_TOKENS.getNotebookMinuteCounts]: usageFunction(
      types,
      "getNotebookMinuteCounts",
      "An org's notebook minutes and runs per day, with their totals over the range.",
      notebookMinuteCountsSchema as JsonSchema,
      {
        totalMinutes: { type: "number" },
        totalCompleted: INTEGER,
        totalCanceled: INTEGER,
        totalErrored: INTEGER,
        totalTimeout: INTEGER,
        totalRuns: INTEGER,
      },
    ),
    [FUNCTION_TOKENS.getPayloadCountsBreakdown]: usageFunction(
      types,
      "getPayloadCountsBreakdown",
      "An org's payload counts (or bytes) per day or hour, with the total over the range.",
      payloadCountsBreakdownSchema as JsonSchema,
      {
        total: { type: "number" },
        asBytes: { type: "boolean" },
        includeNonBillable: { type: "boolean" },
      },
      {
        resolution: { type: "string", enum: ["day", "hour"] },
        asBytes: { type: "boolean" },
        includeNonBillable: { type: "boolean" },
      },
    ),
  };
  return {
    name: PACKAGE,
    displayName: "Losant",
    version: packageVersion(),
    description: "Losant Enterprise instance organizations and their members, as code.",
    keywords: ["pulumi", "losant", "iot", "category/infrastructure", "kind/native"],
    license: "MIT",
    publisher: "pulumi-losant",
    config: { variables: config },
    provider: {
      description: "The Losant API of one Enterprise instance, and the token to call it with.",
      inputProperties: config,
      properties: Object.fromEntries(Object.entries(config).filter(([key]) => key !== "apiToken")),
    },
    resources: {
      [RESOURCE_TOKENS.InstanceOrg]: org,
      [RESOURCE_TOKENS.InstanceOrgMember]: member,
    },
    functions,
    types: types.types,
    language: {
      nodejs: {
        packageName: "@pulumi-losant/losant",
        dependencies: { "@pulumi/pulumi": "^3.139.0" },
      },
      go: {
        importBasePath: "github.com/pulumi-losant/pulumi-losant/sdk/go/losant",
        generateResourceContainerTypes: false,
      },
      python: { packageName: "pulumi_losant" },
      csharp: { rootNamespace: "PulumiLosant" },
    },
  };
}
