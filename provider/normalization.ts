/**
 * Declared values the server stored differently (a trimmed name, a lower-cased domain or
 * color, a date at second precision, a limit clamped to the instance's own). Each one is
 * reported once, when the write that caused it happens, and remembered in the outputs as a
 * declared→stored pair: while the declaration and the stored value stay the same, `diff`
 * treats it as no change, so previews do not keep offering a write the server will undo.
 */
import { isDeepStrictEqual } from "node:util";
import { mismatches, type Mismatch } from "./compare";
import type { InstanceOrgInputs } from "./inputs";
import type { InstanceOrg } from "./losant/types.generated";

/** One declared value and the value the server stored for it. */
export interface StoredPair {
  declared: unknown;
  stored: unknown;
}

/** The pairs of an org, by property path (`name`, `limits.device`). */
export type NormalizedPairs = Record<string, StoredPair>;

/**
 * The declared values the server holds differently after a write, as pairs.
 *
 * @returns undefined when the server holds every declared value as declared
 */
export function storedPairs(
  inputs: Partial<InstanceOrgInputs>,
  org: Partial<InstanceOrg>,
): NormalizedPairs | undefined {
  const found = mismatches(inputs, org);
  if (found.length === 0) return undefined;
  return Object.fromEntries(
    found.map(({ property, declared, stored }) => [property, { declared, stored }]),
  );
}

/**
 * The differences between the declaration and the stored outputs that a write could change:
 * every mismatch but those remembered, unchanged, in `pairs`.
 */
export function unexplainedMismatches(
  inputs: Partial<InstanceOrgInputs>,
  stored: Partial<InstanceOrg>,
  pairs: NormalizedPairs | undefined,
): Mismatch[] {
  return mismatches(inputs, stored).filter(({ property, declared, stored: value }) => {
    const pair = pairs?.[property];
    return !(
      pair !== undefined &&
      isDeepStrictEqual(pair.declared, declared) &&
      isDeepStrictEqual(pair.stored, value)
    );
  });
}

/**
 * The warning a user sees in `pulumi up`: which org, and for each property the declared
 * value, the stored one, and what to declare instead.
 */
export function normalizationWarning(org: string, pairs: NormalizedPairs): string {
  const lines = Object.entries(pairs).map(
    ([property, { declared, stored }]) =>
      `  ${property}: declared ${show(declared)}, stored ${show(stored)}; ` +
      (stored === undefined
        ? `the server keeps no value for it; remove ${property} from the declaration`
        : `declare ${property}: ${show(stored)} to match`),
  );
  return [
    `InstanceOrg ${org}: the Losant API stored ${lines.length === 1 ? "a declared value" : "declared values"} differently:`,
    ...lines,
    "  Previews show no change for these while the declaration and the stored values stay as they are.",
  ].join("\n");
}

function show(value: unknown): string {
  return value === undefined ? "nothing" : JSON.stringify(value);
}
