/**
 * The unit under test: how this team turns a customer into a Losant org. The rules live
 * here, in plain code, so the tests can state them.
 */
import type * as pulumi from "@pulumi/pulumi";
import { InstanceOrg } from "pulumi-losant";

/** What each service tier allows. */
export const TIER_LIMITS = {
  silver: { device: 100, member: 10 },
  gold: { device: 1000, member: 50 },
} as const;

/** A service tier we sell. */
export type Tier = keyof typeof TIER_LIMITS;

/** Whether `value` names a tier (stack config is plain text). */
export function isTier(value: string): value is Tier {
  return Object.hasOwn(TIER_LIMITS, value);
}

/** One customer, as the stack config describes it. */
export interface Customer {
  /** A slug such as `acme`: the resource name and the `customer` tag. */
  customer: string;
  /** The org's name as people see it. */
  displayName: string;
  tier: Tier;
}

/**
 * Declares the org of one customer: the limits of its tier, the tags billing reads, and MFA
 * for everyone in a gold org (for admins in the others).
 *
 * @param instanceId - the Losant instance that owns the org
 * @param customer - who the org is for
 */
export function customerOrg(instanceId: pulumi.Input<string>, customer: Customer): InstanceOrg {
  return new InstanceOrg(customer.customer, {
    instanceId,
    name: customer.displayName,
    limits: { ...TIER_LIMITS[customer.tier] },
    tags: [
      { key: "customer", value: customer.customer },
      { key: "tier", value: customer.tier },
    ],
    mfaMode: customer.tier === "gold" ? "required" : "adminRequired",
  });
}
