/** What a `pulumi-losant` subcommand reads and writes, injected so tests can drive it. */
export interface CommandIo {
  /** Writes to standard output. */
  write(text: string): void;
  /** Writes to standard error. */
  error(text: string): void;
  /** The environment (`process.env` in the real command). */
  env: NodeJS.ProcessEnv;
  /** The clock, ms since the epoch. */
  now: () => number;
  /**
   * Registers what to do on an interrupt (SIGINT); the command must clean up and end soon.
   * The real command runs it once on the first Ctrl-C.
   */
  onInterrupt(handler: () => void): void;
}

/** The real process's {@link CommandIo}. */
export function processIo(): CommandIo {
  return {
    write: (text) => process.stdout.write(text),
    error: (text) => process.stderr.write(text),
    env: process.env,
    now: Date.now,
    onInterrupt: (handler) => process.once("SIGINT", handler),
  };
}
