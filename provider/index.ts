/**
 * The dynamic provider of InstanceOrg and the Losant client it drives. Nothing here imports
 * the SDK: whatever this folder imports is serialized into the state with the provider.
 */
import * as instanceOrgProvider from "./instanceOrgProvider";

/**
 * The provider of InstanceOrg: the exports object of `instanceOrgProvider.ts`, whose exports
 * are the steps. It is one object per process, as Pulumi's serializer wants.
 */
export { instanceOrgProvider };

/**
 * The provider of InstanceOrg (kept for callers of 0.1.0; there is only one).
 *
 * @returns {@link instanceOrgProvider}
 */
export function createInstanceOrgProvider(): typeof instanceOrgProvider {
  return instanceOrgProvider;
}
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
