/**
 * One simulator per test file.
 *
 * ```ts
 * const sim = useSimulator();
 * it("creates an org", async () => {
 *   await fetch(`${sim().url}/instances/${sim().instanceId}/orgs`, ...);
 * });
 * ```
 *
 * - `beforeAll` starts the simulator (with `options`), `afterAll` closes it;
 * - `beforeEach` clears fault rules and the request log and restores `options.rateLimit`
 *   (with a full bucket), so a rule, a count or a limit left by one test never leaks into
 *   the next;
 * - `afterAll` fails the file if any response broke its own schema (or the simulator
 *   crashed), because a test passing against an invalid answer proves nothing.
 *
 * The simulator runs under the profile named by `LOSANT_SIM_PROFILE` (`documented` when
 * unset) unless `options.profile` says otherwise; `jest.config.js` runs the integration
 * tests once per named profile this way.
 */
import {
  namedProfile,
  PROFILE_ENV,
  startSimulator,
  type Simulator,
  type SimulatorOptions,
  type SimulatorProfile,
} from "../../simulator";

/**
 * The profile named by `LOSANT_SIM_PROFILE`, if set.
 * @throws Error naming the known profiles when the variable names none of them.
 */
export function profileFromEnv(): SimulatorProfile | undefined {
  const name = process.env[PROFILE_ENV];
  return name ? namedProfile(name) : undefined;
}

/**
 * Registers the jest hooks described above; call it at the top of a file or `describe`.
 * @param options - passed to `startSimulator`; `profile` defaults to {@link profileFromEnv}.
 * @returns a function giving the running simulator.
 * @throws Error from the returned function when called before `beforeAll` has run.
 */
export function useSimulator(options: SimulatorOptions = {}): () => Simulator {
  let simulator: Simulator | undefined;
  beforeAll(async () => {
    simulator = await startSimulator({ profile: profileFromEnv(), ...options });
  });
  beforeEach(() => {
    simulator?.faults.clear();
    simulator?.requests.reset();
    simulator?.setRateLimit(options.rateLimit);
  });
  afterAll(async () => {
    if (!simulator) return;
    const errors = [...simulator.responseErrors];
    await simulator.close();
    simulator = undefined;
    expect(errors).toEqual([]);
  });
  return () => {
    if (!simulator)
      throw new Error("useSimulator: the simulator is not running (use it in a test)");
    return simulator;
  };
}
