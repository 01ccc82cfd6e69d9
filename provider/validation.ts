import type { ErrorObject, ValidateFunction } from "ajv";
import instanceOrgPatchSchema from "../schemas/instanceOrgPatch.json";
import instanceOrgPostSchema from "../schemas/instanceOrgPost.json";
import { PROVIDER_ONLY_KEYS } from "./inputs";
import { ID_PATTERN, SUMMARY_FIELDS, isLosantId, isSummaryField } from "./losant/org";
import { processLocal } from "./processLocal";
import { isUnknown } from "./unknown";

/** One invalid input: which property, and the rule it breaks. The shape Pulumi's `check` returns. */
export interface CheckFailure {
  /** Path of the property, for example `limits.dataTTL` or `tags[3].key`. */
  property: string;
  reason: string;
}

/**
 * A failure as the engine wants it: the engine looks the property up as a top-level input to
 * print its value, so it gets the top-level key; the reason keeps the full path
 * (`limits.dataTTL must be >= 86400`).
 */
export function forEngine(failure: CheckFailure): CheckFailure {
  return { property: failure.property.split(/[.[]/, 1)[0], reason: failure.reason };
}

interface Validators {
  post: ValidateFunction;
  patch: ValidateFunction;
}

// Compiled on first use and kept process-local: compiled validators are generated code,
// which must never be captured when the provider is serialized into the state. ajv itself is
// loaded here, not at the top: a refresh or destroy never checks inputs, and ajv is the larger
// part of loading the provider (about 60 of its 100 modules).
function compiled(): Validators {
  return processLocal("instanceOrgValidators", () => {
    const ajv = newAjv();
    return {
      post: ajv.compile(instanceOrgPostSchema),
      patch: ajv.compile(instanceOrgPatchSchema),
    };
  });
}

/**
 * A new ajv instance set up as the provider's checks want it (every error, the failing schema
 * in each, the official formats). Loads ajv on first call; keep what it compiles process-local.
 */
export function newAjv(): import("ajv").default {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { default: Ajv } = require("ajv") as typeof import("ajv");
  const { default: addFormats } = require("ajv-formats") as typeof import("ajv-formats");
  /* eslint-enable @typescript-eslint/no-require-imports */
  const ajv = new Ajv({ allErrors: true, verbose: true, strict: false });
  addFormats(ajv);
  return ajv;
}

/**
 * Validates InstanceOrg inputs against the official schemas without any request: the
 * create schema when a new org is declared, the patch schema when an existing one is adopted
 * through `orgId` (then `name` may be left out). Values the engine does not know yet pass.
 *
 * @param inputs - the resource's inputs as the engine hands them to `check`
 * @returns one failure per broken rule, empty when the inputs are valid
 */
export function validateInputs(inputs: Record<string, unknown>): CheckFailure[] {
  const failures: CheckFailure[] = [];
  const adopting = inputs.orgId !== undefined;
  checkId(inputs, "instanceId", true, failures);
  checkId(inputs, "orgId", false, failures);
  checkSummaryInclude(inputs.summaryInclude, failures);
  if (adopting && inputs.members !== undefined) {
    failures.push({
      property: "members",
      reason: "members can only be set when creating an org, not when adopting one through orgId",
    });
  }

  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(inputs)) {
    if (key === "__provider" || (PROVIDER_ONLY_KEYS as readonly string[]).includes(key)) continue;
    body[key] = value;
  }
  if (!adopting && inputs.members !== undefined) body.members = inputs.members;

  const validate = adopting ? compiled().patch : compiled().post;
  if (!validate(body)) failures.push(...schemaFailures(validate.errors ?? [], body, "the org"));
  failures.push(...duplicateTagKeys(body.tags));
  return failures;
}

function checkId(
  inputs: Record<string, unknown>,
  key: string,
  required: boolean,
  out: CheckFailure[],
): void {
  const value = inputs[key];
  if (isUnknown(value)) return;
  if (value === undefined) {
    if (required)
      out.push({ property: key, reason: `${key} is required: the ID of the Losant instance` });
    return;
  }
  if (!isLosantId(value)) {
    out.push({
      property: key,
      reason: `${key} must be a Losant ID: 24 hexadecimal characters (pattern ${ID_PATTERN.source})`,
    });
  }
}

