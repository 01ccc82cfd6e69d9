import type { InstanceOrgArgs, InstanceOrgMemberArgs } from "../sdk";

import { PROJECT } from "../cli/import/format";

/** The stack config namespace of the default program (its project name). */
export { PROJECT };

/** One membership as the stack config declares it: InstanceOrgMember's args but the org. */
export type MembershipSettings = InstanceOrgMemberArgs extends infer Args
  ? Args extends unknown
    ? Omit<Args, "instanceId" | "orgId">
    : never
  : never;

/**
 * One org as the stack config declares it: InstanceOrg's args plus its resource name and
 * its memberships.
 */
export type OrgSettings = Omit<InstanceOrgArgs, "instanceId"> & {
  /** The Pulumi resource name; default: the org's name made into a slug. */
  resource?: string;
  /** The org's members, each an InstanceOrgMember named `<resource>/<email or userId>`. */
  memberships?: MembershipSettings[];
};

/** The default program's settings, read from stack config and checked. */
export interface ProgramSettings {
  instanceId: string;
  orgs: Array<{
    resource: string;
    args: Omit<InstanceOrgArgs, "instanceId">;
    memberships: MembershipSettings[];
  }>;
  /** Days of usage the outputs cover, ending now. */
  usageDays: number;
}

/** A stack config value the default program cannot use, with the key and the rule it breaks. */
export class ProgramConfigError extends Error {
  override readonly name = "ProgramConfigError";

  /** @param key - the config key, for example `losant-orgs:orgs[1].name`; @param rule - what is wrong */
  constructor(
    readonly key: string,
    rule: string,
  ) {
    super(`Stack config ${key} ${rule}`);
  }
}

/**
 * Checks the raw config of the default program and fills its defaults. The org fields
 * themselves are checked by InstanceOrg against the official schemas at preview.
 *
 * @param raw - `instanceId` (else `env.LOSANT_INSTANCE_ID`), `orgs` (a list), `usageDays`
 * @throws ProgramConfigError naming the key and the rule
 */
export function readSettings(
  raw: { instanceId?: string; orgs?: unknown; usageDays?: unknown },
  env: NodeJS.ProcessEnv = process.env,
): ProgramSettings {
  const instanceId = raw.instanceId ?? env.LOSANT_INSTANCE_ID;
  if (instanceId === undefined || instanceId === "") {
    throw new ProgramConfigError(
      `${PROJECT}:instanceId`,
      "is required: the ID of your Losant instance (or set LOSANT_INSTANCE_ID)",
    );
  }
  const usageDays = raw.usageDays === undefined ? 14 : Number(raw.usageDays);
  if (!Number.isInteger(usageDays) || usageDays < 1 || usageDays > 366) {
    throw new ProgramConfigError(
      `${PROJECT}:usageDays`,
      "must be a whole number of days from 1 to 366",
    );
  }
  const list = raw.orgs ?? [];
  if (!Array.isArray(list)) {
    throw new ProgramConfigError(`${PROJECT}:orgs`, "must be a list of org settings");
  }
  const seen = new Set<string>();
  const orgs = list.map((entry: unknown, i) => {
    const key = `${PROJECT}:orgs[${i}]`;
    if (entry === null || typeof entry !== "object" || Array.isArray(entry)) {
      throw new ProgramConfigError(key, "must be an object of org settings");
    }
    const { resource, memberships = [], ...args } = entry as OrgSettings;
    if (
      !Array.isArray(memberships) ||
      memberships.some((m) => m === null || typeof m !== "object")
    ) {
      throw new ProgramConfigError(
        `${key}.memberships`,
        "must be a list of {userId or email, role}",
      );
    }
    if (args.name === undefined && args.orgId === undefined) {
      throw new ProgramConfigError(
        `${key}.name`,
        "is required (or orgId, to adopt an existing org)",
      );
    }
    const name = resource ?? slug(String(args.name ?? args.orgId));
    if (name === "") throw new ProgramConfigError(`${key}.resource`, "must not be empty");
    if (seen.has(name)) {
      throw new ProgramConfigError(
        `${key}.resource`,
        `"${name}" is used twice; give one org another resource name`,
      );
    }
    seen.add(name);
    return { resource: name, args, memberships };
  });
  return { instanceId, orgs, usageDays };
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}
