/**
 * The program the CI workflow previews: one org whose settings come from stack config
 * (Pulumi.<stack>.yaml), so a pull request that edits them shows its change in the preview.
 * The token is not in the config: CI passes it as LOSANT_API_TOKEN from a secret.
 */
import * as pulumi from "@pulumi/pulumi";
import { InstanceOrg } from "pulumi-losant";

const config = new pulumi.Config();

const org = new InstanceOrg("field-services", {
  instanceId: config.require("instanceId"),
  name: config.require("orgName"),
  limits: { device: config.requireNumber("deviceLimit") },
  tags: [{ key: "managed-by", value: "pulumi" }],
});

export const orgId = org.id;
