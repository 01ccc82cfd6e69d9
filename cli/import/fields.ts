import instanceOrgPatchSchema from "../../schemas/instanceOrgPatch.json";
import type { InstanceOrg } from "../../provider/losant";
import { ImportError } from "./errors";

/** An org field an import can declare: a writable field of the official PATCH schema. */
export type ImportableField = keyof typeof instanceOrgPatchSchema.properties;

/** Every field an import can declare, from the official schema. */
export const IMPORTABLE_FIELDS = Object.keys(
  instanceOrgPatchSchema.properties,
) as readonly ImportableField[];

/**
 * The fields declared when `--fields` is not given: what a platform team keeps in code, its
 * identity (`name`, `description`), policy (`limits`, `mfaMode`, `whitelistedEmailDomains`,
 * `auditLogEnabled`) and classification (`tags`). Left out: operational switches people flip
 * by hand (`disabledAt`, `isReadOnly`), messages that come and go (`banner`), cosmetics
 * (`iconColor`) and billing references (`referralId`): declared, they would be reset on the
 * next `up` after each such change.
 */
export const DEFAULT_FIELDS: readonly ImportableField[] = [
  "name",
  "description",
  "tags",
  "limits",
  "mfaMode",
  "whitelistedEmailDomains",
  "auditLogEnabled",
];

/**
 * Reads `--fields`: `default`, `all`, or a comma-separated list of field names.
 *
 * @throws ImportError naming the unknown fields and the valid ones
 */
export function parseFields(text: string | undefined): readonly ImportableField[] {
  if (text === undefined || text === "default") return DEFAULT_FIELDS;
  if (text === "all") return IMPORTABLE_FIELDS;
  const asked = text
    .split(",")
    .map((field) => field.trim())
    .filter((field) => field !== "");
  const unknown = asked.filter((field) => !IMPORTABLE_FIELDS.includes(field as ImportableField));
  if (unknown.length > 0 || asked.length === 0) {
    throw new ImportError(
      `--fields: ${unknown.length > 0 ? `unknown field ${unknown.join(", ")}` : "no field given"}; ` +
        `use default, all, or a comma-separated list of ${IMPORTABLE_FIELDS.join(", ")}`,
      2,
    );
  }
  return [...new Set(asked)] as ImportableField[];
}

/**
 * The values of `fields` the org holds now; a field the server did not send is left out, so
 * it stays unmanaged rather than declared empty.
 */
export function currentValues(
  org: InstanceOrg,
  fields: readonly ImportableField[],
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const field of fields) {
    const value = (org as unknown as Record<string, unknown>)[field];
    if (value !== undefined && value !== null) values[field] = value;
  }
  return values;
}
