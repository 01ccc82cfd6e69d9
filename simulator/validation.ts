/**
 * Schema validation of request bodies and of the simulator's own responses, against the
 * official schemas in `schemas/`. The validators are ajv's code for those schemas, generated
 * ahead of time (`npm run generate:validators`): compiling them at run time took far longer
 * than validating, and tests start a simulator in every test file.
 */
import type { ErrorObject, ValidateFunction } from "ajv";
import * as generated from "./validators.generated";

/** The validators, by the name of the schema file they check (`instanceOrg` for instanceOrg.json). */
const VALIDATORS = generated as unknown as Record<keyof typeof generated, ValidateFunction>;

/** The name of one of the official schemas the simulator validates against. */
export type SchemaName = keyof typeof generated;

/** Outcome of a validation: `ok`, or the formatted reasons. */
export type ValidationResult = { ok: true } | { ok: false; details: string };

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
  const check = VALIDATORS[schema];
  if (check(value)) return { ok: true };
  return { ok: false, details: formatErrors(check.errors ?? []) };
}
