/**
 * A create that made (or adopted) the org but failed a later step. The dynamic provider host
 * passes `id` and `properties` on to the engine, which keeps the org in the state so the next
 * `pulumi up` finishes the job instead of creating another one.
 */
export class PartialCreateError extends Error {
  declare readonly name: "PartialCreateError";
  /** The org's ID. */
  readonly id: string;
  /** The outputs known so far. */
  readonly properties: Record<string, unknown>;
  /** Why the create did not complete. */
  readonly reasons: string[];

  /**
   * @param id - the org that exists now
   * @param properties - its outputs as far as known
   * @param cause - the failure of the later step
   */
  constructor(id: string, properties: Record<string, unknown>, cause: Error) {
    const message = `org ${id} exists but was not fully configured: ${cause.message}`;
    super(message);
    // Pulumi's closure serializer turns classes into plain functions, dropping field
    // initializers and the message Error would set: assigning in the body survives that.
    this.name = "PartialCreateError";
    this.message = message;
    this.id = id;
    this.properties = properties;
    this.reasons = [cause.message];
  }
}
