import type * as pulumi from "@pulumi/pulumi";
import { pulumiSdk } from "../pulumiSdk";
import { dateToMillis } from "./time";

/** Arguments of an Output form: each one may be a plain value, a Promise or an Output. */
export type InputArgs<T> = { [K in keyof T]: pulumi.Input<T[K]> };

const TIME_ARGUMENTS = ["start", "end"];

/**
 * Builds the Output form of a usage function: waits for every argument, then calls the
 * Promise form once. While any argument is unknown (during preview), `apply` does not run
 * the call, so nothing is sent and the result is unknown.
 *
 * @param args - the arguments, each an Input
 * @param call - the Promise form, given the plain arguments
 * @returns an Output of the result; an error of `call` fails the Output
 */
export function outputForm<A extends object, R>(
  args: InputArgs<A>,
  call: (plain: A) => Promise<R>,
): pulumi.Output<R> {
  // pulumi.output() copies objects key by key, which turns a Date into {}: hand it
  // milliseconds instead, whether the Date is given as it is, in a Promise or in an Output.
  const prepared: Record<string, unknown> = { ...args };
  for (const key of TIME_ARGUMENTS) {
    if (prepared[key] !== undefined) prepared[key] = mapInput(prepared[key], dateToMillis);
  }
  return pulumiSdk()
    .output(prepared)
    .apply((plain) => call(plain as A));
}

function mapInput(value: unknown, f: (v: unknown) => unknown): unknown {
  if (pulumiSdk().Output.isInstance(value)) return value.apply(f);
  if (value instanceof Promise) return value.then(f);
  return f(value);
}
