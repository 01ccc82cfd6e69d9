/**
 * Schema validation of request bodies and of the simulator's own responses, using the
 * official schemas in `schemas/`. The validators are compiled once per process: compiling
 * takes far longer than validating, and tests start many simulators.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";

import advancedQuerySchema from "../schemas/advancedInstanceOrgQuery.json";
import deviceCountsSchema from "../schemas/deviceCounts.json";
import errorSchema from "../schemas/error.json";
import orgSchema from "../schemas/instanceOrg.json";
import memberSchema from "../schemas/instanceOrgMember.json";
import memberPatchSchema from "../schemas/instanceOrgMemberPatch.json";
import memberPostSchema from "../schemas/instanceOrgMemberPost.json";
import membersSchema from "../schemas/instanceOrgMembers.json";
import orgPatchSchema from "../schemas/instanceOrgPatch.json";
import orgPostSchema from "../schemas/instanceOrgPost.json";
import orgsSchema from "../schemas/instanceOrgs.json";
import documentedCreateSchema from "../schemas/org.json";
import notebookMinuteCountsSchema from "../schemas/notebookMinuteCounts.json";
import payloadCountsBreakdownSchema from "../schemas/payloadCountsBreakdown.json";
import successSchema from "../schemas/success.json";

/** The schemas the simulator validates against, by the name of their file. */
export const SCHEMAS = {
  instanceOrg: orgSchema,
  instanceOrgPost: orgPostSchema,
  instanceOrgPatch: orgPatchSchema,
  instanceOrgs: orgsSchema,
  instanceOrgMember: memberSchema,
  instanceOrgMemberPost: memberPostSchema,
  instanceOrgMemberPatch: memberPatchSchema,
  instanceOrgMembers: membersSchema,
  org: documentedCreateSchema,
  advancedInstanceOrgQuery: advancedQuerySchema,
  deviceCounts: deviceCountsSchema,
  notebookMinuteCounts: notebookMinuteCountsSchema,
  payloadCountsBreakdown: payloadCountsBreakdownSchema,
  success: successSchema,
  error: errorSchema,
} as const;

/** The name of one of {@link SCHEMAS}. */
export type SchemaName = keyof typeof SCHEMAS;

/** Outcome of a validation: `ok`, or the formatted reasons. */
export type ValidationResult = { ok: true } | { ok: false; details: string };

let compiled: Record<SchemaName, ValidateFunction> | undefined;

function validators(): Record<SchemaName, ValidateFunction> {
  if (!compiled) {
    // The official query schema writes `type` as a list (["string", "number", ...]).
    const ajv = new Ajv({ allErrors: true, allowUnionTypes: true });
    addFormats(ajv);
    const entries = Object.entries(SCHEMAS).map(([name, schema]) => [name, ajv.compile(schema)]);
    compiled = Object.fromEntries(entries) as Record<SchemaName, ValidateFunction>;
  }
  return compiled;
}

/** Compiles every validator now, so the first request does not pay for it. */
export function compileValidators(): void {
  validators();
}

function describe(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  let detail = "";
  if (error.keyword === "additionalProperties") detail = `: ${String(params.additionalProperty)}`;
  if (error.keyword === "enum") detail = `: ${(params.allowedValues as unknown[]).join(", ")}`;
  return `${error.instancePath || "/"} ${error.message ?? "is invalid"}${detail} (${error.keyword})`;
}

/** The branch index of `error` under the failed `oneOf`, if it is one of its errors. */
function branchOf(error: ErrorObject, oneOf: ErrorObject): number | undefined {
  const { instancePath: at } = oneOf;
  if (error.instancePath !== at && !error.instancePath.startsWith(`${at}/`)) return undefined;
  const prefix = `${oneOf.schemaPath}/`;
  if (!error.schemaPath.startsWith(prefix)) return undefined;
  return Number(error.schemaPath.slice(prefix.length).split("/")[0]);
}

/**
 * Keeps, for each failed `oneOf`, only the errors of the branch the value came closest to
 * (fewest errors): `{userId, role: "boss"}` is a bad role, not also "email is required".
 * On a tie every branch stays, with the `oneOf` error saying why.
 */
function closestBranches(errors: readonly ErrorObject[]): ErrorObject[] {
  let kept = [...errors];
  for (const oneOf of errors.filter((e) => e.keyword === "oneOf")) {
    const counts = new Map<number, number>();
    for (const error of kept) {
      const branch = branchOf(error, oneOf);
      if (branch !== undefined) counts.set(branch, (counts.get(branch) ?? 0) + 1);
    }
    if (counts.size === 0) continue;
    const fewest = Math.min(...counts.values());
    const closest = [...counts].filter(([, count]) => count === fewest).map(([branch]) => branch);
    kept = kept.filter((error) => {
      if (error === oneOf) return closest.length > 1;
      const branch = branchOf(error, oneOf);
      return branch === undefined || closest.includes(branch);
    });
  }
  return kept;
}

/**
 * Formats ajv errors as `instancePath message (keyword)`, joined by `; `, without repeats,
 * keeping of a failed `oneOf` only the closest branch's errors. The instance path of the
 * body root is `/`.
 */
export function formatErrors(errors: readonly ErrorObject[]): string {
  return [...new Set(closestBranches(errors).map(describe))].join("; ");
}

/** Validates `value` against one of the official schemas. */
export function validate(schema: SchemaName, value: unknown): ValidationResult {
  const check = validators()[schema];
  if (check(value)) return { ok: true };
  return { ok: false, details: formatErrors(check.errors ?? []) };
}
