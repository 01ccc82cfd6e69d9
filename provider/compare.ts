import type { InstanceOrgInputs } from "./inputs";
import { WRITABLE_FIELDS, type WritableField } from "./losant/org";
import type { InstanceOrg, InstanceOrgPatch } from "./losant/types.generated";
import { isUnknown } from "./unknown";

/**
 * Normalized comparison of what the program declares with what the server has, the way the
 * server normalizes: only the fields the program sets count; `limits` and `banner` only by the
 * keys given; tags by key in any order; email domains as a set; `disabledAt: true` matches any
 * disable date.
 */

type Declared = Partial<Record<WritableField, unknown>>;

/** The writable fields the inputs set (unknown values included: they may change). */
export function declaredFields(inputs: Partial<InstanceOrgInputs>): Declared {
  const declared: Declared = {};
  for (const field of WRITABLE_FIELDS) {
    if (inputs[field] !== undefined) declared[field] = inputs[field];
  }
  return declared;
}

/**
 * The properties the inputs manage: each writable field set, and `limits.<key>` /
 * `banner.<key>` for the keys of those objects that are set.
 */
export function managedProperties(inputs: Partial<InstanceOrgInputs>): string[] {
  const paths: string[] = [];
  for (const [field, value] of Object.entries(declaredFields(inputs))) {
    if ((field === "limits" || field === "banner") && isPlainObject(value)) {
      paths.push(...Object.keys(value).map((key) => `${field}.${key}`));
    } else {
      paths.push(field);
    }
  }
  return paths;
}

/**
 * The fields whose declared value differs from the server's: a field is listed when its
 * declared value is unknown (it may change) or does not match.
 */
export function changedFields(
  inputs: Partial<InstanceOrgInputs>,
  actual: Partial<InstanceOrg>,
): WritableField[] {
  return (Object.entries(declaredFields(inputs)) as Array<[WritableField, unknown]>)
    .filter(([field, desired]) => !fieldMatches(field, desired, actual[field]))
    .map(([field]) => field);
}

/**
 * The PATCH body that brings the server to the declared state, without dropping what the
 * program does not manage: `limits` and `banner` carry the whole object, the server's values
 * with the declared keys applied, so the keys the program leaves out keep their value whether
 * the server merges the object into what it has or replaces it. Empty when nothing differs.
 *
 * @param inputs - the declaration
 * @param actual - the org as the server has it: the PATCH carries its `limits` and `banner`
 *   keys back, so it must be live (see `update`), or a stale value would overwrite a newer one
 */
export function patchBody(
  inputs: Partial<InstanceOrgInputs>,
  actual: Partial<InstanceOrg>,
): InstanceOrgPatch {
  const body: Record<string, unknown> = {};
  for (const field of changedFields(inputs, actual)) {
    const desired = inputs[field];
    if ((field === "limits" || field === "banner") && isPlainObject(desired)) {
      body[field] = { ...(actual[field] ?? {}), ...desired };
    } else {
      body[field] = desired;
    }
  }
  return body as InstanceOrgPatch;
}

/**
 * The managed properties an API answer lacks altogether (the documented create answer has no
 * `tags`, `auditLogEnabled` or `referralId`), and `summary` when `summaryInclude` asks for
 * fields it does not carry.
 */
export function missingProperties(
  inputs: Partial<InstanceOrgInputs>,
  answer: Partial<InstanceOrg>,
): string[] {
  const missing = managedProperties(inputs).filter((path) => {
    const [field, key] = path.split(".", 2);
    const value: unknown = (answer as Record<string, unknown>)[field];
    return key === undefined ? value === undefined : !isPlainObject(value) || !(key in value);
  });
  const summary: Record<string, unknown> = isPlainObject(answer.summary) ? answer.summary : {};
  if ((inputs.summaryInclude ?? []).some((field) => !(field in summary))) missing.push("summary");
  return missing;
}

