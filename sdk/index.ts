/**
 * Manage Losant Enterprise instance organizations with Pulumi: the {@link InstanceOrg}
 * resource and the usage functions.
 */
export * from "./instanceOrg";
export {
  LosantApiError,
  LosantConfigError,
  isLosantApiError,
  isLosantConfigError,
  ACTION_SCOPES,
  type LosantAction,
} from "../provider/losant";
export * from "./usage";
