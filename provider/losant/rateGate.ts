import { processLocal } from "../processLocal";

/**
 * A pause shared by every request to one API. All resources of a stack run in one dynamic
 * provider process, each step with a client of its own, against one rate limit: when the
 * server answers 429, every request should hold off, not only the one that got the answer,
 * or the others spend their attempts on more 429s while the server's bucket refills.
 */
export interface RateGate {
  /** Ms since the epoch before which no request should start. */
  pausedUntil: number;
}

/** The clock the gate waits on: the client's, injected in tests. */
export interface GateClock {
  now(): number;
  sleep(ms: number): Promise<void>;
  /** Returns [0, 1). */
  random(): number;
}

/** Where the gates live in process-local storage, one per API base URL. */
const GATES_KEY = "losantRateGates";

/**
 * Of a pause, the fraction over which the requests it held come back, so they do not all land
 * at the same instant. Small: in one process the server's bucket refilled during the pause.
 */
const RELEASE_SPREAD = 0.05;

/**
 * The gate of the API at `url` in this process, created on first use. It lives in
 * process-local storage (see `provider/processLocal.ts`): the serializer never captures it
 * into the state, and each provider process has its own.
 */
export function sharedRateGate(url: string): RateGate {
  const gates = processLocal<Record<string, RateGate>>(GATES_KEY, () => ({}));
  gates[url] ??= { pausedUntil: 0 };
  return gates[url];
}

/** Holds every request through `gate` until `until` (ms since the epoch); never shortens a pause. */
export function pauseGate(gate: RateGate, until: number): void {
  gate.pausedUntil = Math.max(gate.pausedUntil, until);
}

/**
 * Resolves once no pause is in force. A request held by a pause waits until its end plus a
 * jitter of up to {@link RELEASE_SPREAD} of the wait, and waits again if it was extended.
 */
export async function passGate(gate: RateGate, clock: GateClock): Promise<void> {
  for (;;) {
    const wait = gate.pausedUntil - clock.now();
    if (wait <= 0) return;
    await clock.sleep(wait + Math.round(clock.random() * wait * RELEASE_SPREAD));
  }
}
