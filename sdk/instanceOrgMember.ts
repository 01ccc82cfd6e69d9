import * as pulumi from "@pulumi/pulumi";
import * as instanceOrgMemberProvider from "../provider/instanceOrgMemberProvider";
import {
  MEMBER_OUTPUT_PROPERTIES,
  type InstanceOrgMemberOutputs,
  type MemberRole,
  type ResourceRole,
} from "../provider/member/model";
import type { DeepInput } from "./instanceOrg";
import { pauseStackCapture, withCallerStack } from "./stackCapture";

export type { MemberRole, ResourceRole };

/** The arguments of an {@link InstanceOrgMember}: the org, the user (by ID or email), roles. */
export type InstanceOrgMemberArgs = {
  /** The ID of the Losant instance that owns the org. Changing it replaces the membership. */
  instanceId: pulumi.Input<string>;
  /** The ID of the org. Changing it replaces the membership. */
  orgId: pulumi.Input<string>;
  /** The member's role in the org: admin, edit, collaborate, view or none. Updates in place. */
  role: pulumi.Input<MemberRole>;
  /**
   * Roles on single applications of the org (at most 100). Updates in place. The API never
   * returns them, so a change made outside Pulumi does not show; left out, they are unmanaged.
   */
  applicationRoles?: DeepInput<ResourceRole[]>;
  /** Roles on single dashboards of the org (at most 100), as `applicationRoles`. */
  dashboardRoles?: DeepInput<ResourceRole[]>;
} & (
  | {
      /** The member's Losant user, by ID. Changing it to another user replaces. */
      userId: pulumi.Input<string>;
      email?: undefined;
    }
  | {
      /**
       * The member's Losant user, by email (compared without regard to case). Changing it to
       * another user replaces. What the API does for an email without a Losant user (create
       * the user, invite, or refuse) is the instance's: see docs/members.md.
       */
      email: pulumi.Input<string>;
      userId?: undefined;
    }
);

/** The outputs of an {@link InstanceOrgMember}, one Output per property. */
export type InstanceOrgMemberOutputProperties = {
  readonly [K in keyof InstanceOrgMemberOutputs]-?: pulumi.Output<InstanceOrgMemberOutputs[K]>;
};

// Declaration merging gives the class one typed Output per property of the outputs type.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging
export interface InstanceOrgMember extends InstanceOrgMemberOutputProperties {}

/**
 * One user's membership of an org of a Losant Enterprise instance, with their role.
 *
 * Adds the user to the org (or adopts the membership when the user is a member already: no
 * second POST), changes roles in place, and removes the user when the resource goes away. The
 * resource ID is `orgId/userId`. Inputs are validated against the official schema at preview.
 *
 * Type token: `pulumi-nodejs:dynamic/losant:InstanceOrgMember`.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class InstanceOrgMember extends pulumi.dynamic.Resource {
  /**
   * @param name - the Pulumi resource name
   * @param args - the membership; see {@link InstanceOrgMemberArgs}
   * @param opts - resource options (`protect`, `retainOnDelete`, `dependsOn`, ...)
   */
  constructor(name: string, args: InstanceOrgMemberArgs, opts?: pulumi.CustomResourceOptions) {
    // Every output is declared (undefined) so previews show it as unknown, not missing.
    const props: Record<string, unknown> = Object.fromEntries(
      MEMBER_OUTPUT_PROPERTIES.map((key) => [key, undefined]),
    );
    const resumeStackCapture = pauseStackCapture();
    try {
      super(
        instanceOrgMemberProvider,
        name,
        { ...props, ...args },
        opts,
        "losant",
        "InstanceOrgMember",
      );
    } catch (err) {
      resumeStackCapture();
      throw withCallerStack(err, new.target);
    } finally {
      resumeStackCapture();
    }
  }
}
