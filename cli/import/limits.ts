/**
 * Which limits an import declares. Losant's API has no call for an instance's default limits,
 * so an import infers them: a limit value that more than half of the instance's orgs hold is
 * taken for the instance's default and left out of every declaration. Left out, a limit is not
 * managed (it keeps whatever the server has), so the following preview still shows no change.
 */
import type { InstanceOrg } from "../../provider/losant";

/** Limit values by key. */
export type Limits = Record<string, number>;

/**
 * The limit values more than half of `orgs` hold, by key: what the import takes for the
 * instance's defaults. One org alone holds every value of its own: all are shared.
 */
export function sharedLimits(orgs: readonly InstanceOrg[]): Limits {
  const counts = new Map<string, Map<number, number>>();
  for (const org of orgs) {
    for (const [key, value] of Object.entries(org.limits ?? {})) {
      if (typeof value !== "number") continue;
      const byValue = counts.get(key) ?? new Map<number, number>();
      byValue.set(value, (byValue.get(value) ?? 0) + 1);
      counts.set(key, byValue);
    }
  }
  const shared: Limits = {};
  for (const [key, byValue] of counts) {
    for (const [value, count] of byValue) if (count * 2 > orgs.length) shared[key] = value;
  }
  return shared;
}

/**
 * `limits` without the values in `shared`; undefined when nothing is left to declare.
 */
export function limitsBeyond(limits: unknown, shared: Limits): Limits | undefined {
  if (limits === null || typeof limits !== "object") return undefined;
  const kept = Object.entries(limits as Limits).filter(([key, value]) => shared[key] !== value);
  return kept.length === 0 ? undefined : Object.fromEntries(kept);
}
