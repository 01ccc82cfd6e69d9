/**
 * Which simulator profile an instance behaves like, from the dimensions the probe observed.
 */
import {
  PROFILE_NAMES,
  PROFILES,
  type ProfileDimension,
  type ProfileName,
} from "../../simulator/profiles";
import type { Observations } from "./findings";

/** A named profile and the observed dimensions where it differs. */
export interface ProfileDistance {
  name: ProfileName;
  differences: ProfileDimension[];
}

/** The outcome of matching observations against the named profiles. */
export interface ProfileMatch {
  /** Profiles agreeing with every observed dimension. */
  consistent: ProfileName[];
  /** Every profile by how many observed dimensions differ, fewest first. */
  ranked: ProfileDistance[];
  /** Dimensions nothing was observed for. */
  unobserved: ProfileDimension[];
}

/** Matches observations against every named profile. */
export function matchProfiles(observed: Observations): ProfileMatch {
  const dimensions = Object.keys(PROFILES.documented) as ProfileDimension[];
  const ranked = PROFILE_NAMES.map((name) => ({
    name,
    differences: dimensions.filter(
      (dimension) =>
        observed[dimension] !== undefined && observed[dimension] !== PROFILES[name][dimension],
    ),
  })).sort((a, b) => a.differences.length - b.differences.length);
  return {
    consistent: ranked.filter((entry) => entry.differences.length === 0).map((e) => e.name),
    ranked,
    unobserved: dimensions.filter((dimension) => observed[dimension] === undefined),
  };
}

/** One line saying which profile the instance matches, for the end of the report. */
export function describeMatch(match: ProfileMatch, observed: Observations): string {
  const [only] = match.consistent;
  if (match.consistent.length === 1 && match.unobserved.length === 0) {
    return `Matches simulator profile: ${only} (losant-sim --profile ${only})`;
  }
  if (match.consistent.length > 0) {
    return (
      `Consistent with simulator profiles: ${match.consistent.join(", ")} ` +
      `(not observed: ${match.unobserved.join(", ")}; run with --write to tell them apart)`
    );
  }
  const closest = match.ranked[0];
  const differences = closest.differences
    .map((d) => `${d} is ${observed[d]}, not ${PROFILES[closest.name][d]}`)
    .join("; ");
  return `Matches no simulator profile; closest: ${closest.name} (${differences})`;
}
