import type { InstanceOrg } from "../../provider/losant";

/** Which orgs to import. Empty lists select everything. */
export interface Selection {
  /** Name globs: `*` any run of characters, `?` one; whole name, any case (as Losant's list filter). */
  globs: readonly string[];
  /** Exact names. */
  names: readonly string[];
  /** Tags, `key` or `key=value`. */
  tags: ReadonlyArray<{ key: string; value?: string }>;
}

/**
 * The orgs the selection picks, in the given order. An org is picked when its name matches one
 * of the globs or exact names (if any are given) and it carries one of the tags (if any are
 * given): alternatives of one kind widen the selection, kinds narrow it.
 */
export function selectOrgs(orgs: readonly InstanceOrg[], selection: Selection): InstanceOrg[] {
  const patterns = selection.globs.map(globPattern);
  const byName = (org: InstanceOrg) =>
    (patterns.length === 0 && selection.names.length === 0) ||
    selection.names.includes(org.name ?? "") ||
    patterns.some((pattern) => pattern.test(org.name ?? ""));
  const byTag = (org: InstanceOrg) =>
    selection.tags.length === 0 ||
    selection.tags.some((wanted) =>
      (org.tags ?? []).some(
        (tag) =>
          tag.key === wanted.key && (wanted.value === undefined || tag.value === wanted.value),
      ),
    );
  return orgs.filter((org) => byName(org) && byTag(org));
}

/** Reads `key` or `key=value`. */
export function parseTag(text: string): { key: string; value?: string } {
  const at = text.indexOf("=");
  return at < 0 ? { key: text } : { key: text.slice(0, at), value: text.slice(at + 1) };
}

function globPattern(glob: string): RegExp {
  const body = Array.from(glob)
    .map((char) =>
      char === "*" ? ".*" : char === "?" ? "." : char.replace(/[\\^$.|+(){}[\]]/g, "\\$&"),
    )
    .join("");
  return new RegExp(`^${body}$`, "isu");
}
