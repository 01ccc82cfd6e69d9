/**
 * The engine's special values in property maps: secrets (an object carrying the secret
 * signature) and unknowns (a fixed string, see `provider/unknown.ts`).
 */

/** The key of the engine's special objects that says which kind each is. */
export const SIG_KEY = "4dabf18193072939515e22adb298388d";
/** The {@link SIG_KEY} value of a secret. */
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

/** True when `value` is a secret the engine wrapped. */
export function isSecret(value: unknown): value is { value: unknown } {
  return (
    value !== null &&
    typeof value === "object" &&
    (value as Record<string, unknown>)[SIG_KEY] === SECRET_SIG
  );
}

/** `value` with every secret wrapper removed, all the way down. */
export function plainValue(value: unknown): unknown {
  if (isSecret(value)) return plainValue(value.value);
  if (Array.isArray(value)) return value.map(plainValue);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plainValue(v)]));
  }
  return value;
}

/** `value` wrapped as a secret the engine stores encrypted. */
export function secretValue(value: unknown): Record<string, unknown> {
  return { [SIG_KEY]: SECRET_SIG, value };
}
