/**
 * Manage Losant Enterprise instance organizations with Pulumi: the {@link InstanceOrg} and
 * {@link InstanceOrgMember} resources and the usage functions.
 */
export * from "./instanceOrg";
export * from "./instanceOrgMember";
export {
  LosantApiError,
  LosantConfigError,
  isLosantApiError,
  isLosantConfigError,
  ACTION_SCOPES,
  type LosantAction,
} from "../provider/losant";
export * from "./usage";
