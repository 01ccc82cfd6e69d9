/**
 * The Pulumi program: one customer org per stack, from stack config. It is a function (Pulumi
 * calls it and exports what it returns), so a test can run it once per case.
 */
import * as pulumi from "@pulumi/pulumi";
import { customerOrg, isTier, TIER_LIMITS } from "./customerOrg";

export = async () => {
  const config = new pulumi.Config();
  const tier = config.get("tier") ?? "silver";
  if (!isTier(tier)) {
    const known = Object.keys(TIER_LIMITS).join(", ");
    throw new Error(`${config.name}:tier is "${tier}"; use one of: ${known}`);
  }
  const org = customerOrg(config.require("instanceId"), {
    customer: config.require("customer"),
    displayName: config.require("displayName"),
    tier,
  });
  return { orgId: org.id, orgName: org.name };
};
