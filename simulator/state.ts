/**
 * The optional JSON state file that lets a long-running simulator survive restarts.
 */
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";

import type { TokenRecord } from "./auth";
import type { InstanceRecord, MemberRecord, OrgRecord, UserRecord } from "./model";

/** Version of the state file layout; a file of another version is refused. */
export const STATE_VERSION = 1;

/** Everything the simulator keeps, as written to the state file. */
export interface SimulatorState {
  version: typeof STATE_VERSION;
  /** The seeded instance and tokens reported at start. */
  seed: { instanceId: string; tokens: { admin: string; readOnly: string } };
  instances: InstanceRecord[];
  orgs: OrgRecord[];
  /** Absent in files saved before users existed: each instance then gets the seeded users. */
  users?: UserRecord[];
  /** Absent in files saved before members existed. */
  members?: MemberRecord[];
  tokens: TokenRecord[];
}

/**
 * Reads a state file.
 * @returns the state, or `undefined` when the file does not exist yet.
 * @throws Error when the file is not JSON or has another version.
 */
export function loadState(file: string): SimulatorState | undefined {
  if (!existsSync(file)) return undefined;
  let state: Partial<SimulatorState>;
  try {
    state = JSON.parse(readFileSync(file, "utf8")) as Partial<SimulatorState>;
  } catch (error) {
    throw new Error(`State file ${file} is not valid JSON: ${(error as Error).message}`);
  }
  if (state.version !== STATE_VERSION || !state.seed) {
    throw new Error(`State file ${file} is not a version ${STATE_VERSION} simulator state`);
  }
  return state as SimulatorState;
}

/**
 * Writes a state file atomically (a temporary file renamed over it), readable only by its
 * owner because it holds the tokens.
 */
export function saveState(file: string, state: SimulatorState): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
  chmodSync(temporary, 0o600);
  renameSync(temporary, file);
}
