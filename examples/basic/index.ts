/**
 * One org of a Losant Enterprise instance, declared in full: name, description, limits,
 * tags, a banner and the MFA mode. `pulumi up` creates it, a change here updates it in place,
 * `pulumi destroy` deletes it.
 */
import * as pulumi from "@pulumi/pulumi";
import { InstanceOrg } from "pulumi-losant";

const config = new pulumi.Config();

const org = new InstanceOrg("acme", {
  instanceId: config.require("instanceId"),
  name: "Acme Manufacturing",
  description: "Plant-floor telemetry for Acme",
  // Only the limits named here are managed; the others keep the instance's defaults.
  limits: {
    device: 500,
    member: 25,
    dataTTL: 30 * 86_400, // seconds; the API wants at least one day
  },
  // Tags are compared by key, so reordering them here is not a change.
  tags: [
    { key: "customer", value: "acme" },
    { key: "tier", value: "gold" },
  ],
  banner: { message: "Scheduled maintenance Sunday 02:00 UTC", level: "info" },
  mfaMode: "adminRequired",
});

/** The org's ID: what the Losant API, the usage functions and `orgId` adoption take. */
export const orgId = org.id;
export const orgName = org.name;
/**
 * A declared limit as the server holds it. The outputs keep only the declared limits;
 * `getInstanceOrgOutput` reads every limit, the instance's defaults included.
 */
export const deviceLimit = org.limits.apply((limits) => limits?.device);
