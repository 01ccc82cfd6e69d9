/**
 * A usage function was called with an argument it refuses. Thrown (or, for the Output forms,
 * carried by the Output) before any request is sent.
 */
export class LosantArgumentError extends Error {
  override readonly name = "LosantArgumentError";
  /** The function that refused it, for example `getDeviceCounts`. */
  readonly functionName: string;
  /** The argument at fault, for example `orgId` or `resolution`. */
  readonly argument: string;
  /** The rule it breaks, for example `must be 24 hexadecimal characters`. */
  readonly rule: string;

  /**
   * @param functionName - the usage function called
   * @param argument - the argument at fault
   * @param rule - the rule it breaks, phrased to follow the argument's name
   * @param got - a short description of the value received (never a secret)
   */
  constructor(functionName: string, argument: string, rule: string, got?: string) {
    super(
      `${functionName}: argument "${argument}" ${rule}${got === undefined ? "" : ` (got ${got})`}.`,
    );
    this.functionName = functionName;
    this.argument = argument;
    this.rule = rule;
  }
}

/** True when `err` is a {@link LosantArgumentError}, also across copies of this module. */
export function isLosantArgumentError(err: unknown): err is LosantArgumentError {
  return err instanceof Error && err.name === "LosantArgumentError";
}
