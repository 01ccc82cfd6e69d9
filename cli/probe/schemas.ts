/**
 * Checks the answers of a live instance against the official schemas (`schemas/`), the way
 * the probe reports them: a list of violations, empty when the answer conforms.
 */
import Ajv, { type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";

import deviceCountsSchema from "../../schemas/deviceCounts.json";
import errorSchema from "../../schemas/error.json";
import instanceOrgSchema from "../../schemas/instanceOrg.json";
import instanceOrgMemberSchema from "../../schemas/instanceOrgMember.json";
import instanceOrgMembersSchema from "../../schemas/instanceOrgMembers.json";
import instanceOrgsSchema from "../../schemas/instanceOrgs.json";
import notebookMinuteCountsSchema from "../../schemas/notebookMinuteCounts.json";
import orgSchema from "../../schemas/org.json";
import payloadCountsBreakdownSchema from "../../schemas/payloadCountsBreakdown.json";

const SCHEMAS = {
  instanceOrg: instanceOrgSchema,
  instanceOrgs: instanceOrgsSchema,
  instanceOrgMember: instanceOrgMemberSchema,
  instanceOrgMembers: instanceOrgMembersSchema,
  org: orgSchema,
  deviceCounts: deviceCountsSchema,
  notebookMinuteCounts: notebookMinuteCountsSchema,
  payloadCountsBreakdown: payloadCountsBreakdownSchema,
  error: errorSchema,
};

/** A schema the probe checks answers against. */
export type AnswerSchema = keyof typeof SCHEMAS;

let validators: Record<AnswerSchema, ValidateFunction> | undefined;

function validator(name: AnswerSchema): ValidateFunction {
  if (!validators) {
    // Union `type` lists appear in the official schemas.
    const ajv = new Ajv({ allErrors: true, allowUnionTypes: true });
    addFormats(ajv);
    const compiled = Object.entries(SCHEMAS).map(([key, schema]) => [key, ajv.compile(schema)]);
    validators = Object.fromEntries(compiled) as Record<AnswerSchema, ValidateFunction>;
  }
  return validators[name];
}

/**
 * The answer without the hypermedia (`_type`, `_links`, at any depth) the API adds and the
 * official schemas do not describe.
 */
export function withoutHypermedia(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutHypermedia);
  if (typeof value !== "object" || value === null) return value;
  const kept = Object.entries(value).filter(([key]) => key !== "_type" && key !== "_links");
  return Object.fromEntries(kept.map(([key, item]) => [key, withoutHypermedia(item)]));
}

/**
 * Validates an answer (hypermedia removed) against one official schema.
 * @returns the violations as `path message`, empty when the answer conforms.
 */
export function schemaViolations(name: AnswerSchema, answer: unknown): string[] {
  const check = validator(name);
  if (check(withoutHypermedia(answer))) return [];
  return (check.errors ?? []).map((error) => `${error.instancePath || "/"} ${error.message ?? ""}`);
}
