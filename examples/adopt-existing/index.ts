/**
 * Adopts an org that already exists (made by hand or by a script) so Pulumi manages it from
 * now on. Pulumi's `import` option cannot adopt a dynamic resource, so InstanceOrg takes the
 * org's ID as the `orgId` input instead.
 */
import * as pulumi from "@pulumi/pulumi";
import { InstanceOrg } from "pulumi-losant";

const config = new pulumi.Config();

const org = new InstanceOrg(
  "legacy-customer",
  {
    instanceId: config.require("instanceId"),
    // The first `pulumi up` reads this org and PATCHes only the fields below that differ;
    // no org is created. Changing orgId later replaces the resource.
    orgId: config.require("orgId"),
    // `name` is left out, so the org keeps its name and Pulumi never diffs it. Add it (or any
    // other field) to manage it too.
    limits: { device: 250 },
    tags: [{ key: "managed-by", value: "pulumi" }],
    mfaMode: "required",
  },
  {
    // `pulumi destroy`, or removing this resource, would delete the org in Losant. With
    // retainOnDelete it only leaves the stack and the org stays. Remove this line once Pulumi
    // should own the org's whole life.
    retainOnDelete: true,
  },
);

export const orgId = org.id;
/** The org's name as the server has it: read, not managed. */
export const orgName = org.name;
export const deviceLimit = org.limits.apply((limits) => limits?.device);
