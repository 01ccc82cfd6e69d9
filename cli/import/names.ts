import type { InstanceOrg } from "../../provider/losant";

/**
 * Pulumi resource names for the orgs of an instance: the org's name as a slug (lower-case
 * letters, digits and dashes, as the default program makes them). Orgs whose slugs collide
 * (Losant lets two orgs share a name) are told apart by their ID, except the oldest, which
 * keeps the plain slug: so an org created later never renames one imported before.
 *
 * Call it with every org of the instance, not only the selected ones, so a name does not
 * depend on what was selected.
 *
 * @param orgs - all orgs of the instance
 * @returns the resource name of each org, by org ID
 */
export function resourceNames(orgs: readonly InstanceOrg[]): Map<string, string> {
  const oldestFirst = [...orgs].sort(
    (a, b) => created(a) - created(b) || orgId(a).localeCompare(orgId(b)),
  );
  const names = new Map<string, string>();
  const taken = new Set<string>();
  const later: InstanceOrg[] = [];
  for (const org of oldestFirst) {
    const plain = slug(org.name ?? "");
    if (taken.has(plain)) {
      later.push(org);
    } else {
      names.set(orgId(org), plain);
      taken.add(plain);
    }
  }
  for (const org of later) {
    let name = `${slug(org.name ?? "")}-${orgId(org)}`;
    for (let n = 2; taken.has(name); n++) name = `${slug(org.name ?? "")}-${orgId(org)}-${n}`;
    names.set(orgId(org), name);
    taken.add(name);
  }
  return names;
}

/** A name as a resource name: `[a-z0-9-]`, no dash at either end; `org` when nothing is left. */
export function slug(text: string): string {
  const made = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return made === "" ? "org" : made;
}

function orgId(org: InstanceOrg): string {
  return org.id ?? org.orgId ?? "";
}

function created(org: InstanceOrg): number {
  const time = Date.parse(org.creationDate ?? "");
  return Number.isNaN(time) ? Infinity : time;
}
