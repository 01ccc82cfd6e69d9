// Guards the `losant` package schema: built from the official JSON Schemas (so every rule
// check enforces is documented where the SDKs and docs come from), the token secret, and the
// checked-in plugin/schema.json the one the plugin serves.
import fs from "node:fs";
import path from "node:path";
import instanceOrgPatchSchema from "../../../schemas/instanceOrgPatch.json";
import { buildSchema } from "../../../plugin/schema";
import { FUNCTION_TOKENS, RESOURCE_TOKENS } from "../../../plugin/tokens";

interface Spec {
  config: {
    variables: Record<string, { secret?: boolean; defaultInfo?: { environment: string[] } }>;
  };
  provider: { inputProperties: Record<string, { secret?: boolean }> };
  resources: Record<
    string,
    {
      inputProperties: Record<string, { description?: string; $ref?: string }>;
      requiredInputs: string[];
    }
  >;
  functions: Record<string, unknown>;
  types: Record<string, { properties: Record<string, { description?: string }> }>;
}

const schema = buildSchema() as unknown as Spec;

it("plugin/schema.json is the schema the plugin serves (npm run generate:schema)", () => {
  const file = path.resolve(__dirname, "../../../plugin/schema.json");
  expect(JSON.parse(fs.readFileSync(file, "utf8"))).toEqual(JSON.parse(JSON.stringify(schema)));
});

it("has every writable org field of the official PATCH schema as an InstanceOrg input", () => {
  const inputs = schema.resources[RESOURCE_TOKENS.InstanceOrg].inputProperties;
  for (const field of Object.keys(instanceOrgPatchSchema.properties)) {
    expect(inputs).toHaveProperty(field);
  }
  expect(schema.resources[RESOURCE_TOKENS.InstanceOrg].requiredInputs).toEqual(["instanceId"]);
});

it("documents each rule of the official schema in the property's description", () => {
  const inputs = schema.resources[RESOURCE_TOKENS.InstanceOrg].inputProperties;
  expect(inputs.name.description).toContain("at least 1 characters");
  expect(inputs.mfaMode.description).toContain('one of "notRequired", "adminRequired", "required"');
  const limits = schema.types[inputs.limits.$ref!.replace("#/types/", "")];
  expect(limits.properties.dataTTL.description).toContain("at least 86400");
});

it("marks the API token secret, in the provider's config and its inputs, with its variable", () => {
  expect(schema.config.variables.apiToken).toMatchObject({
    secret: true,
    defaultInfo: { environment: ["LOSANT_API_TOKEN"] },
  });
  expect(schema.provider.inputProperties.apiToken.secret).toBe(true);
});

it("declares every function the plugin serves", () => {
  expect(Object.keys(schema.functions).sort()).toEqual(Object.values(FUNCTION_TOKENS).sort());
});
