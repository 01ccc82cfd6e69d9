/**
 * Matching the probe's observations against the named simulator profiles: one profile when
 * everything is observed, the candidates when some dimensions are not, the closest one with
 * its differences when none agrees.
 */
import { describeMatch, matchProfiles } from "../../../cli/probe/match";
import { PROFILE_NAMES, PROFILES } from "../../../simulator";

it.each(PROFILE_NAMES)("names %s from a full observation of it", (name) => {
  const match = matchProfiles({ ...PROFILES[name] });
  expect(match.consistent).toEqual([name]);
  expect(describeMatch(match, PROFILES[name])).toBe(
    `Matches simulator profile: ${name} (losant-sim --profile ${name})`,
  );
});

it("lists every candidate and the unobserved dimensions after a read-only run", () => {
  const observed = { negativeTimes: "refused", hourlyRetention: "refused" };
  const match = matchProfiles(observed);
  expect(match.consistent).toEqual(["org-answer"]);
  expect(match.unobserved).toEqual([
    "patchLimits",
    "createAnswer",
    "normalization",
    "oversizedBody",
    "memberEmailUnknown",
    "memberAddExisting",
    "lastAdminRemoval",
  ]);
  expect(describeMatch(match, observed)).toMatch(
    /^Consistent with simulator profiles: org-answer \(not observed: patchLimits, .*--write/,
  );
});

it("names the closest profile and how it differs when none agrees", () => {
  const observed = { ...PROFILES.documented, patchLimits: "replace" };
  const match = matchProfiles(observed);
  expect(match.consistent).toEqual([]);
  expect(describeMatch(match, observed)).toBe(
    "Matches no simulator profile; closest: documented (patchLimits is replace, not merge)",
  );
});
