/**
 * Values that belong to the process running the provider and must never travel with it.
 *
 * Pulumi serializes the provider into the state with every value its functions reach:
 * module variables included, at whatever they hold at that moment. Settings read by
 * `configure` (the token) and compiled validators (generated code) must not be among them, so
 * they live on the process's global object, which the serializer never captures.
 */
const STORE_KEY = "__pulumiLosantProcessLocal";

type Store = Record<string, unknown>;

function store(): Store {
  const holder = globalThis as { [STORE_KEY]?: Store };
  holder[STORE_KEY] ??= {};
  return holder[STORE_KEY];
}

/** Reads a process-local value. */
export function getProcessLocal<T>(key: string): T | undefined {
  return store()[key] as T | undefined;
}

/** Sets a process-local value. */
export function setProcessLocal<T>(key: string, value: T): void {
  store()[key] = value;
}

/** Returns the process-local value, creating it on first use. */
export function processLocal<T>(key: string, create: () => T): T {
  const existing = getProcessLocal<T>(key);
  if (existing !== undefined) return existing;
  const value = create();
  setProcessLocal(key, value);
  return value;
}
