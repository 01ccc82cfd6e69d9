/**
 * The list endpoint's `query` parameter (`schemas/advancedInstanceOrgQuery.json`): a JSON
 * object, validated with the official schema, compiled once per request into a predicate
 * over stored orgs. The documentation names the operators but not every corner of their
 * meaning; the choices made here are listed in `simulator/README.md` ("Advanced query").
 */
import { ApiError, INVALID_ADVANCED_QUERY_MESSAGE, INVALID_QUERY_MESSAGE } from "./errors";
import type { OrgRecord, Tag } from "./model";
import { validate } from "./validation";

/** Whether an org, whose members' user IDs are `memberIds`, matches a compiled query. */
export type OrgPredicate = (org: OrgRecord, memberIds: readonly string[]) => boolean;

type Scalar = string | number | boolean | null;
type Condition = Record<string, unknown>;

/** Fields holding a date-time: compared as instants, whatever form the operand takes. */
const DATE_FIELDS = new Set(["creationDate", "lastUpdated", "disabledAt"]);

function fold(value: unknown, ci: boolean): unknown {
  return ci && typeof value === "string" ? value.toLowerCase() : value;
}

function same(actual: Scalar, operand: unknown, ci: boolean): boolean {
  return fold(actual, ci) === fold(operand, ci);
}

/** -1, 0 or 1 for values of one kind (both numbers or both strings); NaN otherwise. */
function order(actual: Scalar, operand: unknown, ci: boolean): number {
  const [a, b] = [fold(actual, ci), fold(operand, ci)];
  const comparable =
    (typeof a === "number" && typeof b === "number") ||
    (typeof a === "string" && typeof b === "string");
  if (!comparable) return NaN;
  return a < b ? -1 : a > b ? 1 : 0;
}

function text(
  test: (actual: string, operand: string) => boolean,
): (actual: Scalar, operand: unknown, ci: boolean) => boolean {
  return (actual, operand, ci) =>
    typeof actual === "string" &&
    typeof operand === "string" &&
    test(fold(actual, ci) as string, fold(operand, ci) as string);
}

const OPERATORS: Record<string, (actual: Scalar, operand: unknown, ci: boolean) => boolean> = {
  $eq: same,
  $ne: (actual, operand, ci) => !same(actual, operand, ci),
  $gt: (actual, operand, ci) => order(actual, operand, ci) > 0,
  $gte: (actual, operand, ci) => order(actual, operand, ci) >= 0,
  $lt: (actual, operand, ci) => order(actual, operand, ci) < 0,
  $lte: (actual, operand, ci) => order(actual, operand, ci) <= 0,
  $in: (actual, operand, ci) => (operand as unknown[]).some((item) => same(actual, item, ci)),
  $nin: (actual, operand, ci) => !(operand as unknown[]).some((item) => same(actual, item, ci)),
  $startsWith: text((actual, operand) => actual.startsWith(operand)),
  $endsWith: text((actual, operand) => actual.endsWith(operand)),
  $contains: text((actual, operand) => actual.includes(operand)),
};

/** The value a query compares for `field`: dates as epoch ms, absent values as null. */
function fieldValue(org: OrgRecord, field: string): Scalar {
  if (field === "disabledAt") return org.disabledAt === false ? null : Date.parse(org.disabledAt);
  if (DATE_FIELDS.has(field)) return Date.parse(org[field as "creationDate" | "lastUpdated"]);
  const value = org[field as keyof OrgRecord];
  return value === undefined ? null : (value as Scalar);
}

/** An operand in the form the field's value takes: a date given as text becomes epoch ms. */
function operandFor(field: string, operand: unknown): unknown {
  if (!DATE_FIELDS.has(field)) return operand;
  if (Array.isArray(operand)) return operand.map((item) => operandFor(field, item));
  return typeof operand === "string" ? Date.parse(operand) : operand;
}

