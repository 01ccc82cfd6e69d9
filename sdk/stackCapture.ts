/**
 * Declaring a resource costs the Pulumi SDK four promises per output property, and it captures
 * and formats a stack trace for each (`debuggablePromise`, kept to explain leaked promises).
 * Under the source-map support the SDK installs, that formatting is most of a program's work:
 * an InstanceOrg declares 27 outputs, so on the engine benchmark a stack of orgs spent more
 * time formatting traces than the same stack of no-op resources spent in all. The resource's
 * own source position is captured apart from these (the SDK raises the limit for it), so
 * turning capture off while the resource is declared loses only the leak report's traces,
 * and only while nobody asked for them.
 */

/** The variable with which Pulumi users ask for leaked promises to be traced. */
export const DEBUG_PROMISE_LEAKS_VARIABLE = "PULUMI_DEBUG_PROMISE_LEAKS";

/**
 * Turns V8's stack capture off until the returned function is called, unless
 * `PULUMI_DEBUG_PROMISE_LEAKS` is set. Call the returned function exactly where the
 * declaration ends, in a `finally`: nothing else must run with capture off.
 *
 * @param env - where to look for `PULUMI_DEBUG_PROMISE_LEAKS` (default `process.env`)
 * @returns a function that restores the previous limit; calling it more than once is harmless
 */
export function pauseStackCapture(env: NodeJS.ProcessEnv = process.env): () => void {
  if (env[DEBUG_PROMISE_LEAKS_VARIABLE]) return () => undefined;
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  return () => {
    Error.stackTraceLimit = limit;
  };
}

/**
 * Gives an error thrown while capture was paused the stack of the caller of `constructorFn`,
 * so it points at the line of the user's program that declared the resource.
 *
 * @param err - what was thrown; anything but an `Error` is returned as is
 * @param constructorFn - the frames of this function and above are left out
 * @returns `err`
 */
export function withCallerStack(
  err: unknown,
  constructorFn: abstract new (...args: never[]) => unknown,
): unknown {
  if (err instanceof Error) Error.captureStackTrace(err, constructorFn);
  return err;
}
