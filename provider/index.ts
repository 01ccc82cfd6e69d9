/**
 * The dynamic provider of InstanceOrg and the Losant client it drives. Nothing here imports
 * the SDK: whatever this folder imports is serialized into the state with the provider.
 */
export { createInstanceOrgProvider, instanceOrgProvider } from "./instanceOrgProvider";
export { PartialCreateError } from "./errors";
export { validateInputs, type CheckFailure } from "./validation";
export { changedFields, managedProperties, patchBody } from "./compare";
export {
  WRITABLE_FIELDS,
  SUMMARY_FIELDS,
  type InstanceOrgInputs,
  type InstanceOrgOutputs,
} from "./inputs";
export { UNKNOWN, isUnknown } from "./unknown";
export * from "./losant";
