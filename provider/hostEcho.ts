/**
 * One error, once. When a dynamic provider's check, diff, read or delete throws, the engine
 * reports the error's message on the resource, and `@pulumi/pulumi`'s dynamic provider host
 * also writes `${error}: ${error.stack}` to its stderr, which the engine shows again under the
 * stack: the message twice (`X: LosantApiError: X`), then a stack mapped into `.ts` files the
 * package does not ship. For the errors a step hands to the engine on purpose, that echo says
 * nothing the resource's own line does not, so it is dropped; anything else the host prints
 * (a crash, an error from elsewhere) still goes through.
 */
import { hostEngineAddress } from "./host";

/** The part of `console` the host writes its echo with. */
export interface ErrorConsole {
  error(...args: unknown[]): void;
}

// Per console, each expected echo and how many times: reads that share one list request all
// throw that request's error, and the host echoes it for each.
const expected = new WeakMap<ErrorConsole, Map<string, number>>();

/**
 * Marks `error` as reported by the engine on its resource, so the host's echo of it is not
 * printed; returns `error` to be thrown. Outside the host (tests, programs) it changes nothing.
 *
 * @param error - what the step is about to throw
 * @param target - the console the host writes to (the global one by default)
 * @param inHost - whether this process is the dynamic provider host
 */
export function reportedOnce<E>(
  error: E,
  target: ErrorConsole = console,
  inHost: boolean = hostEngineAddress() !== undefined,
): E {
  if (!inHost || !(error instanceof Error)) return error;
  let lines = expected.get(target);
  if (lines === undefined) {
    lines = new Map();
    expected.set(target, lines);
    const write = target.error.bind(target);
    const pending = lines;
    target.error = (...args: unknown[]): void => {
      const left = args.length === 1 && typeof args[0] === "string" ? pending.get(args[0]) : 0;
      if (left === undefined || left === 0) return write(...args);
      if (left === 1) pending.delete(args[0] as string);
      else pending.set(args[0] as string, left - 1);
    };
  }
  // The host's exact text; reading `stack` here also fixes it, so both reads agree.
  const line = `${String(error)}: ${error.stack}`;
  lines.set(line, (lines.get(line) ?? 0) + 1);
  return error;
}

/**
 * `step`, with whatever it throws marked by {@link reportedOnce}: for the steps the host echoes
 * (check, diff, read, delete).
 */
export function reportingOnce<A extends unknown[], R>(
  step: (...args: A) => Promise<R>,
): (...args: A) => Promise<R> {
  return async (...args) => {
    try {
      return await step(...args);
    } catch (err) {
      throw reportedOnce(err);
    }
  };
}
