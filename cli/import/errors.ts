/**
 * A problem the import command reports instead of writing anything: a bad flag, an unknown
 * instance, a token that cannot list orgs, a file that exists. `exitCode` is 2 for a wrong
 * command line, 1 for everything else.
 */
export class ImportError extends Error {
  override readonly name = "ImportError";

  /** @param message - what went wrong and what to do; @param exitCode - the process's exit code */
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
  }
}
