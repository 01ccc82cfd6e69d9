/**
 * Simulator profiles: one answer for each behaviour the Losant documentation leaves open
 * (`shared/losant-api/README.md`, "What the documentation does not settle"). A profile is
 * picked per simulator, so the same tests can run against every plausible server and a
 * probe can tell which one a real instance is. `simulator/README.md` explains each choice.
 */
import namedProfilesJson from "./profiles.json";

/** One answer to each unsettled behaviour. */
export interface SimulatorProfile {
  /**
   * PATCH `limits`: `merge` the given keys into the stored limits, or `replace` the whole
   * object (every key not sent goes back to the instance's default).
   */
  patchLimits: "merge" | "replace";
  /**
   * The 200 answer of a create: the full `instanceOrg`, or the documented `org` shape
   * (no `instanceId`, `tags`, `auditLogEnabled`, `referralId`, `customerId`,
   * `subscriptionId`).
   */
  createAnswer: "instanceOrg" | "org";
  /**
   * `off` stores declared values as sent; `on` lower-cases email domains and `iconColor`,
   * trims the name, keeps `disabledAt` to the second and clamps limits to the instance's own.
   */
  normalization: "off" | "on";
  /**
   * A body past the size limit: `400` Validation (after authentication), `413` with
   * Losant's error body, or `413-bare` (no body, as a proxy in front of the API would send).
   */
  oversizedBody: "400" | "413" | "413-bare";
  /** Negative `start`/`end` of the usage endpoints: `refused` (400) or `relative` to now. */
  negativeTimes: "refused" | "relative";
  /** Hourly payload buckets older than 90 days: `kept`, left out (`empty`), or `refused` (400). */
  hourlyRetention: "kept" | "empty" | "refused";
  /**
   * Adding a member by an email no user of the instance has: `createUser` (a user is created
   * and is a member at once), `invite` (a pending user without a name is created and counted
   * as a pending invite), or `refuse` (400).
   */
  memberEmailUnknown: "createUser" | "invite" | "refuse";
  /**
   * Adding a user who is already a member: `refuse` (400), `returnExisting` (200 with the
   * membership unchanged) or `update` (200 with the posted roles applied).
   */
  memberAddExisting: "refuse" | "returnExisting" | "update";
  /**
   * Removing the org's last admin, by DELETE or by a PATCH or re-POST to another role:
   * `refused` (400) or `allowed`.
   */
  lastAdminRemoval: "refused" | "allowed";
}

/** The dimensions of a profile. */
export type ProfileDimension = keyof SimulatorProfile;

/** Every value of every dimension, in a fixed order (for docs, tests and the probe). */
export const PROFILE_VALUES: { readonly [D in ProfileDimension]: readonly SimulatorProfile[D][] } =
  {
    patchLimits: ["merge", "replace"],
    createAnswer: ["instanceOrg", "org"],
    normalization: ["off", "on"],
    oversizedBody: ["400", "413", "413-bare"],
    negativeTimes: ["refused", "relative"],
    hourlyRetention: ["kept", "empty", "refused"],
    memberEmailUnknown: ["createUser", "invite", "refuse"],
    memberAddExisting: ["refuse", "returnExisting", "update"],
    lastAdminRemoval: ["refused", "allowed"],
  };

/** How long hourly payload buckets are kept under `hourlyRetention` `empty`/`refused`. */
export const HOURLY_RETENTION_MS = 90 * 86_400_000;

/** The profiles as data, so `jest.config.js` reads the same names the simulator knows. */
const NAMED = namedProfilesJson as Record<keyof typeof namedProfilesJson, SimulatorProfile>;

/** The name of one of {@link PROFILES}. */
export type ProfileName = keyof typeof namedProfilesJson;

/**
 * The named profiles (`profiles.json`, described in `simulator/README.md`):
 * - `documented`: the documentation read literally; the default (unknown emails invited, a
 *   re-added member refused, the last admin kept);
 * - `replacing`: limits replaced on PATCH, a 413 with a message, negative times relative to
 *   now, old hours left out; unknown emails become users, a re-add updates the role, the
 *   last admin may go;
 * - `org-answer`: the create answered in the documented `org` shape, stored values
 *   normalized, a bare 413, old hours refused; unknown emails refused, a re-add answers the
 *   membership unchanged, the last admin may go;
 * - `strictest`: every behaviour that can hurt a client at once (as `org-answer` for
 *   members, but the last admin kept).
 *
 * Between them every value of every dimension appears at least once, and any two differ in
 * a dimension the probe observes, so it can name each one.
 */
export const PROFILES: Readonly<Record<ProfileName, Readonly<SimulatorProfile>>> = NAMED;

/** Every profile name, `documented` first. */
export const PROFILE_NAMES = Object.keys(PROFILES) as ProfileName[];

/** The environment variable naming the profile of the simulators tests start. */
export const PROFILE_ENV = "LOSANT_SIM_PROFILE";

/** Whether `name` is one of {@link PROFILE_NAMES}. */
export function isProfileName(name: string): name is ProfileName {
  return (PROFILE_NAMES as string[]).includes(name);
}

/**
 * A profile by name.
 * @throws Error naming the known profiles when `name` is not one of them.
 */
export function namedProfile(name: string): SimulatorProfile {
  if (!isProfileName(name)) {
    throw new Error(`Unknown simulator profile "${name}"; known: ${PROFILE_NAMES.join(", ")}`);
  }
  return PROFILES[name];
}

/**
 * The full profile: a name, or a partial profile merged over `documented`.
 * @throws Error for an unknown name or a dimension value outside {@link PROFILE_VALUES}.
 */
export function resolveProfile(
  profile: ProfileName | Partial<SimulatorProfile> = {},
): SimulatorProfile {
  const full =
    typeof profile === "string" ? namedProfile(profile) : { ...PROFILES.documented, ...profile };
  for (const [dimension, values] of Object.entries(PROFILE_VALUES)) {
    const value = full[dimension as ProfileDimension];
    if (!(values as readonly string[]).includes(value)) {
      throw new Error(`Simulator profile ${dimension} must be one of ${values.join(", ")}`);
    }
  }
  return full;
}