function checkSummaryInclude(value: unknown, out: CheckFailure[]): void {
  if (value === undefined || isUnknown(value)) return;
  if (!Array.isArray(value)) {
    out.push({
      property: "summaryInclude",
      reason: "summaryInclude must be a list of summary field names",
    });
    return;
  }
  value.forEach((field, i) => {
    if (isUnknown(field) || isSummaryField(field)) return;
    out.push({
      property: `summaryInclude[${i}]`,
      reason: `summaryInclude[${i}] "${String(field)}" is not a summary field; use one of: ${SUMMARY_FIELDS.join(", ")}`,
    });
  });
}

/** Tags are matched by key, so a key may appear once. */
function duplicateTagKeys(tags: unknown): CheckFailure[] {
  if (!Array.isArray(tags)) return [];
  const seen = new Set<unknown>();
  const failures: CheckFailure[] = [];
  tags.forEach((tag, i) => {
    const key = (tag as { key?: unknown } | null)?.key;
    if (typeof key !== "string") return;
    if (seen.has(key)) {
      failures.push({
        property: `tags[${i}].key`,
        reason: `tags[${i}].key "${key}" appears more than once; tag keys must be unique`,
      });
    }
    seen.add(key);
  });
  return failures;
}

/**
 * The failures of one schema validation, one per broken rule, each with the property's path;
 * errors under a value the engine does not know yet are left out.
 *
 * @param errors - what ajv reported
 * @param body - the validated value
 * @param subject - what the body is, for a rule broken by the whole of it ("the org")
 */
export function schemaFailures(
  errors: ErrorObject[],
  body: Record<string, unknown>,
  subject: string,
): CheckFailure[] {
  const relevant = errors.filter((e) => !dependsOnUnknown(e, body));
  // A oneOf failure also reports each branch's own failure at the same place; the oneOf
  // alone says it best.
  const oneOfPaths = new Set(
    relevant.filter((e) => e.keyword === "oneOf").map((e) => e.instancePath),
  );
  const failures: CheckFailure[] = [];
  const seen = new Set<string>();
  for (const error of relevant) {
    if (error.keyword !== "oneOf" && oneOfPaths.has(error.instancePath)) continue;
    const failure = { property: propertyOf(error), reason: "" };
    failure.reason = `${failure.property || subject} ${reasonOf(error)}`;
    if (!seen.has(failure.reason)) failures.push(failure);
    seen.add(failure.reason);
  }
  return failures;
}

function pathSegments(error: ErrorObject): string[] {
  const segments = error.instancePath
    .split("/")
    .slice(1)
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
  if (error.keyword === "required") segments.push(String(error.params.missingProperty));
  if (error.keyword === "additionalProperties")
    segments.push(String(error.params.additionalProperty));
  return segments;
}

function propertyOf(error: ErrorObject): string {
  return pathSegments(error).reduce(
    (path, segment) =>
      /^\d+$/.test(segment) ? `${path}[${segment}]` : path ? `${path}.${segment}` : segment,
    "",
  );
}

/** An error at or under a value the engine does not know yet is no error yet. */
function dependsOnUnknown(error: ErrorObject, body: Record<string, unknown>): boolean {
  let value: unknown = body;
  for (const segment of pathSegments(error)) {
    if (value === null || typeof value !== "object") return false;
    value = (value as Record<string, unknown>)[segment];
    if (isUnknown(value)) return true;
  }
  return false;
}

function reasonOf(error: ErrorObject): string {
  const rule = error.keyword;
  switch (rule) {
    case "required":
      return "is required";
    case "additionalProperties":
      return "is not a known property (additionalProperties)";
    case "oneOf": {
      const branches = (
        error.schema as Array<{ type?: string; format?: string; enum?: unknown[] }>
      ).map((b) =>
        [b.type, b.format && `(${b.format})`, b.enum && `in ${JSON.stringify(b.enum)}`]
          .filter(Boolean)
          .join(" "),
      );
      return `must be one of: ${branches.join("; ")} (oneOf)`;
    }
    case "enum":
      return `must be one of ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")} (enum)`;
    default:
      return `${error.message ?? "is invalid"} (${rule})`;
  }
}
