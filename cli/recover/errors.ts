/**
 * Recovery could not settle the stack. The message says why and what to do; the stack is left
 * as it was.
 */
export class RecoverError extends Error {
  declare readonly name: "RecoverError";

  /** @param message - what went wrong and what to do about it */
  constructor(message: string) {
    super(message);
    this.name = "RecoverError";
  }
}