function isCondition(value: unknown): value is Condition {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** One operator of a condition as a test of a value; `negative` for `$ne` and `$nin`. */
interface ValueTest {
  negative: boolean;
  test: (actual: Scalar) => boolean;
}

function valueTests(field: string, condition: unknown): ValueTest[] {
  if (!isCondition(condition)) {
    const operand = operandFor(field, condition);
    return [{ negative: false, test: (actual) => same(actual, operand, false) }];
  }
  const ci = condition.$ci === true;
  return Object.entries(condition)
    .filter(([operator]) => operator !== "$ci")
    .map(([operator, operand]) => {
      const apply = OPERATORS[operator];
      const value = operandFor(field, operand);
      return {
        negative: operator === "$ne" || operator === "$nin",
        test: (actual: Scalar): boolean => apply(actual, value, ci),
      };
    });
}

function fieldPredicate(field: string, condition: unknown): OrgPredicate {
  const tests = valueTests(field, condition);
  return (org) => {
    const actual = fieldValue(org, field);
    return tests.every(({ test }) => test(actual));
  };
}

/**
 * `memberId` holds many values, one per member, compared as a document database compares
 * an array: a test holds when some member passes it, a negative one (`$ne`, `$nin`) when
 * every member does. An org without members has the single value null.
 */
function memberIdPredicate(condition: unknown): OrgPredicate {
  const tests = valueTests("memberId", condition);
  return (_org, memberIds) => {
    const values: Scalar[] = memberIds.length > 0 ? [...memberIds] : [null];
    return tests.every(({ negative, test }) => (negative ? values.every(test) : values.some(test)));
  };
}

/** A `$tagKey`/`$tagValue` part: a string, null (anything), `{$in: [...]}` or `{$nin: [...]}`. */
function tagPart(condition: unknown): (value: string) => boolean {
  if (condition === null || condition === undefined) return () => true;
  if (typeof condition === "string") return (value) => value === condition;
  const { $in, $nin } = condition as { $in?: string[]; $nin?: string[] };
  if ($in) return (value) => $in.includes(value);
  return (value) => !($nin ?? []).includes(value);
}

/** A tag matcher: null (no tags), `{$tagKey, $tagValue}` (one tag), or `{key: value, ...}`. */
function tagsMatcher(condition: unknown): (tags: readonly Tag[]) => boolean {
  if (condition === null) return (tags) => tags.length === 0;
  const entries = Object.entries(condition as Condition);
  const pairs = entries.some(([key]) => key === "$tagKey" || key === "$tagValue")
    ? [[(condition as Condition).$tagKey, (condition as Condition).$tagValue]]
    : entries.map(([key, value]) => [key, value]);
  const tests = pairs.map(([key, value]) => {
    const [keyTest, valueTest] = [tagPart(key), tagPart(value)];
    return (tag: Tag): boolean => keyTest(tag.key) && valueTest(tag.value);
  });
  return (tags) => tests.every((test) => tags.some(test));
}

function tagsPredicate(condition: unknown): OrgPredicate {
  if (isCondition(condition) && "$eq" in condition) {
    const matcher = tagsMatcher(condition.$eq);
    return (org) => matcher(org.tags);
  }
  if (isCondition(condition) && "$ne" in condition) {
    const matcher = tagsMatcher(condition.$ne);
    return (org) => !matcher(org.tags);
  }
  const matcher = tagsMatcher(condition);
  return (org) => matcher(org.tags);
}

/** Compiles a query already valid against the schema. */
export function compileQuery(query: Condition): OrgPredicate {
  const parts = Object.entries(query).map(([key, condition]): OrgPredicate => {
    if (key === "$and" || key === "$or" || key === "$nor") {
      const subs = (condition as Condition[]).map(compileQuery);
      if (key === "$and") return (org, ids) => subs.every((sub) => sub(org, ids));
      if (key === "$or") return (org, ids) => subs.some((sub) => sub(org, ids));
      return (org, ids) => !subs.some((sub) => sub(org, ids));
    }
    if (key === "tags") return tagsPredicate(condition);
    if (key === "memberId") return memberIdPredicate(condition);
    return fieldPredicate(key, condition);
  });
  return (org, ids) => parts.every((part) => part(org, ids));
}

/**
 * Parses and validates the `query` parameter and compiles it.
 * @param raw - the parameter's value, already URL-decoded.
 * @returns a predicate over stored orgs.
 * @throws ApiError 400 when `raw` is not JSON, or is JSON that breaks
 * `advancedInstanceOrgQuery` (the message lists every violation).
 */
export function parseAdvancedQuery(raw: string): OrgPredicate {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new ApiError(400, INVALID_QUERY_MESSAGE("query", "a JSON object"));
  }
  const result = validate("advancedInstanceOrgQuery", value);
  if (!result.ok) throw new ApiError(400, INVALID_ADVANCED_QUERY_MESSAGE(result.details));
  return compileQuery(value as Condition);
}