/** A managed property whose declared value the server does not hold. */
export interface Mismatch {
  /** The property's path: a field (`name`), or a key of `limits`/`banner` (`limits.device`). */
  property: string;
  declared: unknown;
  /** The server's value; `undefined` when it has none. */
  stored: unknown;
}

/**
 * The managed properties whose declared value differs from the server's, one per field, and
 * one per declared key of `limits` and `banner`. A value unknown during preview differs.
 */
export function mismatches(
  inputs: Partial<InstanceOrgInputs>,
  actual: Partial<InstanceOrg>,
): Mismatch[] {
  const found: Mismatch[] = [];
  for (const field of changedFields(inputs, actual)) {
    const desired = inputs[field];
    const live: unknown = actual[field];
    if ((field === "limits" || field === "banner") && isPlainObject(desired)) {
      const have: Record<string, unknown> = isPlainObject(live) ? live : {};
      for (const [key, value] of Object.entries(desired)) {
        if (isUnknown(value) || have[key] !== value)
          found.push({ property: `${field}.${key}`, declared: value, stored: have[key] });
      }
    } else {
      found.push({ property: field, declared: desired, stored: live });
    }
  }
  return found;
}

/**
 * The server's current values of the managed properties, shaped like inputs: what `read`
 * hands back so the next preview compares the declaration against the live org.
 */
export function liveManagedValues(
  managed: readonly string[],
  actual: Partial<InstanceOrg>,
): Record<string, unknown> {
  const live: Record<string, unknown> = {};
  const source = actual as Record<string, unknown>;
  for (const path of managed) {
    const dot = path.indexOf(".");
    if (dot === -1) {
      if (source[path] !== undefined) live[path] = source[path];
      continue;
    }
    const field = path.slice(0, dot);
    const key = path.slice(dot + 1);
    const value = source[field];
    if (!isPlainObject(value) || value[key] === undefined) continue;
    // The object is this function's own, built here: filling it in place copies nothing.
    const built = (live[field] ??= {}) as Record<string, unknown>;
    built[key] = value[key];
  }
  return live;
}

function fieldMatches(field: WritableField, desired: unknown, actual: unknown): boolean {
  if (isUnknown(desired)) return false;
  switch (field) {
    case "limits":
    case "banner":
      return subsetMatches(desired, actual);
    case "tags":
      return sameTags(desired, actual);
    case "whitelistedEmailDomains":
      return sameSet(desired, actual);
    case "disabledAt":
      return sameDisabledAt(desired, actual);
    default:
      return desired === actual;
  }
}

function subsetMatches(desired: unknown, actual: unknown): boolean {
  if (!isPlainObject(desired)) return false;
  const live = isPlainObject(actual) ? actual : {};
  return Object.entries(desired).every(([key, value]) => !isUnknown(value) && live[key] === value);
}

function tagMap(tags: unknown): Map<string, unknown> | undefined {
  if (!Array.isArray(tags)) return undefined;
  const map = new Map<string, unknown>();
  for (const tag of tags) {
    if (!isPlainObject(tag) || typeof tag.key !== "string" || isUnknown(tag.value))
      return undefined;
    map.set(tag.key, tag.value);
  }
  return map;
}

function sameTags(desired: unknown, actual: unknown): boolean {
  const want = tagMap(desired);
  const have = tagMap(actual ?? []);
  if (want === undefined || have === undefined || want.size !== have.size) return false;
  return [...want].every(([key, value]) => have.has(key) && have.get(key) === value);
}

function sameSet(desired: unknown, actual: unknown): boolean {
  if (!Array.isArray(desired) || desired.some(isUnknown)) return false;
  const have = new Set(Array.isArray(actual) ? actual : []);
  const want = new Set(desired);
  return want.size === have.size && [...want].every((item) => have.has(item));
}

function sameDisabledAt(desired: unknown, actual: unknown): boolean {
  const live = actual === undefined || actual === null ? false : actual;
  if (desired === false) return live === false;
  if (desired === true) return typeof live === "string";
  return (
    typeof desired === "string" &&
    typeof live === "string" &&
    Date.parse(desired) === Date.parse(live)
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
