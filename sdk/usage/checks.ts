import {
  SUMMARY_FIELDS,
  isLosantId,
  isSummaryField,
  normalizeSummaryInclude,
} from "../../provider/losant/org";
import { LosantArgumentError } from "./argumentError";

/**
 * A short, safe description of a value for an error message: strings are quoted and cut to
 * 40 characters, objects are named by their kind rather than dumped.
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (typeof value === "string") {
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value);
  }
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString();
  }
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  return String(value);
}

/**
 * Checks that `args` is an object holding no argument outside `known` (a misspelt
 * `resolutoin` would otherwise be ignored silently).
 *
 * @throws LosantArgumentError naming the first unknown argument
 */
export function checkArgumentNames(
  fn: string,
  args: unknown,
  known: readonly string[],
): asserts args is Record<string, unknown> {
  if (args === null || typeof args !== "object" || Array.isArray(args)) {
    throw new LosantArgumentError(fn, "args", "must be an object", describeValue(args));
  }
  for (const key of Object.keys(args)) {
    if (!known.includes(key)) {
      throw new LosantArgumentError(
        fn,
        key,
        `is not an argument of ${fn}; it takes ${known.join(", ")}`,
      );
    }
  }
}

/**
 * Checks a required Losant ID.
 *
 * @returns the ID
 * @throws LosantArgumentError when it is not a string of 24 hexadecimal characters
 */
export function checkId(fn: string, argument: string, value: unknown): string {
  if (!isLosantId(value)) {
    throw new LosantArgumentError(
      fn,
      argument,
      "must be a Losant ID of 24 hexadecimal characters",
      describeValue(value),
    );
  }
  return value;
}

/**
 * Checks an optional boolean flag.
 *
 * @returns the flag, `false` when absent
 * @throws LosantArgumentError when it is present and not a boolean
 */
export function checkFlag(fn: string, argument: string, value: unknown): boolean {
  if (value === undefined) return false;
  if (typeof value !== "boolean") {
    throw new LosantArgumentError(fn, argument, "must be true or false", describeValue(value));
  }
  return value;
}

/**
 * Checks `summaryInclude`: a list of fields of the org's `summary`.
 *
 * @returns the fields without repeats, sorted (the order does not matter to the API)
 * @throws LosantArgumentError when it is not a list, or names a field the summary lacks
 */
export function checkSummaryInclude(fn: string, value: unknown): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    throw new LosantArgumentError(
      fn,
      "summaryInclude",
      "must be a list of summary fields",
      describeValue(value),
    );
  }
  for (const [i, field] of value.entries()) {
    if (!isSummaryField(field)) {
      throw new LosantArgumentError(
        fn,
        `summaryInclude[${i}]`,
        `must be one of the summary fields ${SUMMARY_FIELDS.join(", ")}`,
        describeValue(field),
      );
    }
  }
  return normalizeSummaryInclude(value as string[]);
}
