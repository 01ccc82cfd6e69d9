/**
 * Environment variables for the engine operations of one block: the driver inherits this
 * process's environment, and through it the CLI and the provider plugin.
 */

/**
 * Sets the variables `values()` gives in `process.env` before the block's tests (after the
 * block's earlier `beforeAll` hooks, so it may read a simulator) and restores them after.
 */
export function useEnv(values: () => Record<string, string>): void {
  const saved: Record<string, string | undefined> = {};
  beforeAll(() => {
    for (const [key, value] of Object.entries(values())) {
      saved[key] = process.env[key];
      process.env[key] = value;
    }
  });
  afterAll(() => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });
}
