/**
 * Checks of InstanceOrgMember inputs against the official schema of a member POST, with the
 * property path of each broken rule; no request.
 */
import type { ValidateFunction } from "ajv";
import memberPostSchema from "../../schemas/instanceOrgMemberPost.json";
import { ID_PATTERN, isLosantId } from "../losant/org";
import { processLocal } from "../processLocal";
import { isUnknown } from "../unknown";
import { newAjv, schemaFailures, type CheckFailure } from "../validation";

/** Where the membership lives, and what the ID names; never part of the POST's body. */
const PLACE = {
  instanceId: "the ID of the Losant instance",
  orgId: "the ID of the org",
} as const;

interface Validators {
  byUserId: ValidateFunction;
  byEmail: ValidateFunction;
}

// The POST schema is a oneOf of the two ways to name the user; once the inputs say which way
// they use, that branch alone gives errors that speak of it (not "must match one of").
function compiled(): Validators {
  return processLocal("instanceOrgMemberValidators", () => {
    const ajv = newAjv();
    const [byUserId, byEmail] = memberPostSchema.oneOf;
    return { byUserId: ajv.compile(byUserId), byEmail: ajv.compile(byEmail) };
  });
}

/**
 * Validates InstanceOrgMember inputs: `instanceId` and `orgId` are Losant IDs, exactly one of
 * `userId` and `email` names the user, and the rest follows the official schema of a member
 * POST (a known `role`, at most 100 application and dashboard roles, ...). Values the engine
 * does not know yet pass.
 *
 * @param inputs - the resource's inputs as the engine hands them to `check`
 * @returns one failure per broken rule, empty when the inputs are valid
 */
export function validateMemberInputs(inputs: Record<string, unknown>): CheckFailure[] {
  const failures: CheckFailure[] = [];
  for (const [key, meaning] of Object.entries(PLACE)) {
    const value = inputs[key];
    if (isUnknown(value)) continue;
    if (value === undefined)
      failures.push({ property: key, reason: `${key} is required: ${meaning}` });
    else if (!isLosantId(value))
      failures.push({
        property: key,
        reason: `${key} must be a Losant ID: 24 hexadecimal characters (pattern ${ID_PATTERN.source})`,
      });
  }
  const byUserId = inputs.userId !== undefined;
  const byEmail = inputs.email !== undefined;
  if (byUserId === byEmail) {
    failures.push({
      property: byUserId ? "email" : "userId",
      reason: byUserId
        ? "userId and email cannot both be set: name the member by one of them"
        : "userId or email is required: the member's Losant user ID, or the email of the user to add",
    });
    return failures;
  }
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(inputs)) {
    if (key === "__provider" || key in PLACE || value === undefined) continue;
    body[key] = value;
  }
  const validate = byUserId ? compiled().byUserId : compiled().byEmail;
  if (!validate(body)) failures.push(...schemaFailures(validate.errors ?? [], body, "the member"));
  return failures;
}
